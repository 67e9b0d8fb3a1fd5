package dev.improv.music.musicxml;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MeterChange;
import dev.improv.music.MidiFiles;
import dev.improv.music.MidiNote;
import dev.improv.music.Song;
import dev.improv.music.TempoChange;
import dev.improv.music.Track;
import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.Harmony;
import org.audiveris.proxymusic.Metronome;
import org.audiveris.proxymusic.Note;
import org.audiveris.proxymusic.Pitch;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.Sound;
import org.audiveris.proxymusic.StartStop;
import org.audiveris.proxymusic.Tie;
import org.audiveris.proxymusic.Time;

/**
 * A bound MusicXML lead sheet as a two-track {@link Song} laid out like the Nottingham MIDI files:
 * track 0 the melody (the first part's notes, every voice), track 1 the chord symbols as block
 * chords ({@link ChordSymbol}), each held until the next symbol. Ties join notes; rests, backups and
 * forwards move time; grace and cue notes take none and are left out. Repeats are not expanded (each
 * measure sounds once, as written).
 *
 * <p>Bar lines: a short first measure (a pickup) is padded at its start, and a later measure
 * shorter than its time signature is padded at its end, so that every bar starts where the
 * meter says; the tokenizer counts bars from the meter alone.
 *
 * <p>Key: the first {@code <key>}. music21, which wrote OpenEWLD, marks every key "major"; so a
 * score whose signature says major but whose last chord symbol is the relative minor's tonic
 * triad (e.g. no sharps, ending on A minor) is read as that minor key. Tempo: {@code <sound
 * tempo>}, else a {@code <metronome>} mark, else MIDI's default of 120 quarter notes a minute.
 */
final class LeadSheet {

    /** Ticks per quarter note of the songs made here (the corpus tokenizer quantises to 12 a quarter). */
    static final int TICKS_PER_QUARTER = 480;

    private static final int VELOCITY = 90; // the Nottingham files' one velocity
    private static final double DEFAULT_BPM = 120;
    /** A note or a move longer than this many quarter notes is an error in the file, not music. */
    private static final double MAX_QUARTERS = 4096;

    private final String name;
    private final List<MidiNote> notes = new ArrayList<>();
    private final List<long[]> chordStarts = new ArrayList<>(); // {tick, index into voicings}
    private final List<ChordSymbol.Voicing> voicings = new ArrayList<>();
    private final List<TempoChange> tempos = new ArrayList<>();
    private final List<MeterChange> meters = new ArrayList<>();
    private final Map<Integer, Integer> tiedFrom = new HashMap<>(); // pitch -> index in notes of a note whose tie goes on
    private final int[] pitchClasses = new int[12];
    private BigDecimal divisions;
    private Meter meter = Meter.FOUR_FOUR;
    private Integer fifths;
    private boolean minorMode;
    private String where;

    private LeadSheet(String name) {
        this.name = name;
    }

    static Song toSong(ScorePartwise score, String name) throws InvalidMusicXmlException {
        if (score.getPart().isEmpty()) {
            throw new InvalidMusicXmlException(name + ": no <part>");
        }
        List<ScorePartwise.Part.Measure> measures = score.getPart().get(0).getMeasure();
        if (measures.isEmpty()) {
            throw new InvalidMusicXmlException(name + ": the first <part> has no <measure>");
        }
        if (measures.size() > MidiFiles.MAX_BARS) {
            throw new InvalidMusicXmlException(name + ": " + measures.size() + " measures; scores over " + MidiFiles.MAX_BARS
                    + " are refused");
        }
        try {
            return new LeadSheet(name).read(measures);
        } catch (IllegalArgumentException e) {
            throw new InvalidMusicXmlException(name + ": " + e.getMessage(), e);
        }
    }

