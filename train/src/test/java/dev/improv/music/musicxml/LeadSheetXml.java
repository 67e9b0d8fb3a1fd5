package dev.improv.music.musicxml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small MusicXML lead sheets for the tests, shaped like music21's (a DOCTYPE, one part, one voice). */
final class LeadSheetXml {

    private final List<String> measures = new ArrayList<>();
    private StringBuilder current;

    /** A score whose first measure carries divisions, key and time. */
    static LeadSheetXml score(int divisions, int fifths, String mode, int beats, int beatType) {
        LeadSheetXml x = new LeadSheetXml();
        x.measure().raw("<attributes><divisions>" + divisions + "</divisions><key><fifths>" + fifths + "</fifths>"
                + (mode == null ? "" : "<mode>" + mode + "</mode>") + "</key><time><beats>" + beats + "</beats><beat-type>"
                + beatType + "</beat-type></time></attributes>");
        return x;
    }

    /** Starts the next measure. */
    LeadSheetXml measure() {
        current = new StringBuilder();
        measures.add(null);
        return this;
    }

    LeadSheetXml note(String step, int octave, int duration) {
        return raw("<note><pitch><step>" + step + "</step><octave>" + octave + "</octave></pitch><duration>" + duration
                + "</duration><type>quarter</type></note>");
    }

    /** A note with an {@code <alter>} and ties: {@code tie} is "start", "stop", "both" or null. */
    LeadSheetXml note(String step, int alter, int octave, int duration, String tie) {
        String ties = tie == null ? "" : switch (tie) {
            case "start" -> "<tie type=\"start\"/>";
            case "stop" -> "<tie type=\"stop\"/>";
            default -> "<tie type=\"stop\"/><tie type=\"start\"/>";
        };
        return raw("<note><pitch><step>" + step + "</step><alter>" + alter + "</alter><octave>" + octave + "</octave></pitch><duration>"
                + duration + "</duration>" + ties + "</note>");
    }

    LeadSheetXml rest(int duration) {
        return raw("<note><rest/><duration>" + duration + "</duration></note>");
    }

    /** A chord symbol: root step, alteration, MusicXML kind, and an optional slash bass step. */
    LeadSheetXml harmony(String root, int alter, String kind, String bass) {
        return raw("<harmony><root><root-step>" + root + "</root-step>" + (alter == 0 ? "" : "<root-alter>" + alter + "</root-alter>")
                + "</root><kind>" + kind + "</kind>" + (bass == null ? "" : "<bass><bass-step>" + bass + "</bass-step></bass>")
                + "</harmony>");
    }

    LeadSheetXml tempo(int bpm) {
        return raw("<direction><direction-type><words>Slowly</words></direction-type><sound tempo=\"" + bpm + "\"/></direction>");
    }

    LeadSheetXml metronome(String beatUnit, int perMinute) {
        return raw("<direction><direction-type><metronome><beat-unit>" + beatUnit + "</beat-unit><per-minute>" + perMinute
                + "</per-minute></metronome></direction-type></direction>");
    }

    LeadSheetXml raw(String xml) {
        current.append(xml);
        measures.set(measures.size() - 1, current.toString());
        return this;
    }

    /** The score as MusicXML 2.0 text; its DOCTYPE names a DTD address that must never be fetched. */
    String xml() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<!DOCTYPE score-partwise PUBLIC '-//Recordare//DTD MusicXML 2.0 Partwise//EN' 'http://127.0.0.1:9/partwise.dtd'>\n"
                + "<score-partwise>\n<part-list><score-part id=\"P1\"><part-name/>"
                + "<midi-instrument id=\"I1\"><midi-channel>1</midi-channel></midi-instrument></score-part></part-list>\n<part id=\"P1\">\n");
        for (int i = 0; i < measures.size(); i++) {
            s.append("<measure number=\"").append(i + 1).append("\">").append(measures.get(i)).append("</measure>\n");
        }
        return s.append("</part>\n</score-partwise>\n").toString();
    }

    byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    /** A compressed .mxl holding {@code scoreName} and the given container text (null: none). */
    static byte[] mxl(String scoreName, byte[] score, String container) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (container != null) {
                zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
                zip.write(container.getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry(scoreName));
            zip.write(score);
        }
        return out.toByteArray();
    }

    /** The container music21 writes: single-quoted, so an apostrophe in the name breaks it. */
    static String container(String scoreName) {
        return "<?xml version='1.0' encoding='UTF-8'?><container><rootfiles><rootfile full-path='" + scoreName
                + "'/></rootfiles></container>";
    }
}
