package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.model.LogitConstraint;
import dev.improv.music.MusicVocabulary.Kind;
import java.util.Arrays;

/**
 * The bar grammar as a constraint on sampling: positions rise within a bar and stay inside it,
 * tracks rise within a position, pitches within a group, every pitch gets a duration, and the bar
 * holds between {@code minNotes} and {@code maxNotes} notes, which is what makes intensity real.
 * Fed every token of a bar (forced or sampled) through {@link #accept}; not thread-safe.
 */
final class MusicGrammar implements LogitConstraint {

    private enum State { OPEN, AFTER_POSITION, AFTER_TRACK, AFTER_VELOCITY, AFTER_PITCH }

    private final MusicVocabulary vocab;
    private final int tracks;
    private final boolean[] drums;
    private final int barToken;
    /** Which ids the next token may be; reused so a token allocates nothing. */
    private boolean[] allowed = new boolean[0];
    private State state = State.OPEN;
    private int barLength;
    private int minNotes;
    private int maxNotes;
    private int notes;
    private int position;
    private int track;
    private int pitch;
    private Key key;
    private float offScalePenalty;
    private float tonicPull;
    private Key pullTriad;

    /**
     * @param drums which tracks are drum tracks (their pitches are instruments: no key applies)
     */
    MusicGrammar(MusicVocabulary vocab, boolean[] drums) {
        this.vocab = vocab;
        this.tracks = Math.min(drums.length, vocab.tracks());
        this.drums = drums.clone();
        this.barToken = vocab.id(Kind.BAR, 0);
    }

    /**
     * Starts a bar of {@code barLength} grid units that must hold {@code minNotes..maxNotes} notes;
     * {@code tonicPull} is added to the logits of the root of {@code pullTriad} (and half of it to its
     * third and fifth) on pitched tracks: the key's own tonic triad anchors a phrase's first and last
     * bars in the key, the dominant's leads a cadence home. Null {@code pullTriad} means the key's.
     */
    void startBar(int barLength, int minNotes, int maxNotes, Key key, float offScalePenalty, float tonicPull, Key pullTriad) {
        this.tonicPull = tonicPull;
        this.pullTriad = pullTriad != null ? pullTriad : key;
        this.barLength = Math.min(barLength, vocab.positions());
        this.minNotes = minNotes;
        this.maxNotes = maxNotes;
        this.key = key;
        this.offScalePenalty = offScalePenalty;
        notes = 0;
        position = -1;
        track = -1;
        pitch = -1;
        state = State.OPEN;
    }

    /** Notes in the bar so far. */
    int notes() {
        return notes;
    }

    /** Follows a token that was appended to the stream. */
    void accept(int token) {
        int v = vocab.value(token);
        switch (vocab.kindOf(token)) {
            case POSITION -> {
                position = v;
                track = -1;
                state = State.AFTER_POSITION;
            }
            case TRACK -> {
                track = v;
                pitch = -1;
                state = State.AFTER_TRACK;
            }
            case VELOCITY -> state = State.AFTER_VELOCITY;
            case PITCH -> {
                pitch = v;
                state = State.AFTER_PITCH;
            }
            case DURATION -> {
                notes++;
                state = State.OPEN;
            }
            default -> state = State.OPEN;
        }
    }

    @Override
    public void apply(int[] history, int length, float[] logits) {
        boolean full = notes >= maxNotes;
        if (allowed.length != logits.length) {
            allowed = new boolean[logits.length];
        } else {
            Arrays.fill(allowed, false);
        }
        switch (state) {
            case OPEN -> {
                if (!full) {
                    allowPositions(allowed, position + 1);
                    if (position >= 0) {
                        allowTracks(allowed, track + 1);
                        allowPitches(allowed, pitch + 1);
                    }
                }
                if (notes >= minNotes || full) {
                    allowed[barToken] = true;
                }
            }
            case AFTER_POSITION -> allowTracks(allowed, 0);
            case AFTER_TRACK -> {
                allowRange(allowed, Kind.VELOCITY, 0, MusicVocabulary.VELOCITIES);
                allowPitches(allowed, 0);
            }
            case AFTER_VELOCITY -> allowPitches(allowed, 0);
            case AFTER_PITCH -> allowRange(allowed, Kind.DURATION, 0, vocab.count(Kind.DURATION));
            default -> { }
        }
        boolean any = false;
        for (int i = 0; i < logits.length; i++) {
            if (allowed[i] && logits[i] != Float.NEGATIVE_INFINITY) {
                any = true;
                break;
            }
        }
        if (!any) {
            // Dead end (e.g. the last position of the bar is taken and notes are still missing): close the bar.
            Arrays.fill(allowed, false);
            allowed[barToken] = true;
            if (logits[barToken] == Float.NEGATIVE_INFINITY) {
                logits[barToken] = 0;
            }
        }
        for (int i = 0; i < logits.length; i++) {
            if (!allowed[i]) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
        // Stay in key, softly: out-of-scale pitches on pitched tracks lose some probability.
        if (offScalePenalty > 0 && key != null && (state == State.AFTER_TRACK || state == State.AFTER_VELOCITY
                || state == State.OPEN) && track >= 0 && track < drums.length && !drums[track]) {
            int base = vocab.base(Kind.PITCH);
            for (int p = 0; p < 128; p++) {
                if (!key.inScale(p) && logits[base + p] != Float.NEGATIVE_INFINITY) {
                    logits[base + p] -= offScalePenalty;
                }
            }
        }
        if (tonicPull > 0 && pullTriad != null && (state == State.AFTER_TRACK || state == State.AFTER_VELOCITY
                || state == State.OPEN) && track >= 0 && track < drums.length && !drums[track]) {
            int base = vocab.base(Kind.PITCH);
            int third = pullTriad.minor() ? 3 : 4;
            for (int p = 0; p < 128; p++) {
                int degree = Math.floorMod(p - pullTriad.tonic(), 12);
                float pull = degree == 0 ? tonicPull : degree == 7 || degree == third ? tonicPull / 2 : 0;
                if (pull > 0 && logits[base + p] != Float.NEGATIVE_INFINITY) {
                    logits[base + p] += pull;
                }
            }
        }
    }

    // The bar must still be able to reach minNotes after each choice: a note's slot is (position,
    // track, pitch) with all three rising, so the slots left after one are easy to count.
    private long slotsFrom(int pos, int trk, int pit) {
        return (128L - pit) + (long) (tracks - 1 - trk) * 128 + (long) (barLength - 1 - pos) * tracks * 128;
    }

    private long needed() {
        return Math.max(0, minNotes - notes);
    }

    private void allowPositions(boolean[] allowed, int from) {
        int base = vocab.base(Kind.POSITION);
        for (int p = Math.max(0, from); p < barLength; p++) {
            allowed[base + p] = slotsFrom(p, 0, 0) >= needed();
        }
    }

    private void allowTracks(boolean[] allowed, int from) {
        int base = vocab.base(Kind.TRACK);
        for (int t = Math.max(0, from); t < tracks; t++) {
            allowed[base + t] = slotsFrom(position, t, 0) >= needed();
        }
    }

    private void allowPitches(boolean[] allowed, int from) {
        int base = vocab.base(Kind.PITCH);
        for (int p = Math.max(0, from); p < 128; p++) {
            allowed[base + p] = slotsFrom(position, track, p) >= needed();
        }
    }

    private void allowRange(boolean[] allowed, Kind kind, int from, int to) {
        int base = vocab.base(kind);
        for (int v = Math.max(0, from); v < Math.min(to, vocab.count(kind)); v++) {
            allowed[base + v] = true;
        }
    }
}
