package dev.improv.engines;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.ModelSource;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Note;
import dev.improv.model.LanguageModel;
import dev.improv.music.BarGenerator;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import dev.improv.music.Track;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The melody-and-chords music engine (select it with {@code -Dimprov.music.engine=transformer}; the
 * band ranks above it): the project's bar-by-bar music transformer (model
 * {@code improv/models/music} from improv-models, or the folder named by
 * {@code -Dimprov.music.model=DIR}), in 4/4. It decodes on the calling thread only, leaving the
 * other cores to the game. The model knows intensity, key and tempo; mood picks the mode: DARK and
 * TENSE play the requested tonic in minor, BRIGHT in major, CALM keeps the key as asked.
 */
public final class TransformerMusicProvider implements MusicEngineProvider {
    /** System property naming a model folder to use instead of the default model. */
    public static final String MODEL_PROPERTY = "improv.music.model";

    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public MusicEngine newEngine() {
        return engine(generator());
    }

    /**
     * The melody-and-chords model the in-process engines play (this one and the band): the default
     * model, or the folder named by {@link #MODEL_PROPERTY}, decoding on the calling thread only.
     */
    static MusicGenerator generator() {
        String folder = System.getProperty(MODEL_PROPERTY);
        try {
            LanguageModel model = folder == null ? LanguageModel.loadResource(MusicGenerator.DEFAULT_MODEL)
                    : LanguageModel.load(Path.of(folder));
            return new MusicGenerator(model, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the music model (is improv-models on the classpath?): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public MusicEngine newEngine(ModelSource model) {
        return engine(ModelSources.load(model, "music", m -> new MusicGenerator(m, false)));
    }

    /** This engine over {@code generator} (the service runs remote engines' streams through it). */
    public static MusicEngine engine(MusicGenerator generator) {
        return seed -> new Stream(generator, seed);
    }

    /**
     * The model knows no moods: a dark or tense mood is a minor key, a bright one major; calm and a
     * game's own moods keep the key's mode.
     */
    static MusicControls forModel(MusicControls c) {
        Mood m = c.mood();
        boolean minor = m.equals(Mood.DARK) || m.equals(Mood.TENSE) || m.equals(Mood.SAD) || m.equals(Mood.BATTLE)
                || (!m.equals(Mood.BRIGHT) && !m.equals(Mood.HEROIC) && !m.equals(Mood.VICTORY) && c.key().minor());
        return c.withKey(new Key(c.key().tonic(), minor));
    }

    /** One live piece: a music session, rewound when the controls change under bars already made. */
    private static final class Stream implements BarStream {
        private final MusicGenerator generator;
        private final long seed;
        private BarGenerator session;
        /** Tokens decoded by sessions this stream already closed (a rewind to bar 0 starts a new one). */
        private long closedTokens;

        Stream(MusicGenerator generator, long seed) {
            this.generator = generator;
            this.seed = seed;
        }

        @Override
        public Bar next(int index, MusicControls controls, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            MusicControls bar = forModel(controls);
            openAt(index, bar);
            // Checked between tokens: a change under a speculative bar must not wait for it to end.
            dev.improv.music.MidiBar made = session.nextBar(bar, cancellation::isCancelled);
            if (made == null) {
                cancellation.throwIfCancelled();
            }
            return toApi(made, session.tracks());
        }

        @Override
        public Bar cadence(int index, MusicControls controls, int step, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            MusicControls bar = forModel(controls);
            openAt(index, bar);
            dev.improv.music.MidiBar made = session.cadenceBar(bar, step, cancellation::isCancelled);
            if (made == null) {
                cancellation.throwIfCancelled();
            }
            return toApi(made, session.tracks());
        }

        /** The mode the mood picks (see {@link #forModel}). */
        @Override
        public Key key(MusicControls controls) {
            return forModel(controls).key();
        }

        /** Opens the session with the first bar's controls; {@code index} must be the next bar. */
        private void openAt(int index, MusicControls bar) {
            if (session == null) {
                // The piece's header states the first bar's key and tempo.
                session = generator.open(bar, seed, SongRequest.DEFAULT_SAMPLING);
            }
            if (index != session.bars().size()) {
                throw new IllegalStateException("asked for bar " + index + " after " + session.bars().size());
            }
        }

        @Override
        public void rewind(int index) {
            if (session == null) {
                return;
            }
            if (index == 0) {
                closedTokens += session.tokensDecoded();
                session.close(); // the header depends on the first bar's controls: start afresh
                session = null;
            } else {
                session.rewind(index);
            }
        }

        @Override
        public long tokensDecoded() {
            return closedTokens + (session == null ? 0 : session.tokensDecoded());
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    static Bar toApi(dev.improv.music.MidiBar bar, List<Track> tracks) {
        double ticksPerBeat = bar.ticksPerQuarter();
        int beats = (int) Math.round(bar.meter().quarters());
        List<Note> notes = new ArrayList<>(bar.notes().size());
        Map<Integer, Integer> programs = new HashMap<>();
        for (Track t : tracks) {
            programs.put(t.channel(), t.program());
        }
        for (dev.improv.music.MidiNote n : bar.notes()) {
            Track t = tracks.get(n.track());
            notes.add(new Note(t.channel(), n.pitch(), n.velocity(), n.startTick() / ticksPerBeat,
                    n.durationTicks() / ticksPerBeat));
        }
        return new Bar(beats, notes, programs);
    }
}
