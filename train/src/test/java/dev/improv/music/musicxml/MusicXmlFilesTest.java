package dev.improv.music.musicxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MeterChange;
import dev.improv.music.MidiFiles;
import dev.improv.music.MidiNote;
import dev.improv.music.MusicCorpus;
import dev.improv.music.MusicTokenizer;
import dev.improv.music.MusicVocabulary;
import dev.improv.music.Song;
import dev.improv.music.TempoChange;
import dev.improv.music.Track;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MusicXML lead sheets in: notes, rests, ties, chord symbols, key, meter and tempo; and bad files out, named. */
class MusicXmlFilesTest {

    private static final String NAME = "score.musicxml";

    private static Song read(LeadSheetXml x) throws InvalidMusicXmlException {
        return MusicXmlFiles.read(x.bytes(), NAME);
    }

    private static List<int[]> track(Song song, int track) {
        return song.notes().stream().filter(n -> n.track() == track)
                .map(n -> new int[] {n.pitch(), (int) n.startTick(), (int) n.durationTicks()}).toList();
    }

    private static void assertNotes(List<int[]> expected, List<int[]> actual) {
        assertEquals(expected.size(), actual.size(), "note count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "note " + i + " (pitch, start, length)");
        }
    }

    @Test
    void readsNotesRestsTiesChordSymbolsKeyMeterAndTempo() throws Exception {
        LeadSheetXml x = LeadSheetXml.score(2, -1, "major", 4, 4)
                .harmony("F", 0, "major", null).tempo(90)
                .note("C", 4, 2).rest(2).note("E", 0, 4, 4, "start")
                .measure().harmony("B", -1, "major", null)
                .note("E", 0, 4, 2, "stop").note("B", -1, 4, 2, null).rest(4);
        Song song = read(x);
        assertEquals(480, song.ticksPerQuarter());
        assertEquals(new Key(5, false), song.key());
        assertEquals(Meter.FOUR_FOUR, song.meters().get(0).meter());
        assertEquals(1, song.tempos().size());
        assertEquals(90.0, song.tempos().get(0).bpm());
        // the tie joins E4's half note and quarter note into one note of three beats; the rest is silence
        assertNotes(List.of(new int[] {60, 0, 480}, new int[] {64, 960, 1440}, new int[] {70, 2400, 480}), track(song, 0));
        // each chord symbol sounds as a block chord (root in C2-B2) until the next one, the last to the end
        assertNotes(List.of(new int[] {41, 0, 1920}, new int[] {45, 0, 1920}, new int[] {48, 0, 1920},
                new int[] {46, 1920, 1920}, new int[] {50, 1920, 1920}, new int[] {53, 1920, 1920}), track(song, 1));
        assertEquals(List.of("melody", "chords"), song.tracks().stream().map(Track::name).toList());
    }

    @Test
    void aPickupMeasureIsPaddedSoTheFirstFullBarStartsOnABarLine() throws Exception {
        LeadSheetXml x = LeadSheetXml.score(1, 0, null, 3, 4).note("G", 4, 1)
                .measure().harmony("C", 0, "major", null).note("C", 5, 3);
        Song song = read(x);
        assertNotes(List.of(new int[] {67, 960, 480}, new int[] {72, 1440, 1440}), track(song, 0));
        assertEquals(1440, song.notes().stream().filter(n -> n.track() == 1).mapToLong(MidiNote::startTick).min().orElseThrow());
        assertEquals(List.of(0L, 1440L), song.barStarts(song.endTick()));
        assertEquals(new Meter(3, 4), song.meterAt(1440));
    }

    @Test
    void aShortMeasureInTheMiddleIsPaddedAtItsEnd() throws Exception {
        LeadSheetXml x = LeadSheetXml.score(1, 0, null, 4, 4).note("C", 4, 4)
                .measure().note("D", 4, 2)
                .measure().note("E", 4, 4);
        assertEquals(3840, track(read(x), 0).get(2)[1]);
    }

    @Test
    void theKeyIsMinorWhenTheModeSaysSoOrTheLastChordIsTheRelativeMinorsTonic() throws Exception {
        LeadSheetXml endsOnAMinor = LeadSheetXml.score(1, 0, "major", 4, 4).harmony("A", 0, "minor", null).note("A", 4, 4)
                .measure().harmony("E", 0, "dominant", null).note("E", 4, 4)
                .measure().harmony("A", 0, "minor-seventh", null).note("A", 4, 4);
        assertEquals(new Key(9, true), read(endsOnAMinor).key());
        LeadSheetXml endsOnC = LeadSheetXml.score(1, 0, "major", 4, 4).harmony("A", 0, "minor", null).note("A", 4, 4)
                .measure().harmony("C", 0, "major", null).note("C", 4, 4);
        assertEquals(new Key(0, false), read(endsOnC).key());
        LeadSheetXml saysMinor = LeadSheetXml.score(1, -3, "minor", 4, 4).harmony("E", -1, "major", null).note("C", 4, 4);
        assertEquals(new Key(0, true), read(saysMinor).key());
    }

