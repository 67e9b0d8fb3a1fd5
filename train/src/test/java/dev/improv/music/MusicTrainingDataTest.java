package dev.improv.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-key filter of the training split: off-key training tunes go, held-out tunes all stay. */
class MusicTrainingDataTest {

    private static final int TPQ = 480;
    private static final int[] C_MAJOR_RUN = {60, 62, 64, 65, 67, 69, 71, 72};
    private static final int[] CHROMATIC_RUN = {60, 61, 63, 66, 68, 70, 71, 72}; // 3 of 8 in C major

    @Test
    void inKeyShareCountsPitchedNotesInTheStatedScaleAndSkipsDrums() {
        Song song = new Song(TPQ, Key.C_MAJOR, List.of(new Track("melody", 0, 0), new Track("drums", 9, 0)),
                List.of(note(0, 60, 0), note(0, 61, 1), note(0, 62, 2), note(0, 64, 3), note(1, 37, 0), note(1, 39, 1)),
                List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)));
        assertEquals(0.75, MusicCorpus.inKeyShare(song), 1e-9);
    }

    @Test
    void offKeyTrainingTunesAreLeftOutButHeldOutOnesStay(@TempDir Path dir) throws Exception {
        List<String> chromatic = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean offKey = i % 2 == 1;
            String name = (offKey ? "chromatic" : "diatonic") + i + ".mid";
            MidiFiles.write(tune(offKey ? CHROMATIC_RUN : C_MAJOR_RUN, i % 5), dir.resolve(name));
            if (offKey) {
                chromatic.add(name);
            }
        }
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        List<String> log = new ArrayList<>();
        MusicTrainingData all = MusicTrainingData.prepare(List.of(dir), tokenizer, 0.2, 7, new int[] {0}, new TuneFilter(0, false, false), log::add);
        MusicTrainingData filtered = MusicTrainingData.prepare(List.of(dir), tokenizer, 0.2, 7, new int[] {0}, new TuneFilter(0.9, false, false), log::add);

        long chromaticTraining = all.trainNames().stream().filter(chromatic::contains).count();
        assertTrue(chromaticTraining > 0, "the split must put some off-key tunes in training: " + all.trainNames());
        assertTrue(filtered.trainNames().stream().noneMatch(chromatic::contains), "off-key tunes trained on: " + filtered.trainNames());
        assertEquals(all.trainNames().size() - chromaticTraining, filtered.trainNames().size());
        assertEquals(all.validNames(), filtered.validNames(), "validation must not depend on the filter");
        assertTrue(log.contains("left out " + chromaticTraining + " training tunes with less than 0.9 of their notes in their key"),
                log.toString());

        assertEquals(0.9, filtered.metadata(tokenizer, List.of(dir), 0, 0.2, 7, new TuneFilter(0.9, false, false)).path("training")
                .path(TuneFilter.MIN_IN_KEY).asDouble(), 1e-9);
        assertFalse(all.metadata(tokenizer, List.of(dir), 0, 0.2, 7, new TuneFilter(0, false, false)).path("training").has(TuneFilter.MIN_IN_KEY));
    }

    @Test
    void keepMinorSparesOffKeyMinorTunesOnly(@TempDir Path dir) throws Exception {
        List<String> chromaticMinor = new ArrayList<>();
        List<String> chromaticMajor = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean minor = i % 2 == 1;
            String name = (minor ? "minor" : "major") + i + ".mid";
            MidiFiles.write(tune(CHROMATIC_RUN, i % 5, minor ? Key.A_MINOR : Key.C_MAJOR), dir.resolve(name));
            (minor ? chromaticMinor : chromaticMajor).add(name);
        }
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        List<String> log = new ArrayList<>();
        MusicTrainingData all = MusicTrainingData.prepare(List.of(dir), tokenizer, 0.2, 7, new int[] {0}, new TuneFilter(0, false, false), log::add);
        MusicTrainingData kept = MusicTrainingData.prepare(List.of(dir), tokenizer, 0.2, 7, new int[] {0}, new TuneFilter(0.9, true, false), log::add);

        List<String> minorTraining = all.trainNames().stream().filter(chromaticMinor::contains).toList();
        assertTrue(!minorTraining.isEmpty() && minorTraining.size() < all.trainNames().size(), all.trainNames().toString());
        assertEquals(minorTraining, kept.trainNames(), "only the minor tunes may stay");
        assertEquals(all.validNames(), kept.validNames());
        assertTrue(log.stream().anyMatch(l -> l.endsWith("(minor-key tunes kept)")), log.toString());

        assertTrue(kept.metadata(tokenizer, List.of(dir), 0, 0.2, 7, new TuneFilter(0.9, true, false)).path("training")
                .path(TuneFilter.KEEP_MINOR).asBoolean());
        assertFalse(kept.metadata(tokenizer, List.of(dir), 0, 0.2, 7, new TuneFilter(0.9, false, false)).path("training")
                .has(TuneFilter.KEEP_MINOR));
    }

    @Test
    void eachTrainingDocumentTakesItsFolderWeight(@TempDir Path dir) throws Exception {
        Path folk = dir.resolve("folk");
        Path songs = dir.resolve("songs");
        java.nio.file.Files.createDirectories(folk);
        java.nio.file.Files.createDirectories(songs);
        for (int i = 0; i < 20; i++) {
            MidiFiles.write(tune(C_MAJOR_RUN, i % 5), folk.resolve("folk" + i + ".mid"));
            MidiFiles.write(tune(CHROMATIC_RUN, i % 5), songs.resolve("song" + i + ".mid"));
        }
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        MusicTrainingData mix = MusicTrainingData.prepare(List.of(folk, songs), tokenizer, 0.2, 7, new int[] {0, 2}, TuneFilter.NONE, s -> { });
        double[] weights = mix.trainWeights(List.of(3.0, 1.0));
        assertEquals(mix.train().size(), weights.length);
        // Two transpositions a tune, in the order the tunes were read: folk first, then the songs.
        int folkTunes = (int) mix.trainNames().stream().filter(n -> n.startsWith("folk")).count();
        assertTrue(folkTunes > 0 && folkTunes < mix.trainNames().size(), mix.trainNames().toString());
        for (int i = 0; i < weights.length; i++) {
            assertEquals(i < 2 * folkTunes ? 3.0 : 1.0, weights[i], 0.0, "document " + i);
        }

        ObjectNode meta = mix.metadata(tokenizer, List.of(folk, songs), 2, 0.2, 7, TuneFilter.NONE);
        MusicTrainingData.recordSchedule(meta, List.of(3.0, 1.0), "in-key");
        assertEquals("[3.0,1.0]", meta.path("training").path(MusicTrainingData.DATA_WEIGHTS).toString());
        assertEquals("in-key", meta.path("training").path(MusicTrainingData.KEEP_BEST).asText());
        ObjectNode plain = mix.metadata(tokenizer, List.of(folk, songs), 2, 0.2, 7, TuneFilter.NONE);
        MusicTrainingData.recordSchedule(plain, List.of(1.0, 1.0), "nll");
        assertFalse(plain.path("training").has(MusicTrainingData.DATA_WEIGHTS));
        assertFalse(plain.path("training").has(MusicTrainingData.KEEP_BEST));
    }

    @Test
    void inKeyChordsTakesOutChordNotesOutsideTheKeyOfTrainingTunesOnly(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 40; i++) {
            boolean minor = i % 2 == 1;
            // Melody: a chromatic run; chords: C E G Bb (a C7, Bb outside C major) or A C E G# in A minor (the
            // leading tone G# stays) plus F# (outside A minor).
            List<MidiNote> notes = new ArrayList<>();
            for (int q = 0; q < CHROMATIC_RUN.length; q++) {
                notes.add(note(0, CHROMATIC_RUN[q], q));
            }
            for (int p : minor ? new int[] {45, 48, 52, 56, 54} : new int[] {48, 52, 55, 58}) {
                notes.add(note(1, p, i % 4));
            }
            Song song = new Song(TPQ, minor ? Key.A_MINOR : Key.C_MAJOR,
                    List.of(new Track("melody", 0, 0), new Track("chords", 1, 0)), notes,
                    List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)));
            MidiFiles.write(song, dir.resolve((minor ? "minor" : "major") + i + ".mid"));
        }
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        MusicTrainingData as = MusicTrainingData.prepare(List.of(dir), tokenizer, 0.2, 7, new int[] {0}, TuneFilter.NONE,
                s -> { });
        MusicTrainingData filtered = MusicTrainingData.prepare(List.of(dir), tokenizer, 0.2, 7, new int[] {0},
                new TuneFilter(0, false, true), s -> { });
        assertEquals(as.trainNames(), filtered.trainNames(), "no tune is left out");
        for (int t = 0; t < filtered.trainSongs().size(); t++) {
            Song song = filtered.trainSongs().get(t);
            List<Integer> chords = song.notes().stream().filter(n -> n.track() == 1).map(MidiNote::pitch).sorted().toList();
            assertEquals(song.key().minor() ? List.of(45, 48, 52, 56) : List.of(48, 52, 55), chords, song.key() + "");
            assertEquals(CHROMATIC_RUN.length, song.notes().stream().filter(n -> n.track() == 0).count(), "melody kept");
        }
        for (Song held : filtered.validSongs()) {
            assertEquals(held.key().minor() ? 5 : 4, held.notes().stream().filter(n -> n.track() == 1).count(),
                    "held-out tunes stay as they are");
        }
        assertTrue(filtered.metadata(tokenizer, List.of(dir), 0, 0.2, 7, new TuneFilter(0, false, true))
                .path("training").path(TuneFilter.IN_KEY_CHORDS).asBoolean());
        assertEquals(new TuneFilter(0, false, true), TuneFilter.of(filtered.metadata(tokenizer, List.of(dir), 0, 0.2, 7,
                new TuneFilter(0, false, true)).path("training")));
    }

    @Test
    void aShareOutsideZeroToOneIsRefused(@TempDir Path dir) throws Exception {
        MidiFiles.write(tune(C_MAJOR_RUN, 0), dir.resolve("a.mid"));
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MusicTrainingData.prepare(List.of(dir), tokenizer, 0.2, 7, new int[] {0}, new TuneFilter(1.5, false, false), s -> { }));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    /** Two bars of a run of quarter notes, starting {@code rotate} notes in, in C major. */
    private static Song tune(int[] run, int rotate) {
        return tune(run, rotate, Key.C_MAJOR);
    }

    private static Song tune(int[] run, int rotate, Key key) {
        List<MidiNote> notes = new ArrayList<>();
        for (int i = 0; i < run.length; i++) {
            notes.add(note(0, run[(i + rotate) % run.length], i));
        }
        return new Song(TPQ, key, List.of(new Track("melody", 0, 0)), notes, List.of(new TempoChange(0, 120)),
                List.of(new MeterChange(0, Meter.FOUR_FOUR)));
    }

    private static MidiNote note(int track, int pitch, int quarter) {
        return new MidiNote(track, pitch, (long) quarter * TPQ, TPQ, 90);
    }
}
