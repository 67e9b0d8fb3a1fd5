package dev.improv.model;

import java.util.Arrays;

/**
 * One stream of generated tokens: a batch-1 {@link Decoder}, a seeded {@link Sampler} and the full
 * history. Handles what every domain needs: prompts, constrained sampling, cheap backtracking
 * ({@link #rewind}) and streams longer than the model's context (the window slides, keeping a
 * conditioning prefix). Not thread-safe.
 */
public final class TokenStream implements AutoCloseable {
    private final Decoder decoder;
    private Sampler sampler;
    private int[] history = new int[256];
    private int length;
    /** Tokens at the start of history that stay in the window when it slides. */
    private int keepPrefix;
    /** Most recent tokens a slide keeps after the prefix (never more than half the context less the prefix). */
    private int keepRecent = Integer.MAX_VALUE;
    /** History index where the decoder's non-prefix content starts (0 until the first slide). */
    private int windowStart;
    private float[] nextLogits;
    /** What {@link #next} lets the constraint and the sampler change: a copy, reused per token. */
    private float[] scratch = new float[0];
    /**
     * Slides so far as triples (history length when the window slid, window start after it, 1 if it
     * slid between tokens by {@link #ensureRoom}), so that a rewind rebuilds exactly the window the
     * model saw then: the same tokens give the same logits.
     */
    private int[] slides = new int[24];
    private int slideCount;

    public TokenStream(LanguageModel model, SamplingSettings settings, long seed) {
        this(model.newDecoder(1), settings, seed);
    }

    /** Uses an existing batch-1 decoder, which this stream then owns and closes. */
    public TokenStream(Decoder decoder, SamplingSettings settings, long seed) {
        if (decoder.batch() != 1) {
            throw new IllegalArgumentException("a TokenStream needs a batch-1 decoder");
        }
        this.decoder = decoder;
        this.sampler = new Sampler(settings, seed);
        this.nextLogits = new float[0];
    }

    /** When the context fills up, keep the first {@code n} tokens (conditioning) and the recent half. */
    public TokenStream setKeepPrefix(int n) {
        if (n < 0 || n > decoder.capacity() / 2) {
            throw new IllegalArgumentException("keep-prefix must be in [0, " + decoder.capacity() / 2 + "], got " + n);
        }
        keepPrefix = n;
        return this;
    }

