package dev.improv.band;

import dev.improv.api.MusicControls;
import dev.improv.api.Mood;
import dev.improv.drums.DrumControls;
import dev.improv.drums.DrumBarGenerator;
import dev.improv.drums.DrumKit;
import dev.improv.music.MidiBar;
import dev.improv.api.Key;
import dev.improv.music.BarGenerator;
import dev.improv.music.MidiNote;
import dev.improv.music.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The band, bar by bar: the melody/chord model writes lead and harmony, the bass is derived from
 * its chords ({@link BassLine}), the drum model plays the drums, and the {@link LayerPlan} of the
 * bar's intensity decides who is heard. Each bar's notes sit on one track per {@link Layer} (track
 * index = layer ordinal). Deterministic for a seed and a sequence of controls; {@link #rewind} makes
 * bars again with other controls (what a live player does when the game changes them). Not
 * thread-safe; close it to free the decoders.
 */
public final class BandBarGenerator implements AutoCloseable {

    /**
     * Logit added to the tonic (half to its third and fifth) in the first and last bar of each phrase,
     * and in the bars between: over 8 bars the melody model alone centred on the requested tonic in
     * only 6 of 20 seeds (the dominant or subdominant won the key finder as often).
     */
    static final float CADENCE_PULL = 2.0f;
    static final float PHRASE_PULL = 0.5f;

    private final BarGenerator music;
    private final DrumBarGenerator drums;
    private final List<MidiBar> bars = new ArrayList<>();
    /** Per bar: drum bars and the carried bass root before it, for {@link #rewind}. */
    private final List<int[]> checkpoints = new ArrayList<>();
    private int drumBars;
    private int bassRoot = -1;
    private Instruments instruments;
    private final Key firstKey;

    BandBarGenerator(BarGenerator music, DrumBarGenerator drums, BandControls first) {
        this.music = music;
        this.drums = drums;
        this.instruments = first.instruments();
        this.firstKey = first.key();
    }

    /** The tracks, one per layer in {@link Layer} order, with the instruments of the latest bar. */
    public List<Track> tracks() {
        return tracksFor(instruments);
    }

    /** Tracks for these instruments, one per layer in {@link Layer} order. */
    public static List<Track> tracksFor(Instruments instruments) {
        List<Track> out = new ArrayList<>();
        for (Layer l : Layer.values()) {
            out.add(new Track(l.trackName, l.channel, instruments.program(l)));
        }
        return out;
    }

    /** The next bar; the drummer fills it if it ends a phrase. */
    public MidiBar nextBar(BandControls controls) {
        return nextBar(controls, (bars.size() + 1) % controls.phraseBars() == 0, () -> false);
    }

    /**
     * The next bar under {@code controls}; {@code fill} asks the drummer for a fill (the bar before a
     * section change). Returns null, leaving the session as it was, once {@code stop} says so.
     */
    public MidiBar nextBar(BandControls controls, boolean fill, BooleanSupplier stop) {
        int inPhrase = bars.size() % controls.phraseBars();
        music.setTonicPull(inPhrase == 0 || inPhrase == controls.phraseBars() - 1 ? CADENCE_PULL : PHRASE_PULL);
        return makeBar(controls, fill, stop, -1);
    }

    /**
     * The next bar as bar {@code step} of a closing cadence (see {@link BarGenerator#cadenceBar}): 0, the
     * dominant, the drummer filling; 1, the tonic held, the bass on the root, the drums one last kick
     * and crash on the downbeat. In minor the dominant stays major (see {@link ParallelMinor}). Returns
     * null, leaving the session as it was, once {@code stop} says so.
     */
    public MidiBar cadenceBar(BandControls controls, int step, BooleanSupplier stop) {
        if (step != 0 && step != 1) {
            throw new IllegalArgumentException("a cadence has bars 0 and 1, not " + step);
        }
        return makeBar(controls, step == 0, stop, step);
    }

    /** The next bar; {@code cadenceStep} is -1 for a bar of the music, else the cadence bar it is. */
    private MidiBar makeBar(BandControls controls, boolean fill, BooleanSupplier stop, int cadenceStep) {
        boolean last = cadenceStep == 1;
        LayerPlan plan = LayerPlan.forIntensity(controls.intensity());
        Key key = controls.key();
        checkpoints.add(new int[] {drumBars, bassRoot});
        // The model writes in G major whatever the key asked, then the bar is moved to it (see WrittenKey).
        MusicControls asked = new MusicControls(plan.musicIntensity(), WrittenKey.HOME, Mood.CALM, controls.bpm(), controls.meter());
        MidiBar tune = cadenceStep < 0 ? music.nextBar(asked, stop) : music.cadenceBar(asked, cadenceStep, stop);
        if (tune == null) {
            checkpoints.remove(checkpoints.size() - 1);
            return null;
        }
        MidiBar beat = null;
        if (last && plan.plays(Layer.DRUMS)) {
            int velocity = Math.min(127, 80 + 6 * controls.intensity());
            long beatTicks = tune.ticksPerQuarter();
            beat = new MidiBar(bars.size(), controls.meter(), controls.bpm(), controls.intensity(), tune.ticksPerQuarter(), List.of(
                    new MidiNote(Layer.DRUMS.ordinal(), DrumKit.Piece.KICK.note, 0, beatTicks, velocity),
                    new MidiNote(Layer.DRUMS.ordinal(), DrumKit.Piece.CRASH.note, 0, beatTicks, velocity)));
        } else if (plan.plays(Layer.DRUMS)) {
            beat = drums.nextBar(new DrumControls(controls.drumStyle(), controls.meter(), controls.bpm(), plan.drumIntensity(), fill),
                    Layer.DRUMS.ordinal(), stop);
            if (beat == null) {
                music.rewind(bars.size());
                checkpoints.remove(checkpoints.size() - 1);
                return null;
            }
            drumBars++;
        }
        List<MidiNote> tuneNotes = WrittenKey.toAsked(tune.notes(), key);
        List<MidiNote> notes = new ArrayList<>();
        List<MidiNote> chords = new ArrayList<>();
        for (MidiNote n : tuneNotes) {
            if (n.track() == 0) {
                if (plan.plays(Layer.LEAD)) {
                    notes.add(onTrack(n, Layer.LEAD, 1.0));
                }
            } else {
                chords.add(onTrack(n, Layer.HARMONY, 0.8));
            }
        }
        // The bass reads the chords as the model wrote them; the harmony is heard above it.
        notes.addAll(HarmonyVoicing.voiced(chords));
        // In a cadence the bass states the chord's root (the dominant, then the tonic), whatever the model voiced.
        List<MidiNote> bassChords = cadenceStep < 0 ? chords : List.of(new MidiNote(Layer.HARMONY.ordinal(),
                48 + (key.tonic() + (cadenceStep == 0 ? 7 : 0)) % 12, 0, controls.meter().ticksPerBar(tune.ticksPerQuarter()), 64));
        BassLine.Result bass = BassLine.bar(bassChords, bassRoot, controls.meter(), tune.ticksPerQuarter(), last ? 0 : controls.intensity(),
                Layer.BASS.ordinal(), Math.min(120, 72 + 6 * controls.intensity()));
        bassRoot = bass.lastRoot();
        if (plan.plays(Layer.BASS)) {
            notes.addAll(bass.notes());
        }
        if (beat != null) {
            notes.addAll(beat.notes());
        }
        instruments = controls.instruments();
        MidiBar bar = new MidiBar(bars.size(), controls.meter(), controls.bpm(), controls.intensity(), tune.ticksPerQuarter(), notes);
        bars.add(bar);
        return bar;
    }

    private static MidiNote onTrack(MidiNote n, Layer layer, double loudness) {
        int velocity = Math.max(1, Math.min(127, (int) Math.round(n.velocity() * loudness)));
        return new MidiNote(layer.ordinal(), n.pitch(), n.startTick(), n.durationTicks(), velocity);
    }

    /** Forgets the bars from index {@code bar} on, so the next {@link #nextBar} makes bar {@code bar} again. */
    public void rewind(int bar) {
        if (bar < 0 || bar > bars.size()) {
            throw new IllegalArgumentException("cannot rewind to bar " + bar + " of " + bars.size());
        }
        if (bar == bars.size()) {
            return;
        }
        int[] c = checkpoints.get(bar);
        music.rewind(bar);
        drums.rewind(c[0]);
        drumBars = c[0];
        bassRoot = c[1];
        bars.subList(bar, bars.size()).clear();
        checkpoints.subList(bar, checkpoints.size()).clear();
    }

    /** The bars so far. */
    public List<MidiBar> bars() {
        return List.copyOf(bars);
    }

    /** Tokens the melody and drum decoders have run so far. */
    public long tokensDecoded() {
        return music.tokensDecoded() + drums.tokensDecoded();
    }

    /** The piece so far as a song (the tracks carry the latest instruments). */
    public dev.improv.music.Song song() {
        return dev.improv.music.Song.ofBars(firstKey, tracks(), bars);
    }

    @Override
    public void close() {
        music.close();
        drums.close();
    }
}
