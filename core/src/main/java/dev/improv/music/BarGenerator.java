package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.MusicControls;
import dev.improv.api.Seeds;
import dev.improv.model.SamplingSettings;
import dev.improv.model.TokenStream;
import dev.improv.music.MusicVocabulary.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Bar-by-bar generation: each {@link #nextBar} call writes the bar line and the caller's controls
 * (key, meter, tempo when they change; the intensity always) and samples the bar's notes under the
 * bar grammar. Deterministic for a seed and a sequence of controls; each bar draws from a sampler
 * reseeded from (seed, bar index), so {@link #rewind} and regenerating with other controls (what a
 * live session does when the game changes them) stays reproducible. Not thread-safe; close it to
 * free the decoder.
 */
public final class BarGenerator implements AutoCloseable {

    /** Default logit penalty for out-of-key pitches: nudges, rarely forbids. */
    public static final float DEFAULT_OFF_SCALE_PENALTY = 1.5f;

    private final MusicTokenizer tokenizer;
    private final MusicVocabulary vocab;
    private final TokenStream stream;
    private final MusicGrammar grammar;
    private SongBuilder builder;
    private final List<Track> tracks;
    private final float offScalePenalty;
    private float tonicPull;
    /** The triad {@link #tonicPull} pulls to: null for the key's own; a cadence's chord. */
    private Key pullTriad;
    private final int barToken;
    private final List<MidiBar> generated = new ArrayList<>();
    private final Key initialKey;
    private Key key;
    private Meter meter;
    private int tempo;
    private boolean barOpen;
    private final long seed;
    /** Tokens the builder was given before the stream's own (the prime, or the header). */
    private final int[] builderStart;
    /** Stream length after the constructor's feed: what the builder replays from on a rewind. */
    private final int streamStart;
    /** Most tokens a bar may ask the window to keep free: a quarter of the context. */
    private final int contextRoom;
    /** State before each generated bar, for {@link #rewind}. */
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    private record Checkpoint(int streamLength, Key key, Meter meter, int tempo, boolean barOpen) {
    }

    BarGenerator(MusicGenerator generator, MusicControls first, long seed, SamplingSettings sampling, Song prime,
                 float offScalePenalty) {
        this.tokenizer = generator.tokenizer();
        this.vocab = tokenizer.vocabulary();
        this.offScalePenalty = offScalePenalty;
        this.barToken = vocab.id(Kind.BAR, 0);
        this.builder = new SongBuilder(vocab);
        int capacity = generator.model().config().context();
        int[] start;
        int[] primeTokens = null;
        if (prime == null) {
            tracks = generator.tracks();
            key = first.key();
            meter = first.meter();
            tempo = vocab.tempoIndex(first.tempoBpm());
            start = tokenizer.header(key, meter, first.tempoBpm(), tracks);
        } else {
            tracks = prime.tracks().subList(0, Math.min(prime.tracks().size(), vocab.tracks()));
            int[] all = tokenizer.encode(prime);
            primeTokens = Arrays.copyOf(all, all.length - 1); // without EOS: the piece goes on
            start = fitPrime(primeTokens, tracks.size(), capacity);
            key = prime.key();
            meter = prime.meterAt(Math.max(0, prime.endTick() - 1));
            tempo = vocab.tempoIndex(prime.bpmAt(Math.max(0, prime.endTick() - 1)));
        }
        boolean[] drums = new boolean[tracks.size()];
        for (int i = 0; i < drums.length; i++) {
            drums[i] = tracks.get(i).drums();
        }
        this.grammar = new MusicGrammar(vocab, drums);
        this.stream = new TokenStream(generator.newDecoder(), sampling, seed);
        int header = 4 + tracks.size();
        stream.setKeepPrefix(Math.min(header, capacity / 2));
        // A slide keeps a quarter of the context (~3 bars), not half: each slide re-encodes what it
        // keeps, and with the bar-line slides below keeping half cost ~1 re-encoded token per
        // generated one (a third of the time of 32 bars). The default model predicts held-out
        // Nottingham tunes no worse from 128 kept tokens than from 256 (docs/benchmarks.md).
        stream.setKeepRecent(capacity / 4);
        stream.feed(start);
        for (int t : primeTokens == null ? start : primeTokens) {
            builder.accept(t); // the whole prime, even what no longer fits the context
        }
        this.initialKey = prime == null ? first.key() : prime.key();
        this.seed = seed;
        this.builderStart = primeTokens == null ? start : primeTokens;
        this.streamStart = stream.length();
        this.contextRoom = capacity / 4;
    }

    /** Keeps the header and as many whole bars from the end of the prime as fit half the context. */
    private int[] fitPrime(int[] tokens, int trackCount, int capacity) {
        int header = 4 + trackCount;
        int budget = capacity / 2;
        if (tokens.length <= budget) {
            return tokens;
        }
        int from = tokens.length - (budget - header);
        while (from < tokens.length && tokens[from] != barToken) {
            from++;
        }
        int[] out = new int[header + tokens.length - from];
        System.arraycopy(tokens, 0, out, 0, header);
        System.arraycopy(tokens, from, out, header, tokens.length - from);
        return out;
    }

    /** The tracks of this piece. */
    public List<Track> tracks() {
        return tracks;
    }

    /**
     * From the next bar on, adds {@code pull} to the logits of the key's tonic (half of it to its third
     * and fifth): a band anchors the first and last bars of its phrases with it. 0 (the default) leaves
     * the model alone.
     */
    public void setTonicPull(float pull) {
        if (!(pull >= 0 && pull <= 20)) {
            throw new IllegalArgumentException("tonic pull must be in 0..20, got " + pull);
        }
        this.tonicPull = pull;
    }


    /**
     * Pull of a cadence bar towards its chord (the dominant's major triad, then the tonic's): strong
     * enough that the model writes mostly that triad, in its own rhythm and voicing.
     */
    public static final float CHORD_PULL = 5.0f;

    /**
     * The next bar as bar {@code step} of a closing cadence in the key of {@code controls}: 0, the
     * dominant (pulled to its major triad, so a minor key keeps its leading tone), at the controls'
     * intensity; 1, the tonic (pulled to the tonic triad at density class 1, every note held to the
     * end of the bar). Returns null, leaving the session as it was, once {@code stop} says so.
     */
    public MidiBar cadenceBar(MusicControls controls, int step, BooleanSupplier stop) {
        if (step != 0 && step != 1) {
            throw new IllegalArgumentException("a cadence has bars 0 and 1, not " + step);
        }
        float pull = tonicPull;
        Key triad = pullTriad;
        Key key = controls.key();
        tonicPull = CHORD_PULL;
        pullTriad = step == 0 ? new Key((key.tonic() + 7) % 12, false) : key;
        try {
            MidiBar bar = nextBar(step == 0 ? controls : controls.withIntensity(1), stop);
            if (bar == null || step == 0) {
                return bar;
            }
            long end = bar.meter().ticksPerBar(bar.ticksPerQuarter());
            List<MidiNote> held = new ArrayList<>();
            for (MidiNote n : bar.notes()) {
                held.add(tracks.get(n.track()).drums() ? n : new MidiNote(n.track(), n.pitch(), n.startTick(), Math.max(n.durationTicks(), end - n.startTick()), n.velocity()));
            }
            MidiBar last = new MidiBar(bar.index(), bar.meter(), bar.bpm(), bar.intensity(), bar.ticksPerQuarter(), held);
            generated.set(generated.size() - 1, last);
            return last;
        } finally {
            tonicPull = pull;
            pullTriad = triad;
        }
    }

    /** Generates the next bar under {@code controls}; its notes start at the bar line (tick 0). */
    public MidiBar nextBar(MusicControls controls) {
        return nextBar(controls, () -> false);
    }

    /**
     * As {@link #nextBar(MusicControls)}, but gives up between two tokens once {@code stop} says so
     * (a live session whose controls changed under a speculative bar) and returns null, leaving the
     * session as it was before the call.
     */
    public MidiBar nextBar(MusicControls controls, BooleanSupplier stop) {
        if (vocab.meterIndex(controls.meter()) < 0) {
            throw new IllegalArgumentException("meter " + controls.meter() + " is not one this model knows: " + vocab.settings().meters());
        }
        // Slide the context window at the bar line if this bar might not fit, so a rewind to this
        // bar (a live control change) never has to re-encode an older window.
        int[] most = vocab.notesFor(controls.intensity(), controls.meter().quarters());
        stream.ensureRoom(Math.min(contextRoom, 6 * most[1] + 16));
        checkpoints.add(new Checkpoint(stream.length(), key, meter, tempo, barOpen));
        stream.reseed(Seeds.mix(seed, generated.size()));
        if (!barOpen) {
            push(barToken);
        }
        if (!controls.key().equals(key)) {
            push(vocab.id(Kind.KEY, controls.key().index()));
            key = controls.key();
        }
        if (!controls.meter().equals(meter)) {
            push(vocab.id(Kind.METER, vocab.meterIndex(controls.meter())));
            meter = controls.meter();
        }
        int bpm = vocab.tempoIndex(controls.tempoBpm());
        if (bpm != tempo) {
            push(vocab.id(Kind.TEMPO, bpm));
            tempo = bpm;
        }
        push(vocab.id(Kind.INTENSITY, controls.intensity()));
        int[] range = vocab.notesFor(controls.intensity(), meter.quarters());
        grammar.startBar(vocab.barLength(meter), range[0], range[1], key, offScalePenalty, tonicPull, pullTriad);
        while (true) {
            if (stop.getAsBoolean()) {
                restore(generated.size());
                return null;
            }
            int token = stream.next(grammar);
            if (token == barToken) {
                barOpen = true; // the bar line that closes this bar also opens the next
                break;
            }
            grammar.accept(token);
            builder.accept(token);
        }
        builder.accept(barToken);
        MidiBar raw = builder.bars().get(builder.bars().size() - 1);
        // The synthesizer follows the caller's tempo exactly, not the model's tempo bucket.
        MidiBar bar = new MidiBar(generated.size(), raw.meter(), controls.tempoBpm(), controls.intensity(), raw.ticksPerQuarter(), raw.notes());
        generated.add(bar);
        return bar;
    }

    private void push(int token) {
        stream.feed(token);
        builder.accept(token);
        barOpen = false;
    }

    /**
     * Forgets the generated bars from index {@code bars} on, so the next {@link #nextBar} makes bar
     * {@code bars} again (with the same seed and controls: the same bar).
     */
    public void rewind(int bars) {
        if (bars < 0 || bars > generated.size()) {
            throw new IllegalArgumentException("cannot rewind to bar " + bars + " of " + generated.size());
        }
        if (bars == generated.size()) {
            return;
        }
        restore(bars);
    }

    /** Back to the state before bar {@code bars} was started (its checkpoint and every later one go). */
    private void restore(int bars) {
        Checkpoint c = checkpoints.get(bars);
        stream.rewind(c.streamLength());
        key = c.key();
        meter = c.meter();
        tempo = c.tempo();
        barOpen = c.barOpen();
        generated.subList(Math.min(bars, generated.size()), generated.size()).clear();
        checkpoints.subList(bars, checkpoints.size()).clear();
        // The builder only grows: replay what it had read up to the checkpoint (no model work).
        builder = new SongBuilder(vocab);
        for (int t : builderStart) {
            builder.accept(t);
        }
        int[] history = stream.history();
        for (int i = streamStart; i < c.streamLength(); i++) {
            builder.accept(history[i]);
        }
    }

    /** Bars generated so far by {@link #nextBar}. */
    public List<MidiBar> bars() {
        return List.copyOf(generated);
    }

    /** The piece so far: the prime's bars (if any) followed by the generated ones. */
    public Song song() {
        List<MidiBar> all = new ArrayList<>();
        List<MidiBar> built = builder.bars();
        int primeBars = built.size() - generated.size();
        for (int i = 0; i < primeBars; i++) {
            all.add(built.get(i));
        }
        all.addAll(generated);
        return SongBuilder.assemble(initialKey, meter, vocab.tempo(tempo), tracks, all);
    }

    /** Tokens decoded for this piece so far (header, bars, and windows re-encoded after a slide). */
    public long tokensDecoded() {
        return stream.tokensDecoded();
    }

    @Override
    public void close() {
        stream.close();
    }
}
