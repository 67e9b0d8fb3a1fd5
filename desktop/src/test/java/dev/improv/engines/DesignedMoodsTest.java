package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.Key;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.Note;
import dev.improv.band.MoodLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A game plays a designer's mood file through the api (the band engine over the shipped models), no property set. */
class DesignedMoodsTest {
    @TempDir
    Path tmp;

    @Test
    void aMoodFileSetsWhatTheApisMoodPlays() throws Exception {
        // CALM redefined: waltz time, A minor, a music-box lead over a church organ and a fretless bass.
        Path file = Files.writeString(tmp.resolve("moods.json"), "{\"calm\": {\"mode\": \"minor\", \"tonic\": \"A\", "
                + "\"tempo\": [90, 90], \"meter\": \"3/4\", \"intensity\": 6, \"drumStyle\": \"jazz\", "
                + "\"instruments\": {\"lead\": 10, \"harmony\": 19, \"bass\": 35}}}");
        MusicControls calm = new MusicControls(7, Key.parse("A"), Mood.CALM, 90);
        Set<Integer> programs = new HashSet<>();
        Set<Integer> pitchClasses = new HashSet<>();
        try (MusicEngine engine = BandMusicProvider.withMoods(MoodLibrary.load(file));
             BarStream stream = engine.newBarStream(4)) {
            assertTrue(stream.key(calm).minor(), "the file's mode: minor, though the game asked A major");
            for (int i = 0; i < 2; i++) {
                Bar bar = stream.next(i, calm, new Cancellation());
                assertEquals(3, bar.beats(), "the file's meter, 3/4");
                programs.addAll(bar.programs().values());
                for (Note n : bar.notes()) {
                    if (n.channel() != 9) {
                        pitchClasses.add(n.pitch() % 12);
                    }
                }
            }
        }
        assertTrue(programs.containsAll(Set.of(10, 19, 35)), "the file's instruments: " + programs);
        assertTrue(!pitchClasses.contains(1), "no C#: A minor, not A major: " + pitchClasses);
    }

    @Test
    void aGameAddsAMoodByNameAndAnUnknownNameListsTheKnownOnes() throws Exception {
        // A seventh mood beside the shipped six: the game names it, the band plays its preset.
        Path file = Files.writeString(tmp.resolve("moods.json"), "{\"calm\": {\"mode\": \"major\", \"tonic\": \"F\", "
                + "\"tempo\": [80, 80], \"meter\": \"4/4\", \"intensity\": 3, \"drumStyle\": \"rock\", "
                + "\"instruments\": {\"lead\": 0, \"harmony\": 89, \"bass\": 33}}, "
                + "\"Spooky\": {\"mode\": \"minor\", \"tonic\": \"D\", \"tempo\": [70, 70], \"meter\": \"6/8\", \"intensity\": 7, "
                + "\"drumStyle\": \"jazz\", \"instruments\": {\"lead\": 13, \"harmony\": 19, \"bass\": 32}}}");
        Mood spooky = Mood.of(" SPOOKY ");
        assertEquals("spooky", spooky.name());
        assertEquals(spooky, Mood.of("spooky"));
        assertTrue(!spooky.isBuiltIn() && Mood.of("Calm") == Mood.CALM);
        MusicControls controls = new MusicControls(7, Key.parse("D"), spooky, 70);
        Set<Integer> programs = new HashSet<>();
        try (MusicEngine engine = BandMusicProvider.withMoods(MoodLibrary.load(file));
             BarStream stream = engine.newBarStream(4)) {
            assertTrue(stream.key(controls).minor(), "the preset's mode");
            Bar bar = stream.next(0, controls, new Cancellation());
            assertEquals(3, bar.beats(), "the preset's 6/8: three quarter notes a bar");
            programs.addAll(bar.programs().values());
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> stream.key(controls.withMood(Mood.of("sleepy"))));
            assertTrue(e.getMessage().contains("unknown mood 'sleepy'") && e.getMessage().contains("calm, spooky"), e.getMessage());
        }
        assertTrue(programs.containsAll(Set.of(13, 19, 32)), "the preset's instruments: " + programs);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Mood.of(" "));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Mood.of("a\nb"));
    }

    /** Share of the pitched notes of {@code bars} (drums left out) whose pitch class is in {@code scale}. */
    private static double shareIn(java.util.List<Bar> bars, Set<Integer> scale) {
        long pitched = 0;
        long in = 0;
        for (Bar bar : bars) {
            for (Note n : bar.notes()) {
                if (n.channel() != 9) {
                    pitched++;
                    in += scale.contains(n.pitch() % 12) ? 1 : 0;
                }
            }
        }
        return in / (double) Math.max(1, pitched);
    }

    @Test
    void aGameChangesTheKeyAndTheNextBarIsInIt() throws Exception {
        // The band writes every bar in G and moves it: a change of key is heard from the bar it is asked for.
        MusicControls g = new MusicControls(5, Key.parse("G"), Mood.CALM, 80);
        MusicControls em = g.withKey(Key.parse("Em"));
        java.util.List<Bar> before = new java.util.ArrayList<>();
        java.util.List<Bar> after = new java.util.ArrayList<>();
        try (MusicEngine engine = BandMusicProvider.withMoods(MoodLibrary.standard());
             BarStream stream = engine.newBarStream(6)) {
            for (int i = 0; i < 8; i++) {
                (i < 4 ? before : after).add(stream.next(i, i < 4 ? g : em, new Cancellation()));
            }
        }
        Set<Integer> gMajor = Set.of(7, 9, 11, 0, 2, 4, 6);
        Set<Integer> eHarmonicMinor = Set.of(4, 6, 7, 9, 11, 0, 3);
        assertTrue(shareIn(before, gMajor) >= 0.9, "G major before: " + shareIn(before, gMajor));
        assertTrue(shareIn(after.subList(0, 1), eHarmonicMinor) >= 0.85, "E minor from the next bar: " + shareIn(after.subList(0, 1), eHarmonicMinor));
        assertTrue(shareIn(after, eHarmonicMinor) >= 0.9, "E minor after: " + shareIn(after, eHarmonicMinor));
        assertTrue(after.stream().flatMap(b -> b.notes().stream()).anyMatch(n -> n.channel() != 9 && n.pitch() % 12 == 3),
                "E minor's leading tone, D#, is heard");
    }
}
