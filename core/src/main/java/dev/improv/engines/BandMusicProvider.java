package dev.improv.engines;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.ModelSource;
import dev.improv.api.MusicEngineProvider;
import dev.improv.band.Band;
import dev.improv.band.BandControls;
import dev.improv.band.BandBarGenerator;
import dev.improv.band.MoodLibrary;
import dev.improv.band.MoodPreset;
import dev.improv.drums.DrumGenerator;
import dev.improv.music.MusicGenerator;
import dev.improv.api.Key;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The band engine: harmony, bass, drums and lead (see {@link Band}) from the default music and drum
 * models. The game's controls give key tonic, tempo and intensity (layers come in as it rises); the
 * mood picks a preset of {@link MoodLibrary} (the shipped one, or the JSON file named by
 * {@code -Dimprov.music.moods=FILE}): its mode, meter, drum style, instruments and phrase length.
 * BRIGHT plays the heroic preset and DARK the sad one unless the file has its own; a game's own mood
 * ({@code Mood.of("spooky")}) plays the preset of that name. The default music engine (the highest rank): a
 * game asked for music gets a band; {@code -Dimprov.music.engine=transformer} selects the melody-and-chords
 * engine instead.
 */
public final class BandMusicProvider implements MusicEngineProvider {
    /** System property naming a JSON file of mood presets. */
    public static final String MOODS_PROPERTY = "improv.music.moods";

    @Override
    public String name() {
        return "band";
    }

    @Override
    public int rank() {
        return 20; // above the transformer's 10: it decodes more tokens a bar but stays far ahead of real time (docs/benchmarks.md)
    }

    /**
     * The band over the melody model the transformer engine plays (the default one, or
     * {@code -Dimprov.music.model=DIR}), decoding on the calling thread as every engine does for a game.
     */
    @Override
    public MusicEngine newEngine() {
        MusicGenerator melody = TransformerMusicProvider.generator();
        try {
            return engine(new Band(melody, DrumGenerator.loadDefault()), moods());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the band's drum model or moods: " + e.getMessage(), e);
        }
    }

    /** The band over the game's own melody-and-chords model, with the shipped drum model. */
    @Override
    public MusicEngine newEngine(ModelSource model) {
        try {
            return engine(new Band(ModelSources.load(model, "music", m -> new MusicGenerator(m, false)), DrumGenerator.loadDefault()),
                    moods());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the band's drum model or moods: " + e.getMessage(), e);
        }
    }

    /**
     * The mood presets the band plays when not given its own: the shipped ones, or the file named by
     * {@link #MOODS_PROPERTY} ({@code improv serve --moods FILE} sets it, so a service's every node and
     * endpoint plays the same moods).
     */
    public static MoodLibrary moods() throws IOException {
        String file = System.getProperty(MOODS_PROPERTY);
        return file == null ? MoodLibrary.standard() : MoodLibrary.load(Path.of(file));
    }

    /** This engine over {@code band}, with the mood presets {@link #newEngine()} reads (the service replays its streams). */
    public static MusicEngine engine(Band band) {
        try {
            return engine(band, moods());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the band's moods: " + e.getMessage(), e);
        }
    }

    /**
     * The band engine over the default music and drum models, playing a designer's mood presets instead
     * of the shipped ones, without a JVM-wide property; for a game's builder:
     * {@code Improv.builder().optMusicEngine(() -> BandMusicProvider.withMoods(MoodLibrary.load(file)))}
     * (load the file first: a bad one is an IOException naming file, mood and field). The api's moods pick
     * presets by name (CALM plays "calm", BRIGHT "heroic", DARK "sad"), so a file that redefines them changes
     * what each mood plays: mode, meter, drum style, instruments and phrase length.
     */
    public static MusicEngine withMoods(MoodLibrary moods) {
        try {
            return engine(new Band(TransformerMusicProvider.generator(), DrumGenerator.loadDefault()), moods);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the band's drum model: " + e.getMessage(), e);
        }
    }

    /** An engine over {@code band} with these mood presets. */
    static MusicEngine engine(Band band, MoodLibrary moods) {
        return seed -> new Stream(band, moods, seed);
    }

    /**
     * The preset a mood plays: the one of its name; bright and dark, which the shipped file does not
     * define, play heroic and sad unless the library has them. An unknown name is an
     * IllegalArgumentException listing the library's moods.
     */
    static MoodPreset preset(MoodLibrary moods, Mood mood) {
        if (moods.names().contains(mood.name())) {
            return moods.get(mood.name());
        }
        if (mood.equals(Mood.BRIGHT) || mood.equals(Mood.DARK)) {
            return moods.get(mood.equals(Mood.BRIGHT) ? "heroic" : "sad");
        }
        return moods.get(mood.name());
    }

    /** The band controls for the game's controls under a preset. */
    static BandControls toBandControls(MusicControls c, MoodPreset preset) {
        boolean minor = preset.minor() || c.key().minor();
        return new BandControls(new Key(c.key().tonic(), minor), preset.meter(), c.tempoBpm(), c.intensity(),
                preset.drumStyle(), preset.instruments(), preset.phraseBars());
    }

    /** One live piece: a band session, rewound when the controls change under bars already made. */
    private static final class Stream implements BarStream {
        private final Band band;
        private final MoodLibrary moods;
        private final long seed;
        private BandBarGenerator session;
        /** Tokens of sessions closed by a rewind to the start. */
        private long closedTokens;

        Stream(Band band, MoodLibrary moods, long seed) {
            this.band = band;
            this.moods = moods;
            this.seed = seed;
        }

        @Override
        public Bar next(int index, MusicControls controls, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            BandControls bar = toBandControls(controls, preset(moods, controls.mood()));
            openAt(index, bar);
            boolean fill = (index + 1) % bar.phraseBars() == 0;
            dev.improv.music.MidiBar made = session.nextBar(bar, fill, cancellation::isCancelled);
            if (made == null) {
                cancellation.throwIfCancelled();
            }
            return TransformerMusicProvider.toApi(made, BandBarGenerator.tracksFor(bar.instruments()));
        }

        @Override
        public Bar cadence(int index, MusicControls controls, int step, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            BandControls bar = toBandControls(controls, preset(moods, controls.mood()));
            openAt(index, bar);
            dev.improv.music.MidiBar made = session.cadenceBar(bar, step, cancellation::isCancelled);
            if (made == null) {
                cancellation.throwIfCancelled();
            }
            return TransformerMusicProvider.toApi(made, BandBarGenerator.tracksFor(bar.instruments()));
        }

        /** The preset's mode: a minor mood plays minor whatever the controls' key says. */
        @Override
        public Key key(MusicControls controls) {
            return toBandControls(controls, preset(moods, controls.mood())).key();
        }

        /** Opens the session with the first bar's controls; {@code index} must be the next bar. */
        private void openAt(int index, BandControls bar) {
            if (session == null) {
                session = band.open(bar, seed);
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
                session.close(); // the first bar's controls opened the session: start afresh
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
}
