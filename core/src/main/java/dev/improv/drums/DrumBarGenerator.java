package dev.improv.drums;

import dev.improv.api.Seeds;
import dev.improv.drums.DrumVocabulary.Kind;
import dev.improv.model.LanguageModel;
import dev.improv.model.SamplingSettings;
import dev.improv.model.TokenStream;
import dev.improv.music.MidiBar;
import dev.improv.api.Meter;
import dev.improv.music.MidiNote;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A drum part generated bar by bar. Each {@link #nextBar} writes the bar line, the intensity and (on
 * request) the fill mark, then samples the bar under {@link DrumGrammar}. A change of style, meter or
 * tempo starts a new take (a fresh context with a new header), as the corpus's takes each have one.
 * Each bar draws from a sampler reseeded from (seed, bar index), so {@link #rewind} and regenerating
 * are reproducible. Not thread-safe; close it to free the decoders.
 */
public final class DrumBarGenerator implements AutoCloseable {

    /** Takes kept alive for a rewind across a change of style, meter or tempo. */
    private static final int KEPT_TAKES = 2;

    private final LanguageModel model;
    private final DrumTokenizer tokenizer;
    private final DrumVocabulary vocab;
    private final DrumGrammar grammar;
    private final long seed;
    private final SamplingSettings sampling;
    private final int barToken;
    /** The takes, oldest first; each continues the part from its first bar on. */
    private final List<Take> takes = new ArrayList<>();
    /** Per generated bar: the state before it. */
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<MidiBar> bars = new ArrayList<>();
    /** Tokens the decoders of takes no longer kept ran. */
    private long closedTokens;

    private record Checkpoint(Take take, int length, boolean barOpen) { }

    private static final class Take {
        final TokenStream stream;
        final String style;
        final Meter meter;
        final int tempo;
        final int firstBar;
        boolean barOpen;

        Take(TokenStream stream, String style, Meter meter, int tempo, int firstBar) {
            this.stream = stream;
            this.style = style;
            this.meter = meter;
            this.tempo = tempo;
            this.firstBar = firstBar;
        }
    }

    DrumBarGenerator(LanguageModel model, DrumTokenizer tokenizer, long seed, SamplingSettings sampling) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.vocab = tokenizer.vocabulary();
        this.grammar = new DrumGrammar(vocab);
        this.seed = seed;
        this.sampling = sampling;
        this.barToken = vocab.id(Kind.BAR, 0);
    }

    /** Generates the next bar under {@code controls}, its notes on {@code track} at 480 ticks a quarter. */
    public MidiBar nextBar(DrumControls controls, int track) {
        return nextBar(controls, track, () -> false);
    }

    /**
     * As {@link #nextBar(DrumControls, int)}, but gives up between two tokens once {@code stop} says so
     * and returns null, leaving the session as it was.
     */
    public MidiBar nextBar(DrumControls controls, int track, BooleanSupplier stop) {
        Take take = takeFor(controls);
        TokenStream stream = take.stream;
        int[] hits = vocab.hitsFor(controls.intensity(), controls.meter().quarters());
        // Slide at the bar line if the bar might not fit: a rewind to it then only drops cached steps.
        stream.ensureRoom(Math.min(model.config().context() / 4, 2 * hits[1] + 8));
        checkpoints.add(new Checkpoint(take, stream.length(), take.barOpen));
        stream.reseed(Seeds.mix(seed, bars.size()));
        if (!take.barOpen) {
            stream.feed(barToken);
        }
        take.barOpen = false;
        stream.feed(vocab.id(Kind.INTENSITY, controls.intensity()));
        if (controls.fill()) {
            stream.feed(vocab.id(Kind.FILL, 0));
        }
        int from = stream.length();
        grammar.startBar(vocab.barLength(controls.meter()), hits[0], hits[1]);
        while (true) {
            if (stop.getAsBoolean()) {
                restore(bars.size());
                return null;
            }
            int token = stream.next(grammar);
            if (token == barToken) {
                take.barOpen = true;
                break;
            }
            grammar.accept(token);
        }
        int ticksPerQuarter = dev.improv.music.MusicTokenizer.OUTPUT_TICKS_PER_QUARTER;
        List<MidiNote> notes = tokenizer.barNotes(stream.history(), from, stream.length() - 1, track, ticksPerQuarter);
        MidiBar bar = new MidiBar(bars.size(), controls.meter(), controls.bpm(), controls.intensity(), ticksPerQuarter, notes);
        bars.add(bar);
        return bar;
    }

    /** The current take if its style, meter and tempo bucket still hold, else a new one. */
    private Take takeFor(DrumControls c) {
        int tempo = vocab.tempoIndex(c.bpm());
        String style = vocab.settings().styles().get(vocab.styleIndex(c.style()));
        if (!takes.isEmpty()) {
            Take last = takes.get(takes.size() - 1);
            if (last.style.equals(style) && last.meter.equals(c.meter()) && last.tempo == tempo) {
                return last;
            }
        }
        if (vocab.meterIndex(c.meter()) < 0) {
            throw new IllegalArgumentException("meter " + c.meter() + " is not one the drum model knows: " + vocab.settings().meters());
        }
        TokenStream stream = new TokenStream(model.newDecoder(1, false), sampling, seed);
        int[] header = tokenizer.header(style, c.meter(), c.bpm());
        stream.setKeepPrefix(header.length);
        stream.setKeepRecent(model.config().context() / 4);
        stream.feed(header);
        Take take = new Take(stream, style, c.meter(), tempo, bars.size());
        takes.add(take);
        while (takes.size() > KEPT_TAKES) {
            drop(takes.remove(0));
        }
        return take;
    }

    /** Forgets the bars from index {@code bar} on, so the next {@link #nextBar} makes bar {@code bar} again. */
    public void rewind(int bar) {
        if (bar < 0 || bar > bars.size()) {
            throw new IllegalArgumentException("cannot rewind to bar " + bar + " of " + bars.size());
        }
        if (bar < bars.size()) {
            restore(bar);
        }
    }

    private void restore(int bar) {
        Checkpoint c = checkpoints.get(bar);
        int takeIndex = takes.indexOf(c.take());
        if (takeIndex < 0) {
            throw new IllegalStateException("cannot rewind the drums to bar " + bar + ": its take is no longer kept");
        }
        while (takes.size() > takeIndex + 1) {
            drop(takes.remove(takes.size() - 1));
        }
        c.take().stream.rewind(c.length());
        c.take().barOpen = c.barOpen();
        bars.subList(bar, bars.size()).clear();
        checkpoints.subList(bar, checkpoints.size()).clear();
    }

    /** The bars generated so far. */
    public List<MidiBar> bars() {
        return List.copyOf(bars);
    }

    /** Tokens the decoders have run so far (prompts and sampled tokens), takes since dropped included. */
    public long tokensDecoded() {
        long open = 0;
        for (Take t : takes) {
            open += t.stream.tokensDecoded();
        }
        return closedTokens + open;
    }

    private void drop(Take take) {
        closedTokens += take.stream.tokensDecoded();
        take.stream.close();
    }

    @Override
    public void close() {
        new ArrayList<>(takes).forEach(this::drop);
        takes.clear();
    }
}