    private Song read(List<ScorePartwise.Part.Measure> measures) throws InvalidMusicXmlException {
        double start = 0; // quarter notes from the first measure's start
        double firstLength = 0;
        for (int m = 0; m < measures.size(); m++) {
            ScorePartwise.Part.Measure measure = measures.get(m);
            where = name + ": measure " + (measure.getNumber() == null ? "#" + (m + 1) : clean(measure.getNumber()));
            Meter before = meter;
            double length = measure(measure, start);
            if (m == 0 || !meter.equals(before)) {
                meters.add(new MeterChange(ticks(start), meter));
            }
            if (m == 0) {
                firstLength = length;
            }
            start += m == 0 && length > 0 ? length : Math.max(length, meter.quarters());
        }
        // A pickup: move everything so that the first full bar starts on a bar line.
        long shift = firstLength > 0 && firstLength < meters.get(0).meter().quarters()
                ? ticks(meters.get(0).meter().quarters() - firstLength) : 0;
        long end = ticks(start) + shift;
        chordStarts.sort(java.util.Comparator.comparingLong(c -> c[0])); // a <backup> can place a symbol earlier
        List<MidiNote> all = new ArrayList<>();
        for (MidiNote n : notes) {
            all.add(n.shifted(shift));
        }
        for (int i = 0; i < chordStarts.size(); i++) {
            long from = chordStarts.get(i)[0] + shift;
            long to = i + 1 < chordStarts.size() ? chordStarts.get(i + 1)[0] + shift : end;
            ChordSymbol.Voicing v = voicings.get((int) chordStarts.get(i)[1]);
            if (v != null && to > from) {
                for (int p : v.pitches()) {
                    all.add(new MidiNote(1, p, from, to - from, VELOCITY));
                }
            }
        }
        List<TempoChange> tempoMap = new ArrayList<>();
        tempoMap.add(new TempoChange(0, DEFAULT_BPM));
        for (TempoChange t : tempos) {
            tempoMap.add(new TempoChange(t.tick() == 0 ? 0 : t.tick() + shift, t.bpm()));
        }
        List<MeterChange> meterMap = new ArrayList<>();
        for (MeterChange c : meters) {
            meterMap.add(new MeterChange(c.tick() == 0 ? 0 : c.tick() + shift, c.meter()));
        }
        List<Track> tracks = List.of(new Track("melody", 0, 0), new Track("chords", 1, 0));
        return new Song(TICKS_PER_QUARTER, key(), tracks, all, lastPerTick(tempoMap), meterMap);
    }

    /** Reads one measure starting at {@code start} quarter notes; returns how long its content runs. */
    private double measure(ScorePartwise.Part.Measure measure, double start) throws InvalidMusicXmlException {
        double cursor = 0;
        double furthest = 0;
        double lastNoteAt = 0;
        for (Object item : measure.getNoteOrBackupOrForward()) {
            if (item instanceof Attributes a) {
                attributes(a);
            } else if (item instanceof Note n) {
                if (n.getGrace() != null || n.getCue() != null) {
                    continue; // takes no time of its own
                }
                double length = quarters(n.getDuration(), "note");
                double at = n.getChord() != null ? lastNoteAt : cursor;
                if (n.getPitch() != null) {
                    note(n, start + at, length);
                }
                lastNoteAt = at;
                cursor = at + length;
            } else if (item instanceof Backup b) {
                cursor -= quarters(b.getDuration(), "backup");
                if (cursor < -1e-9) {
                    throw new InvalidMusicXmlException(where + ": <backup> goes back before the measure's start");
                }
            } else if (item instanceof Forward f) {
                cursor += quarters(f.getDuration(), "forward");
            } else if (item instanceof Harmony h) {
                double offset = h.getOffset() == null || h.getOffset().getValue() == null ? 0
                        : divisionsToQuarters(h.getOffset().getValue(), "offset");
                chord(h, start + Math.max(0, cursor + offset));
            } else if (item instanceof Direction d) {
                direction(d, start + cursor);
            } else if (item instanceof Sound s) {
                sound(s, start + cursor);
            }
            furthest = Math.max(furthest, cursor);
        }
        return furthest;
    }

