package dev.improv.band;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a band intensity 0..7 means, bar by bar, like vertical layering in adaptive-music middleware:
 * which layers play and how busy the melody/chord model and the drummer are. Layers come in one per
 * step (harmony, then bass, drums, lead); past 3 only density rises.
 *
 * @param layers        the layers heard in the bar
 * @param musicIntensity the note-density class asked of the melody/chord model
 * @param drumIntensity  the hit-density class asked of the drum model
 */
public record LayerPlan(Set<Layer> layers, int musicIntensity, int drumIntensity) {

    /** Highest intensity. */
    public static final int MAX = 7;

    // Melody+chord density: sparse (class 1) until the lead enters at 3, then one class a step.
    private static final int[] MUSIC = {1, 1, 1, 2, 3, 4, 5, 6};
    // Drum density: the corpus's quietest class when drums enter, its busiest classes at the top.
    private static final int[] DRUMS = {0, 0, 0, 1, 2, 3, 5, 6};

    public LayerPlan {
        layers = Set.copyOf(layers);
    }

    /** The plan for band intensity {@code intensity} (0..7). */
    public static LayerPlan forIntensity(int intensity) {
        if (intensity < 0 || intensity > MAX) {
            throw new IllegalArgumentException("intensity must be in 0..7, got " + intensity);
        }
        EnumSet<Layer> layers = EnumSet.noneOf(Layer.class);
        for (Layer l : Layer.values()) {
            if (l.ordinal() <= intensity) {
                layers.add(l);
            }
        }
        return new LayerPlan(layers, MUSIC[intensity], DRUMS[intensity]);
    }

    /** True if {@code layer} plays in this bar. */
    public boolean plays(Layer layer) {
        return layers.contains(layer);
    }
}
