package dev.improv.music;

import dev.improv.api.MusicControls;
import dev.improv.model.CheckpointScore;
import dev.improv.model.LanguageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a music model's checkpoint by how well it keeps to the key it is asked for: pieces are asked
 * in the keys, meters and tempos of the held-out tunes (never a training tune, never a fixed list of
 * cases), on the library's default path ({@link KeyKeeping}), and the score is the share of their
 * notes in key. Major and minor requests count half each, so the few minor held-out tunes weigh as
 * much as the many major ones (a corpus of mostly major tunes would otherwise never reward minor).
 * Seeds start at {@link #FIRST_SEED}, away from {@code improv eval music-key}'s 0..N-1.
 */
public final class HeldOutKeyScore implements CheckpointScore {
    /** The first seed of the pieces asked; later pieces take the next seeds. */
    public static final long FIRST_SEED = 100_000;

    private final List<MusicControls> major;
    private final List<MusicControls> minor;
    private final int piecesPerMode;
    private final int bars;
    private final double maxValidLoss;

    /**
     * A score over {@code piecesPerMode} pieces of {@code bars} bars in each mode that the held-out
     * tunes {@code heldOut} have, cycling through that mode's tunes.
     */
    public HeldOutKeyScore(List<Song> heldOut, int piecesPerMode, int bars) {
        this(heldOut, piecesPerMode, bars, Double.POSITIVE_INFINITY);
    }

    /**
     * Like {@link #HeldOutKeyScore(List, int, int)}, choosing only among checkpoints whose validation loss
     * is at most {@code maxValidLoss} (e.g. the starting model's, so the key is not bought with likelihood).
     */
    public HeldOutKeyScore(List<Song> heldOut, int piecesPerMode, int bars, double maxValidLoss) {
        if (!(maxValidLoss > 0)) {
            throw new IllegalArgumentException("the highest validation loss kept must be positive, got " + maxValidLoss);
        }
        this.maxValidLoss = maxValidLoss;
        if (piecesPerMode < 1 || bars < 1) {
            throw new IllegalArgumentException("pieces per mode and bars must be positive, got " + piecesPerMode
                    + " and " + bars);
        }
        major = new ArrayList<>();
        minor = new ArrayList<>();
        for (Song s : heldOut) {
            MusicControls c = MusicControls.DEFAULT.withKey(s.key()).withMeter(s.meters().get(0).meter())
                    .withTempo(s.tempos().get(0).bpm());
            (s.key().minor() ? minor : major).add(c);
        }
        if (major.isEmpty() && minor.isEmpty()) {
            throw new IllegalArgumentException("no held-out tunes to ask keys from");
        }
        this.piecesPerMode = piecesPerMode;
        this.bars = bars;
    }

    @Override
    public String name() {
        return "in_key";
    }

    @Override
    public double maxValidLoss() {
        return maxValidLoss;
    }

    @Override
    public double score(LanguageModel model) {
        MusicGenerator generator = new MusicGenerator(model, false);
        double sum = 0;
        int modes = 0;
        long seed = FIRST_SEED;
        for (List<MusicControls> cases : List.of(major, minor)) {
            if (cases.isEmpty()) {
                continue;
            }
            KeyKeeping tally = new KeyKeeping();
            for (int i = 0; i < piecesPerMode; i++) {
                tally.add(generator, cases.get(i % cases.size()), bars, seed++);
            }
            sum += tally.share();
            modes++;
        }
        return sum / modes;
    }

    /** How many held-out tunes ask for a major and a minor key. */
    public String describe() {
        return major.size() + " major and " + minor.size() + " minor held-out tunes, " + piecesPerMode
                + " pieces of " + bars + " bars a mode"
                + (maxValidLoss < Double.POSITIVE_INFINITY ? ", among checkpoints of validation loss <= " + maxValidLoss : "");
    }
}
