package dev.improv.level;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Measures used by {@code improv eval level}: copying from the corpus and variety between levels. */
public final class LevelMetrics {
    private final Set<String> trainingWindows = new HashSet<>();
    private final int window;

    /** Indexes every {@code window}-column window of the training levels (all rows, verbatim). */
    public LevelMetrics(List<TileGrid> training, int window) {
        this.window = window;
        for (TileGrid g : training) {
            for (int c = 0; c + window <= g.columns(); c++) {
                trainingWindows.add(key(g, c));
            }
        }
    }

    /** Counts of a level's windows: [copied, total]. */
    public int[] copiedWindows(TileGrid level) {
        int copied = 0;
        int total = 0;
        for (int c = 0; c + window <= level.columns(); c++) {
            total++;
            if (trainingWindows.contains(key(level, c))) {
                copied++;
            }
        }
        return new int[] {copied, total};
    }

    private String key(TileGrid g, int from) {
        StringBuilder b = new StringBuilder(window * g.rows() + g.rows());
        for (int r = 0; r < g.rows(); r++) {
            for (int c = from; c < from + window; c++) {
                b.append(g.at(r, c));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Mean over all pairs of the share of tiles that differ (compared over their common columns);
     * 0 when fewer than two levels.
     */
    public static double diversity(List<TileGrid> levels) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < levels.size(); i++) {
            for (int j = i + 1; j < levels.size(); j++) {
                sum += difference(levels.get(i), levels.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /** Share of differing tiles over the common area of two levels of equal height. */
    public static double difference(TileGrid a, TileGrid b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("levels of " + a.rows() + " and " + b.rows() + " rows");
        }
        int w = Math.min(a.columns(), b.columns());
        int diff = 0;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < w; c++) {
                if (a.at(r, c) != b.at(r, c)) {
                    diff++;
                }
            }
        }
        return w == 0 ? 0 : (double) diff / (w * a.rows());
    }
}