    private void attributes(Attributes a) throws InvalidMusicXmlException {
        if (a.getDivisions() != null) {
            if (a.getDivisions().signum() <= 0 || a.getDivisions().compareTo(BigDecimal.valueOf(1 << 20)) > 0) {
                throw new InvalidMusicXmlException(where + ": <divisions> " + a.getDivisions().toPlainString()
                        + " is not in 1.." + (1 << 20));
            }
            divisions = a.getDivisions();
        }
        if (!a.getKey().isEmpty() && fifths == null && a.getKey().get(0).getFifths() != null) {
            int f = a.getKey().get(0).getFifths().intValue();
            if (a.getKey().get(0).getFifths().abs().intValue() > 7) {
                throw new InvalidMusicXmlException(where + ": <fifths> " + a.getKey().get(0).getFifths() + " is not in -7..7");
            }
            fifths = f;
            minorMode = "minor".equals(a.getKey().get(0).getMode());
        }
        for (Time t : a.getTime()) {
            Integer beats = null;
            Integer beatType = null;
            for (JAXBElement<String> e : t.getTimeSignature()) {
                String local = e.getName().getLocalPart();
                if (local.equals("beats") && beats == null) {
                    beats = number(e.getValue(), "beats");
                } else if (local.equals("beat-type") && beatType == null) {
                    beatType = number(e.getValue(), "beat-type");
                }
            }
            if (beats != null && beatType != null) {
                try {
                    meter = new Meter(beats, beatType);
                } catch (IllegalArgumentException e) {
                    throw new InvalidMusicXmlException(where + ": <time> " + beats + "/" + beatType + ": " + e.getMessage(), e);
                }
                break;
            } else if (t.getSenzaMisura() == null) {
                throw new InvalidMusicXmlException(where + ": <time> needs <beats> and <beat-type>");
            }
        }
    }

    /** A time signature number; "3+2" (a compound signature) counts 5. */
    private int number(String text, String element) throws InvalidMusicXmlException {
        int sum = 0;
        for (String part : text.trim().split("\\+", -1)) {
            try {
                sum += Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new InvalidMusicXmlException(where + ": <" + element + "> '" + clean(text) + "' is not a number", e);
            }
            if (sum > 1000) {
                break;
            }
        }
        return sum;
    }

    private void note(Note n, double at, double length) throws InvalidMusicXmlException {
        Pitch p = n.getPitch();
        if (p.getStep() == null) {
            throw new InvalidMusicXmlException(where + ": <pitch> without a <step>");
        }
        int midi = (p.getOctave() + 1) * 12 + ChordSymbol.pitchClass(p.getStep()) + ChordSymbol.alter(p.getAlter(), where, "alter");
        if (midi < 0 || midi > 127) {
            throw new InvalidMusicXmlException(where + ": <pitch> " + p.getStep() + p.getOctave() + " is outside MIDI's 0..127");
        }
        boolean stop = false;
        boolean goesOn = false;
        for (Tie t : n.getTie()) {
            stop |= t.getType() == StartStop.STOP;
            goesOn |= t.getType() == StartStop.START;
        }
        long from = ticks(at);
        long to = ticks(at + length);
        Integer held = stop ? tiedFrom.remove(midi) : null;
        if (held != null && Math.abs(notes.get(held).endTick() - from) <= 1) {
            MidiNote before = notes.get(held);
            notes.set(held, new MidiNote(0, midi, before.startTick(), to - before.startTick(), VELOCITY));
            if (goesOn) {
                tiedFrom.put(midi, held);
            }
            return;
        }
        if (to <= from) {
            return; // a zero-length note sounds nothing
        }
        notes.add(new MidiNote(0, midi, from, to - from, VELOCITY));
        pitchClasses[midi % 12]++;
        if (goesOn) {
            tiedFrom.put(midi, notes.size() - 1);
        } else {
            tiedFrom.remove(midi);
        }
    }