    @Test
    void aMetronomeMarkSetsTheTempoAndNoMarkMeans120() throws Exception {
        assertEquals(80.0, read(LeadSheetXml.score(1, 0, null, 4, 4).metronome("half", 40).note("C", 4, 4)).tempos().get(0).bpm());
        assertEquals(120.0, read(LeadSheetXml.score(1, 0, null, 4, 4).note("C", 4, 4)).tempos().get(0).bpm());
    }

    @Test
    void chordSymbolsAreVoicedByKindWithSlashBassesAndAddedDegrees() throws Exception {
        LeadSheetXml x = LeadSheetXml.score(1, 0, null, 4, 4)
                .harmony("G", 0, "dominant", null).note("G", 4, 4)
                .measure().harmony("C", 0, "major", "E").note("E", 4, 4)
                .measure().raw("<harmony><root><root-step>C</root-step></root><kind>major</kind><degree><degree-value>9</degree-value>"
                        + "<degree-alter>0</degree-alter><degree-type>add</degree-type></degree></harmony>").note("D", 5, 4)
                .measure().harmony("D", 0, "dominant-13th", null).note("D", 5, 4)
                .measure().raw("<harmony><root><root-step>C</root-step></root><kind>none</kind></harmony>").note("C", 5, 4);
        List<int[]> chords = track(read(x), 1);
        assertEquals(List.of(43, 47, 50, 53), pitchesAt(chords, 0));       // G7: root, third, fifth, minor seventh
        assertEquals(List.of(28, 36, 40, 43), pitchesAt(chords, 1920));    // C/E: E in the octave under the C triad
        assertEquals(List.of(36, 40, 43, 50), pitchesAt(chords, 3840));    // Cadd9
        assertEquals(List.of(38, 42, 48, 59), pitchesAt(chords, 5760));    // D13 thinned to four: root, third, seventh, thirteenth
        assertEquals(List.of(), pitchesAt(chords, 7680));                  // N.C.: silence, and the D13 stops there
        assertTrue(chords.stream().allMatch(c -> c[1] + c[2] <= 7680));
    }

    private static List<Integer> pitchesAt(List<int[]> notes, int tick) {
        return notes.stream().filter(n -> n[1] == tick).map(n -> n[0]).sorted().toList();
    }

    @Test
    void anMxlArchiveIsReadThroughItsContainer() throws Exception {
        byte[] score = LeadSheetXml.score(1, 0, null, 4, 4).note("C", 4, 4).bytes();
        Song song = MusicXmlFiles.read(LeadSheetXml.mxl("tune.xml", score, LeadSheetXml.container("tune.xml")), "tune.mxl");
        assertEquals(60, song.notes().get(0).pitch());
        // music21 writes full-path='Mary's.xml': the container is not XML, the archive's one score is read
        song = MusicXmlFiles.read(LeadSheetXml.mxl("Mary's.xml", score, LeadSheetXml.container("Mary's.xml")), "marys.mxl");
        assertEquals(60, song.notes().get(0).pitch());
    }

    @Test
    void anArchiveWhoseContainerNamesAMissingScoreIsRefusedByName() throws Exception {
        byte[] score = LeadSheetXml.score(1, 0, null, 4, 4).note("C", 4, 4).bytes();
        InvalidMusicXmlException e = assertThrows(InvalidMusicXmlException.class,
                () -> MusicXmlFiles.read(LeadSheetXml.mxl("tune.xml", score, LeadSheetXml.container("other.xml")), "tune.mxl"));
        assertEquals("tune.mxl: META-INF/container.xml: <rootfile> names 'other.xml', which is not in the archive", e.getMessage());
    }

