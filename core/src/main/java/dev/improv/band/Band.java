package dev.improv.band;

import dev.improv.api.MusicControls;
import dev.improv.api.Mood;
import dev.improv.drums.DrumGenerator;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import dev.improv.music.BarGenerator;
import dev.improv.music.Song;
import java.io.IOException;
import java.util.function.IntFunction;

/**
 * A band of generators: the melody/chord model and the drum model, played together through
 * {@link BandBarGenerator}s. Thread-safe: each session owns its decoders.
 *
 * <pre>{@code
 * Band band = Band.loadDefault();
 * Song battle = band.generate(32, BandControls.of(MoodLibrary.standard().get("battle"), 7), 7);
 * }</pre>
 */
public final class Band {

    private final MusicGenerator music;
    private final DrumGenerator drums;

    public Band(MusicGenerator music, DrumGenerator drums) {
        this.music = music;
        this.drums = drums;
    }

    /** The default music and drum models from the classpath. */
    public static Band loadDefault() throws IOException {
        return new Band(MusicGenerator.loadDefault(), DrumGenerator.loadDefault());
    }

    public MusicGenerator music() {
        return music;
    }

    public DrumGenerator drums() {
        return drums;
    }

    /** Opens a bar-by-bar band session. */
    public BandBarGenerator open(BandControls first, long seed) {
        BarGenerator tune = music.open(new MusicControls(LayerPlan.forIntensity(first.intensity()).musicIntensity(),
                WrittenKey.HOME, Mood.CALM, first.bpm(), first.meter()),
                seed, SongRequest.DEFAULT_SAMPLING);
        return new BandBarGenerator(tune, drums.open(seed, DrumGenerator.DEFAULT_SAMPLING), first);
    }

    /** {@code bars} bars under the same controls; same seed, same song. */
    public Song generate(int bars, BandControls controls, long seed) {
        return generate(bars, controls, seed, bar -> controls);
    }

    /**
     * One bar for each of {@code intensities} (bar {@code i} at {@code intensities.get(i)}), the other controls
     * {@code controls}'s: layers come and go section by section (a quiet verse, a busy chorus).
     */
    public Song generate(BandControls controls, long seed, java.util.List<Integer> intensities) {
        if (intensities.isEmpty()) {
            throw new IllegalArgumentException("intensities must give at least one bar");
        }
        BandControls opening = controls.withIntensity(intensities.get(0));
        return generate(intensities.size(), opening, seed, bar -> opening.withIntensity(intensities.get(bar)));
    }

    /**
     * {@code bars} bars, bar {@code i} (from 0) under {@code controlsOfBar.apply(i)}, e.g. layers that come
     * in section by section; {@code first} opens the session.
     */
    public Song generate(int bars, BandControls first, long seed, IntFunction<BandControls> controlsOfBar) {
        if (bars < 1 || bars > 10_000) {
            throw new IllegalArgumentException("bars must be in 1..10000, got " + bars);
        }
        try (BandBarGenerator session = open(first, seed)) {
            for (int i = 0; i < bars; i++) {
                session.nextBar(controlsOfBar.apply(i));
            }
            return session.song();
        }
    }
}