    /**
     * When the window slides, keep the {@code n} most recent tokens after the prefix instead of the
     * recent half (never more than that half). Each slide re-encodes what it keeps, so fewer tokens
     * kept means cheaper, rarer slides and a shorter memory: a stream whose model looks back little
     * can trade one for the other.
     */
    public TokenStream setKeepRecent(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("keep-recent must be >= 1, got " + n);
        }
        keepRecent = n;
        return this;
    }

    /** Appends tokens chosen by the caller (a prompt, conditioning, a forced token). */
    public TokenStream feed(int... tokens) {
        if (tokens.length > 1 && decoder.position() + tokens.length <= decoder.capacity()) {
            // Fits in the window: one prefill instead of a step per token.
            if (length + tokens.length > history.length) {
                history = Arrays.copyOf(history, Math.max(history.length * 2, length + tokens.length));
            }
            System.arraycopy(tokens, 0, history, length, tokens.length);
            length += tokens.length;
            nextLogits = decoder.prefill(tokens, 0, tokens.length).clone();
            return this;
        }
        for (int i = 0; i < tokens.length; i++) {
            push(tokens[i], i == tokens.length - 1);
        }
        return this;
    }

    /** Samples the next token under {@code constraint}, appends it and returns it. */
    public int next(LogitConstraint constraint) {
        requireFed();
        if (scratch.length != nextLogits.length) {
            scratch = new float[nextLogits.length];
        }
        float[] logits = scratch;
        System.arraycopy(nextLogits, 0, logits, 0, logits.length);
        constraint.apply(history, length, logits);
        int token = sampler.sample(logits, history, length);
        push(token, true);
        return token;
    }

    /** Samples without a constraint. */
    public int next() {
        return next(LogitConstraint.NONE);
    }

    /**
     * The logits for the next token (a fresh copy the caller may change).
     *
     * @throws IllegalStateException before anything was fed
     */
    public float[] logits() {
        requireFed();
        return nextLogits.clone();
    }

    private void requireFed() {
        if (length == 0) {
            throw new IllegalStateException("feed a prompt before sampling");
        }
    }

    /**
     * Draws the following tokens with a fresh sampler seeded {@code seed}. Reseeding at fixed points
     * (say every bar with a seed derived from the bar index) makes what comes after a point depend
     * only on the tokens before it, so a {@link #rewind} to that point regenerates the same tokens.
     */
    public void reseed(long seed) {
        sampler = new Sampler(sampler.settings(), seed);
    }

    /**
     * Slides the window now if fewer than {@code tokens} positions are left, so that the next
     * {@code tokens} tokens fit without a slide. Call it at natural boundaries (a bar line): a later
     * {@link #rewind} to this length then only drops cached steps instead of re-encoding a window.
     */
    public void ensureRoom(int tokens) {
        ensureRoom(tokens, defaultKeepRecent());
    }

    /**
     * As {@link #ensureRoom(int)}, but a slide keeps only the last {@code keepRecent} tokens after the
     * prefix. A caller whose model was trained on documents starting at a natural boundary (a level
     * chunk) can slide to that boundary: the window is then in distribution and short, so steps attend
     * over fewer positions and the re-encoding is cheap.
     */
    public void ensureRoom(int tokens, int keepRecent) {
        if (keepRecent < 0 || keepPrefix + keepRecent + tokens > decoder.capacity()) {
            throw new IllegalArgumentException("cannot keep " + keepRecent + " tokens and make room for " + tokens
                    + " in a window of " + decoder.capacity() + " (prefix " + keepPrefix + ")");
        }
        if (length > 0 && decoder.capacity() - decoder.position() < tokens) {
            slide(true, keepRecent);
        }
    }

    /** Forgets everything after the first {@code newLength} tokens, so generation resumes there. */
    public void rewind(int newLength) {
        if (newLength < 1 || newLength > length) {
            throw new IllegalArgumentException("cannot rewind to " + newLength + " tokens (stream has " + length + ")");
        }
        if (newLength == length) {
            return;
        }
        // The window the logits for token newLength came from: a slide during the push of token i
        // shaped the logits of tokens after i; a slide between tokens at i those of token i itself.
        while (slideCount > 0) {
            int at = slides[3 * (slideCount - 1)];
            boolean between = slides[3 * (slideCount - 1) + 2] == 1;
            if (at <= newLength - 1 || (between && at == newLength)) {
                break;
            }
            slideCount--;
        }
        int then = slideCount == 0 ? 0 : slides[3 * slideCount - 2];
        if (then != windowStart) {
            length = newLength;
            refill(then);
            return;
        }
        if (windowStart == 0 || newLength > windowStart + 1) {
            // Still inside the window: drop the cached steps and recompute the last one's logits.
            int decoderPos = windowStart == 0 ? newLength : keepPrefix + (newLength - windowStart);
            decoder.rewind(decoderPos - 1);
            length = newLength - 1;
            push(history[newLength - 1], true);
        } else {
            length = newLength;
            refill(then);
        }
    }

    /** The full history; entries past {@link #length()} are garbage. */
    public int[] history() {
        return history;
    }

    public int length() {
        return length;
    }

    /** A copy of tokens [from, length). */
    public int[] tokensSince(int from) {
        return Arrays.copyOfRange(history, from, length);
    }

    /** Tokens the decoder has run for this stream, including windows re-encoded after a slide. */
    public long tokensDecoded() {
        return decoder.tokensDecoded();
    }

    @Override
    public void close() {
        decoder.close();
    }

    private void push(int token, boolean computeLogits) {
        if (decoder.position() == decoder.capacity()) {
            slide();
        }
        if (length == history.length) {
            history = Arrays.copyOf(history, history.length * 2);
        }
        history[length++] = token;
        if (computeLogits) {
            float[] l = decoder.step(token);
            if (nextLogits.length != l.length) {
                nextLogits = new float[l.length];
            }
            System.arraycopy(l, 0, nextLogits, 0, l.length);
        } else {
            decoder.feed(token);
        }
    }

    /** The window is full: keep the prefix and the most recent half, and re-encode them. */
    private void slide() {
        slide(false, defaultKeepRecent());
    }

    /** What a slide keeps unless the caller says otherwise: {@link #setKeepRecent}, at most the recent half. */
    private int defaultKeepRecent() {
        return Math.min(keepRecent, decoder.capacity() / 2 - keepPrefix);
    }

    private void slide(boolean betweenTokens, int recent) {
        refill(Math.max(keepPrefix, length - recent));
        if (3 * slideCount + 3 > slides.length) {
            slides = Arrays.copyOf(slides, slides.length * 2);
        }
        slides[3 * slideCount] = length;
        slides[3 * slideCount + 1] = windowStart;
        slides[3 * slideCount + 2] = betweenTokens ? 1 : 0;
        slideCount++;
    }

    private void refill(int newWindowStart) {
        int prefix = Math.min(keepPrefix, length);
        windowStart = Math.max(newWindowStart, prefix);
        decoder.reset();
        // The prefix and the window, re-encoded in one prefill (several positions per weight read).
        int[] window = new int[prefix + (length - windowStart)];
        System.arraycopy(history, 0, window, 0, prefix);
        System.arraycopy(history, windowStart, window, prefix, length - windowStart);
        nextLogits = decoder.prefill(window, 0, window.length).clone();
        if (windowStart == prefix) {
            windowStart = 0; // nothing was skipped: positions equal history indices again
        }
    }
}
