package dev.improv.drums;

import dev.improv.drums.DrumVocabulary.Kind;
import dev.improv.model.LogitConstraint;
import java.util.Arrays;

/**
 * The drum bar grammar as a constraint on sampling: positions rise and stay inside the bar, drum
 * classes rise within a position, every position has a hit, and the bar holds {@code minHits..maxHits}
 * hits (what makes intensity real). Fed every sampled token through {@link #accept}; not thread-safe.
 */
final class DrumGrammar implements LogitConstraint {

    private final DrumVocabulary vocab;
    private final int barToken;
    private boolean[] allowed = new boolean[0];
    private int barLength;
    private int minHits;
    private int maxHits;
    private int hits;
    private int position;
    /** Class of the last hit at this position, -1 right after a POSITION. */
    private int piece;

    DrumGrammar(DrumVocabulary vocab) {
        this.vocab = vocab;
        this.barToken = vocab.id(Kind.BAR, 0);
    }

    /** Starts a bar of {@code barLength} grid units that must hold {@code minHits..maxHits} hits. */
    void startBar(int barLength, int minHits, int maxHits) {
        this.barLength = Math.min(barLength, vocab.count(Kind.POSITION));
        this.minHits = Math.min(minHits, this.barLength * DrumKit.PIECES);
        this.maxHits = maxHits;
        hits = 0;
        position = -1;
        piece = DrumKit.PIECES;
    }

    /** Follows a sampled token. */
    void accept(int token) {
        switch (vocab.kindOf(token)) {
            case POSITION -> {
                position = vocab.value(token);
                piece = -1;
            }
            case HIT -> {
                piece = vocab.value(token) / DrumVocabulary.LEVELS;
                hits++;
            }
            default -> { }
        }
    }

    /** Hit slots left after one at ({@code pos}, {@code pc}): the rest of that position and every later one. */
    private long slotsAfter(int pos, int pc) {
        return (DrumKit.PIECES - 1 - pc) + (long) (barLength - 1 - pos) * DrumKit.PIECES;
    }

    @Override
    public void apply(int[] history, int length, float[] logits) {
        if (allowed.length != logits.length) {
            allowed = new boolean[logits.length];
        } else {
            Arrays.fill(allowed, false);
        }
        long needed = Math.max(0, minHits - hits);
        boolean full = hits >= maxHits;
        if (piece < 0) { // right after a position: a hit must follow
            allowHits(needed > 0 ? needed - 1 : 0);
        } else {
            if (!full) {
                int positionBase = vocab.base(Kind.POSITION);
                for (int p = position + 1; p < barLength; p++) {
                    allowed[positionBase + p] = slotsAfter(p, -1) >= needed;
                }
                if (position >= 0) {
                    allowHits(needed > 0 ? needed - 1 : 0);
                }
            }
            allowed[barToken] = needed == 0 || full;
        }
        boolean any = false;
        for (int i = 0; i < logits.length && !any; i++) {
            any = allowed[i] && logits[i] != Float.NEGATIVE_INFINITY;
        }
        if (!any) { // a dead end (the last position is taken and hits are missing): close the bar
            Arrays.fill(allowed, false);
            allowed[barToken] = true;
            logits[barToken] = 0;
        }
        for (int i = 0; i < logits.length; i++) {
            if (!allowed[i]) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    /** Hits of a class above the last one, if enough slots stay after it for {@code stillNeeded} more. */
    private void allowHits(long stillNeeded) {
        int base = vocab.base(Kind.HIT);
        for (int pc = piece + 1; pc < DrumKit.PIECES; pc++) {
            if (slotsAfter(position, pc) >= stillNeeded) {
                Arrays.fill(allowed, base + pc * DrumVocabulary.LEVELS, base + (pc + 1) * DrumVocabulary.LEVELS, true);
            }
        }
    }
}
