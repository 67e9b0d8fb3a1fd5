package dev.improv.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.drums.DrumFixtures;
import dev.improv.music.MidiBar;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MidiFiles;
import dev.improv.music.MusicGeneratorTest;
import dev.improv.music.MidiNote;
import dev.improv.music.Song;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BandBarGeneratorTest {

    private final Band band = new Band(MusicGeneratorTest.untrained(256), DrumFixtures.untrained(256));
    private final BandControls controls = new BandControls(Key.parse("Dm"), new Meter(3, 4), 97, 7, "rock",
            new Instruments(56, 48, 33), 4);

    private static Set<Integer> tracksHeard(MidiBar bar) {
        Set<Integer> tracks = new HashSet<>();
        bar.notes().forEach(n -> tracks.add(n.track()));
        return tracks;
    }

    @Test
    void intensityBringsLayersInAtBarLines() {
        try (BandBarGenerator s = band.open(controls.withIntensity(0), 4)) {
            for (int intensity : new int[] {0, 1, 2, 7, 3, 0}) {
                MidiBar bar = s.nextBar(controls.withIntensity(intensity));
                Set<Integer> expected = new HashSet<>();
                LayerPlan.forIntensity(intensity).layers().forEach(l -> expected.add(l.ordinal()));
                Set<Integer> heard = tracksHeard(bar);
                assertTrue(expected.containsAll(heard), "intensity " + intensity + " played " + heard);
                // The drum grammar guarantees hits from the drums' second class up (intensity 3 on).
                if (intensity >= 3) {
                    assertTrue(heard.contains(Layer.DRUMS.ordinal()), "drums at intensity " + intensity);
                }
            }
        }
    }

    @Test
    void theFileHasFourTracksTheRequestedTempoMeterAndMinorKey() throws Exception {
        Song song = band.generate(6, controls, 11);
        assertEquals(List.of("harmony", "bass", "drums", "lead"), song.tracks().stream().map(t -> t.name()).toList());
        assertEquals(9, song.tracks().get(Layer.DRUMS.ordinal()).channel());
        assertEquals(56, song.tracks().get(Layer.LEAD.ordinal()).program());
        Song read = MidiFiles.read(MidiFiles.toBytes(song), "band.mid");
        assertEquals(97, read.bpmAt(0), 0.01);
        assertEquals(new Meter(3, 4), read.meterAt(0));
        assertEquals(Key.parse("Dm"), read.key());
        for (MidiNote n : read.notes()) {
            boolean drums = read.tracks().get(n.track()).drums();
            // pitched notes avoid D major's F# and B, which the minor mapping turns into F and Bb
            assertTrue(drums || (n.pitch() % 12 != 6 && n.pitch() % 12 != 11), "not in D minor: " + n);
        }
        assertEquals(band.generate(6, controls, 11).notes(), song.notes(), "same seed, same song");
        int lowestHarmony = read.notes().stream().filter(n -> n.track() == Layer.HARMONY.ordinal())
                .mapToInt(MidiNote::pitch).min().orElseThrow();
        assertTrue(lowestHarmony >= HarmonyVoicing.FLOOR, "harmony down to " + lowestHarmony + ", in the bass's octave");
    }

    @Test
    void rewindMakesTheSameBandBarsAgain() {
        try (BandBarGenerator s = band.open(controls, 21)) {
            MidiBar a0 = s.nextBar(controls);
            MidiBar a1 = s.nextBar(controls.withIntensity(1));
            MidiBar a2 = s.nextBar(controls.withIntensity(5));
            s.rewind(1);
            assertEquals(a1.notes(), s.nextBar(controls.withIntensity(1)).notes());
            assertEquals(a2.notes(), s.nextBar(controls.withIntensity(5)).notes());
            assertEquals(a0.notes(), s.bars().get(0).notes());
        }
    }

    @Test
    void theDecodedTokensOfMelodyAndDrumsAreCounted() {
        // The demo's tokens/s comes from this count: a band that reported 0 showed 0 tokens/s.
        try (BandBarGenerator s = band.open(controls.withIntensity(7), 5)) {
            long before = s.tokensDecoded();
            s.nextBar(controls.withIntensity(7));
            long afterOne = s.tokensDecoded();
            assertTrue(afterOne > before, before + " -> " + afterOne);
            s.nextBar(controls.withIntensity(7));
            assertTrue(s.tokensDecoded() > afterOne, "every bar decodes tokens");
        }
    }

    @Test
    void everyKeyIsOnePieceWrittenInGAndMoved() {
        // E minor is G minor three semitones down: the model is asked for G major either way.
        Song gm = band.generate(4, controls.withKey(Key.parse("Gm")), 3);
        Song em = band.generate(4, controls.withKey(Key.parse("Em")), 3);
        for (Layer layer : Layer.values()) {
            int shift = layer == Layer.DRUMS ? 0 : -3;
            // Lead and drums note for note; harmony and bass keep their own octaves, so by pitch class.
            java.util.function.Function<MidiNote, List<Object>> seen = n -> layer == Layer.LEAD || layer == Layer.DRUMS
                    ? List.of(n.startTick(), n.durationTicks(), n.pitch())
                    : List.of(n.startTick(), Math.floorMod(n.pitch(), 12));
            Set<List<Object>> expected = new HashSet<>();
            gm.notes().stream().filter(n -> n.track() == layer.ordinal())
                    .map(n -> seen.apply(new MidiNote(n.track(), WrittenKey.moved(n.pitch(), shift), n.startTick(), n.durationTicks(), n.velocity())))
                    .forEach(expected::add);
            Set<List<Object>> got = new HashSet<>();
            em.notes().stream().filter(n -> n.track() == layer.ordinal()).map(seen).forEach(got::add);
            assertTrue(!expected.isEmpty(), layer + " plays");
            assertEquals(expected, got, layer.toString());
        }
    }

    /** Share of the pitched notes of {@code bar} (drums left out) whose pitch class is in {@code triad}. */
    private static double shareIn(MidiBar bar, int... triad) {
        long pitched = bar.notes().stream().filter(n -> n.track() != Layer.DRUMS.ordinal()).count();
        long in = bar.notes().stream().filter(n -> n.track() != Layer.DRUMS.ordinal())
                .filter(n -> java.util.Arrays.stream(triad).anyMatch(pc -> pc == n.pitch() % 12)).count();
        return in / (double) Math.max(1, pitched);
    }

    @Test
    void aCadenceGoesToTheDominantThenHoldsTheTonic() {
        // D minor: the dominant is A major (A, C#, E: the leading tone stays), the tonic D minor (D, F, A).
        // The models are untrained, so what is measured is the pull and the arrangement, not taste.
        try (BandBarGenerator s = band.open(controls, 8)) {
            s.nextBar(controls);
            s.nextBar(controls);
            MidiBar dominant = s.cadenceBar(controls, 0, () -> false);
            MidiBar tonic = s.cadenceBar(controls, 1, () -> false);
            assertTrue(shareIn(dominant, 9, 1, 4) >= 0.7, "dominant bar in A major's triad: " + shareIn(dominant, 9, 1, 4));
            assertTrue(shareIn(tonic, 2, 5, 9) >= 0.7, "last bar in D minor's triad: " + shareIn(tonic, 2, 5, 9));
            long barTicks = controls.meter().ticksPerBar(tonic.ticksPerQuarter());
            List<MidiNote> drums = tonic.notes().stream().filter(n -> n.track() == Layer.DRUMS.ordinal()).toList();
            assertEquals(Set.of(36, 49), new HashSet<>(drums.stream().map(MidiNote::pitch).toList()), "a last kick and crash");
            assertTrue(drums.stream().allMatch(n -> n.startTick() == 0), "on the downbeat");
            assertTrue(tonic.notes().stream().filter(n -> n.track() == Layer.LEAD.ordinal() || n.track() == Layer.HARMONY.ordinal())
                    .allMatch(n -> n.startTick() + n.durationTicks() >= barTicks), "the last chord is held to the end");
            List<MidiNote> bass = tonic.notes().stream().filter(n -> n.track() == Layer.BASS.ordinal()).toList();
            assertEquals(1, bass.size(), "one bass note: " + bass);
            assertEquals(2, bass.get(0).pitch() % 12, "the bass lands on D");
            assertTrue(bass.get(0).startTick() == 0 && bass.get(0).durationTicks() >= barTicks - tonic.ticksPerQuarter() / 24,
                    "for the whole bar: " + bass);
            assertEquals(4, s.bars().size());
            s.rewind(2);
            assertEquals(dominant.notes(), s.cadenceBar(controls, 0, () -> false).notes(), "a cadence bar is made again alike");
        }
    }
}