    @Test
    void badFilesAreRefusedWithTheFileAndTheElementAtFault() throws Exception {
        String noDuration = LeadSheetXml.score(1, 0, null, 4, 4).raw("<note><pitch><step>C</step><octave>4</octave></pitch></note>").xml();
        assertRefused(noDuration, "score.musicxml: measure 1: <note> without a <duration>");
        String noDivisions = LeadSheetXml.score(1, 0, null, 4, 4).xml().replace("<divisions>1</divisions>", "")
                .replace("</measure>", "<note><rest/><duration>1</duration></note></measure>");
        assertRefused(noDivisions, "score.musicxml: measure 1: <duration> before any <divisions>");
        String tooHigh = LeadSheetXml.score(1, 0, null, 4, 4).note("C", 11, 4).xml();
        assertRefused(tooHigh, "score.musicxml: measure 1: <pitch> C11 is outside MIDI's 0..127");
        String badKind = LeadSheetXml.score(1, 0, null, 4, 4).harmony("C", 0, "maj69", null).note("C", 4, 4).xml();
        assertRefused(badKind, "score.musicxml: measure 1: <kind> holds no chord kind MusicXML defines");
        String badTime = LeadSheetXml.score(1, 0, null, 4, 3).note("C", 4, 4).xml();
        assertRefused(badTime, "score.musicxml: measure 1: <time> 4/3: meter denominator must be a power of two up to 32, got 3");
        String backup = LeadSheetXml.score(1, 0, null, 4, 4).note("C", 4, 1).raw("<backup><duration>2</duration></backup>").xml();
        assertRefused(backup, "score.musicxml: measure 1: <backup> goes back before the measure's start");
        String timewise = "<?xml version=\"1.0\"?><score-timewise><measure number=\"1\"/></score-timewise>";
        assertRefused(timewise, "score.musicxml: <score-timewise> is not supported; save the score as <score-partwise> "
                + "(every notation program and music21 can)");
        assertRefused("<html/>", "score.musicxml: the root element is <html>, not <score-partwise>: not a MusicXML score");
    }

    @Test
    void anUnparsableValueNamesItsLineAndElement() {
        String notANumber = LeadSheetXml.score(1, 0, null, 4, 4).note("C", 4, 4).xml()
                .replace("<duration>4</duration>", "<duration>four</duration>");
        String m = refusal(notANumber);
        assertTrue(m.startsWith("score.musicxml: line 6, column "), m);
        assertTrue(m.contains("<duration>"), m);
        String broken = LeadSheetXml.score(1, 0, null, 4, 4).note("C", 4, 4).xml().replace("</part>", "");
        m = refusal(broken);
        assertTrue(m.startsWith("score.musicxml: line 8, column "), m);
        assertTrue(m.contains("not well-formed XML"), m);
        m = refusal("PK\u0003\u0004 not really a zip");
        assertTrue(m.startsWith("score.musicxml: "), m);
    }

    private static void assertRefused(String xml, String message) {
        assertEquals(message, refusal(xml));
    }

    private static String refusal(String xml) {
        InvalidMusicXmlException e = assertThrows(InvalidMusicXmlException.class,
                () -> MusicXmlFiles.read(xml.getBytes(StandardCharsets.ISO_8859_1), NAME));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aCorpusFolderReadsLeadSheetsBesideMidiFilesAndNamesTheBadOnes(@TempDir Path dir) throws Exception {
        byte[] score = LeadSheetXml.score(1, 0, null, 4, 4).harmony("C", 0, "major", null).note("C", 4, 4).bytes();
        Files.createDirectories(dir.resolve("composer/tune"));
        Files.write(dir.resolve("composer/tune/tune.mxl"), LeadSheetXml.mxl("tune.xml", score, LeadSheetXml.container("tune.xml")));
        Files.write(dir.resolve("plain.musicxml"), score);
        Files.write(dir.resolve("folk.mid"), MidiFiles.toBytes(new Song(480, Key.C_MAJOR, List.of(new Track("folk", 0, 0)),
                List.of(new MidiNote(0, 60, 0, 480, 90)), List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)))));
        Files.writeString(dir.resolve("bad.mxl"), "not a zip");
        Files.writeString(dir.resolve("notes.xml"), "<not-music/>"); // .xml is not taken from a folder: it may be anything
        MusicCorpus.Loaded loaded = MusicCorpus.load(dir, s -> { });
        assertEquals(List.of("composer/tune/tune.mxl", "folk.mid", "plain.musicxml"),
                loaded.pieces().stream().map(MusicCorpus.Piece::name).toList());
        assertEquals(1, loaded.skipped().size());
        assertTrue(loaded.skipped().get(0).startsWith(dir.resolve("bad.mxl") + ": "), loaded.skipped().get(0));
        // a lead sheet encodes in the model's language like a MIDI tune
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        assertTrue(tokenizer.encode(loaded.pieces().get(0).song()).length > 10);
    }
}