    private void chord(Harmony h, double at) throws InvalidMusicXmlException {
        voicings.add(ChordSymbol.voice(h, where));
        chordStarts.add(new long[] {ticks(at), voicings.size() - 1});
    }

    private void direction(Direction d, double at) throws InvalidMusicXmlException {
        if (d.getSound() != null && d.getSound().getTempo() != null) {
            sound(d.getSound(), at);
            return;
        }
        for (DirectionType type : d.getDirectionType()) {
            Metronome m = type.getMetronome();
            if (m != null && m.getPerMinute() != null && m.getBeatUnit() != null) {
                double perMinute;
                try {
                    perMinute = Double.parseDouble(m.getPerMinute().getValue().trim());
                } catch (NumberFormatException | NullPointerException e) {
                    continue; // "c. 100" and the like: words, not a tempo
                }
                double unit = switch (m.getBeatUnit()) {
                    case "whole" -> 4;
                    case "half" -> 2;
                    case "quarter" -> 1;
                    case "eighth" -> 0.5;
                    case "16th" -> 0.25;
                    default -> 0;
                };
                unit *= 2 - Math.pow(0.5, m.getBeatUnitDot().size());
                tempo(perMinute * unit, at, "per-minute");
            }
        }
    }

    private void sound(Sound s, double at) throws InvalidMusicXmlException {
        if (s.getTempo() != null) {
            tempo(s.getTempo().doubleValue(), at, "sound tempo");
        }
    }

    private void tempo(double bpm, double at, String element) throws InvalidMusicXmlException {
        if (bpm == 0) {
            return; // an unknown beat unit
        }
        if (!(bpm >= 1 && bpm <= 1000)) {
            throw new InvalidMusicXmlException(where + ": <" + element + "> " + bpm + " is not a tempo in 1..1000 quarter notes a minute");
        }
        tempos.add(new TempoChange(ticks(at), bpm));
    }

    private double quarters(BigDecimal duration, String element) throws InvalidMusicXmlException {
        if (duration == null) {
            throw new InvalidMusicXmlException(where + ": <" + element + "> without a <duration>");
        }
        if (duration.signum() < 0) {
            throw new InvalidMusicXmlException(where + ": <" + element + "> has a negative <duration>");
        }
        return divisionsToQuarters(duration, "duration");
    }

    private double divisionsToQuarters(BigDecimal value, String element) throws InvalidMusicXmlException {
        if (divisions == null) {
            throw new InvalidMusicXmlException(where + ": <" + element + "> before any <divisions>");
        }
        double q = value.doubleValue() / divisions.doubleValue();
        if (!(Math.abs(q) <= MAX_QUARTERS)) {
            throw new InvalidMusicXmlException(where + ": <" + element + "> " + clean(value.toPlainString()) + " is over "
                    + (long) MAX_QUARTERS + " quarter notes");
        }
        return q;
    }

    private Key key() {
        if (fifths == null) {
            return Key.estimate(pitchClasses);
        }
        Key signature = Key.fromSignature(fifths, minorMode);
        if (!minorMode) {
            ChordSymbol.Voicing last = null;
            for (ChordSymbol.Voicing v : voicings) {
                last = v != null ? v : last;
            }
            int relativeMinor = (signature.tonic() + 9) % 12;
            if (last != null && last.minor() && last.rootPitchClass() == relativeMinor) {
                return new Key(relativeMinor, true);
            }
        }
        return signature;
    }

    private static long ticks(double quarters) {
        return Math.round(quarters * TICKS_PER_QUARTER);
    }

    private static List<TempoChange> lastPerTick(List<TempoChange> changes) {
        Map<Long, TempoChange> byTick = new java.util.LinkedHashMap<>();
        for (TempoChange t : changes) {
            byTick.put(t.tick(), t);
        }
        return new ArrayList<>(byTick.values());
    }

    private static String clean(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return dev.improv.io.BoundedFiles.printable(t.length() > 40 ? t.substring(0, 40) + "..." : t);
    }
}
