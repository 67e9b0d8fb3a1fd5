package dev.improv.serve;

import java.util.Arrays;

/**
 * An adaptive limit on the requests of one kind admitted at once, which keeps the tail of their latency
 * near what the node gives a request that runs alone. Like TCP Vegas and Netflix's concurrency-limits, it
 * needs no latency figure from the operator: it learns the unloaded latency from the answers themselves
 * and moves the limit by the ratio of the recent latency to it.
 *
 * <ul>
 *   <li><b>Unloaded tail</b>: the 99th percentile of the last {@value #ALONE} answers that ran alone (on
 *       average at most {@value #ALONE_SHARING} requests admitted during their life, themselves included,
 *       and none refused meanwhile: a node refusing a burst spends cores on the refusals, so an answer
 *       admitted alone then is not an unloaded one). Before there are {@value #WINDOW} of those, the lowest
 *       recent tail seen stands in.</li>
 *   <li><b>Recent tail</b>: the 99th percentile of the answers admitted under the limit as it stands (the
 *       last {@value #TAIL} of them). The goal is on the p99 (overload: accepted p99 within 2x the unloaded
 *       p99), so the p99 decides: a rule on the p90 held the p90 near 1.75x while the p99, which long
 *       replies and unlucky timing make, went to 2.4-3x. Only answers admitted since the last change count:
 *       those admitted under the old limit would judge the new one by the old one's tail and shrink it twice.</li>
 *   <li>Every {@value #WINDOW} such answers: above {@value #TOLERANCE}x the unloaded tail, the limit shrinks
 *       in proportion (at most by half: one slow window is not a collapse); below {@value #GROW_BELOW}x,
 *       with the limit reached during the window (someone may have been refused) and at least
 *       {@value #GROW_EVIDENCE} answers under the limit, it grows by one. In between it holds, so it does
 *       not hunt. Growth waits for {@value #GROW_EVIDENCE}: the p99 of 32 is their slowest, about the 97th
 *       percentile, which sits well below the unloaded p99 when most replies are short and a few long, so
 *       a limit judged on 32 grew one step too far and then fell to 1 (the idle bench's 2.46x); the
 *       slowest of 96 is about the 99th, like the reference.</li>
 *   <li>Between windows, once {@value #EARLY} answers are in: one slower than {@value #LATE}x the unloaded
 *       tail (late by the goal itself) shrinks the limit at once, by the same rule: a burst is met within
 *       a few answers, not a window.</li>
 *   <li><b>By the token, where answers say their tokens</b> (the workers of this node count the tokens a
 *       job samples, redraws included): once {@value #WINDOW} answers that ran alone and {@value #WINDOW}
 *       under the limit have said theirs, the ratio the rule above compares is the time a token takes
 *       under the limit over the time it takes alone (each the summed time over the summed tokens), not
 *       the two tails. The tails measure the load through a few answers: a dialogue tail is the replies
 *       that redrew most (about 90 tokens at the tail of {@code bench overload} against a median of
 *       about 20), so which of those a window of 32-128 answers happened to hold moved its p99 as much as
 *       the load did, and the limit grew in windows without them and shrank in windows with them
 *       (accepted p99 1.5-2.3x the unloaded one over five idle runs). The time a token takes is what the
 *       load stretches in every answer, long ones most; the tail of the accepted answers is the unloaded
 *       tail stretched by it. An answer late by the goal shrinks the limit early only if its own tokens
 *       were slow past {@value #TOLERANCE}x: a long reply at the unloaded pace is the unloaded tail's kind.</li>
 * </ul>
 *
 * <p>It also says how long a request may wait for a place ({@link #waitBudgetNanos}): what is left of
 * {@value #GROW_BELOW}x the unloaded tail after the recent tail. Waiting is allowed where growing would
 * be, not up to where shrinking starts: the client also waits for the HTTP front on the same cores
 * (see {@link #TOLERANCE}), and a line budgeted to the shrink threshold (then 1.6x) took a loaded
 * run's accepted median from 26 to 196 ms.
 *
 * <p>Not thread-safe: {@link Admission} calls it under its lock; each call is a few arithmetic operations (a
 * sort of at most {@value #TAIL} or {@value #ALONE} numbers at a window's end).
 */
final class ConcurrencyLimit {
    /** Answers per decision: few enough to react within a fraction of a second. */
    static final int WINDOW = 32;
    /**
     * Most answers whose p99 judges the limit as it stands: a p99 of 32 is their slowest, so a limit that
     * holds for a while is judged on more (the second slowest of 128).
     */
    static final int TAIL = 128;
    /** Answers that ran alone kept for the unloaded tail (a p99 of 256 is their third slowest). */
    static final int ALONE = 256;
    /** Requests sharing the node on average during an answer's life, at most, for it to count as alone. */
    static final double ALONE_SHARING = 1.25;
    /** The tail quantile both sides are taken at. */
    static final double QUANTILE = 0.99;
    /**
     * Recent over unloaded tail above which the limit shrinks. Well below the 2x that overload tests ask: the
     * node times an answer from its start, and a client also waits for its connection to be accepted and
     * answered on the same cores, which under a burst of refusals is most of the rest. On the idle machine
     * the bench's 429s reached its client in 55-57 ms at the p99 against an unloaded p99 of 65 ms, and at
     * 1.6x (and growth below 1.3x) the accepted p99 was 1.76x and 2.46x at the client. Not lower: at 1.3x
     * (growth below 1.1x, which the slowest of 96 seldom is even at an unchanged load) the limit sat at
     * 1-2 and 16 closed-loop clients, refused and waiting out Retry-After, got 1.06x the tokens/s of one
     * at a time ({@code bench serve}, loaded machine), against 5.15x at 1.6x.
     */
    static final double TOLERANCE = 1.5;
    /** Below this ratio the limit may grow; between it and {@link #TOLERANCE} it holds, so it does not hunt. */
    static final double GROW_BELOW = 1.2;
    /** Most the limit shrinks at one window's end. */
    static final double MOST_SHRINK = 0.5;
    /**
     * Where a node that has seen no load starts. Low, since a burst on a fresh node runs this many at once
     * before any window has spoken (at 4 the p99 of 2 cores' answers was 2.4-3x the unloaded p99; the rest
     * of a first burst waits in line, {@link Admission#FRESH_WAITING}); it grows by one every
     * {@value #GROW_EVIDENCE} answers or more while the tail allows.
     */
    static final int INITIAL = 2;
    /** Answers under a limit needed before it may grow: their p99 (the slowest of 96) is a 99th percentile. */
    static final int GROW_EVIDENCE = 96;
    /** Answers since the last decision after which one late answer shrinks the limit before the window ends. */
    static final int EARLY = 8;
    /** An answer slower than this multiple of the unloaded tail is late by the goal (2x), not noise. */
    static final double LATE = 2.0;

    private final int max;
    private double limit;
    /** Changes of the limit so far: an answer admitted under an older one does not judge this one. */
    private int generation;
    private final long[] tail = new long[TAIL];
    /** The tokens each answer of {@link #tail} sampled (-1: not known). */
    private final long[] tailTokens = new long[TAIL];
    private int tailSeen;
    private int sinceDecision;
    private boolean reached;
    private final long[] alone = new long[ALONE];
    private final long[] aloneTokens = new long[ALONE];
    private int aloneSeen;
    private long lowestTail = Long.MAX_VALUE;
    private double lastRatio = Double.NaN;
    private long recentNanos;
    /** {@link #unloadedNanos}'s last answer, or -1 once a new answer that ran alone has come in. */
    private long unloadedCache = -1;
    /** {@link #unloadedPerToken}'s last answer, or NaN once a new answer that ran alone has come in. */
    private double unloadedPerTokenCache = Double.NaN;

    /** @param max the most the limit may reach (the node's fixed bound, workers plus queue) */
    ConcurrencyLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("need a maximum of at least 1, got " + max);
        }
        this.max = max;
        this.limit = Math.min(max, INITIAL);
    }

    /** Requests of this kind that may be admitted at once now (at least 1). */
    int limit() {
        return (int) limit;
    }

    /** Which limit a request admitted now is admitted under: pass it back to {@link #answered}. */
    int generation() {
        return generation;
    }

    /** The last decision's recent tail (0 before the first). */
    long recentNanos() {
        return recentNanos;
    }

    /** The last decision's recent over unloaded tail (NaN before the first). */
    double lastRatio() {
        return lastRatio;
    }

    /**
     * Learns from one answer served in {@code nanos}, during whose life {@code sharing} requests were
     * admitted on average (itself included) and, if {@code othersRefused}, some were refused, admitted when
     * {@code admittedOfKind} of its kind were (itself included), under the limit of {@code generationAtAdmission}.
     */
    void answered(long nanos, double sharing, boolean othersRefused, int admittedOfKind, int generationAtAdmission) {
        answered(nanos, -1, sharing, othersRefused, admittedOfKind, generationAtAdmission);
    }

    /**
     * As above, for an answer that sampled {@code tokens} tokens (-1: not known). Once enough answers say
     * theirs, the limit is judged by the time a token takes (below) rather than by the two tails.
     */
    void answered(long nanos, long tokens, double sharing, boolean othersRefused, int admittedOfKind, int generationAtAdmission) {
        // Refused requests were on the node too: under a burst at a limit of 1 every answer is admitted alone,
        // yet shares the cores with hundreds of refusals a second. Counted as unloaded, such answers made the
        // reference 1.5-2x the idle one and held the limit at 5-6 through a burst (bench overload, 2026-12-03).
        if (sharing <= ALONE_SHARING && !othersRefused) {
            aloneTokens[aloneSeen % ALONE] = tokens;
            alone[aloneSeen++ % ALONE] = nanos;
            unloadedCache = -1;
            unloadedPerTokenCache = Double.NaN;
        }
        if (generationAtAdmission != generation) {
            return;
        }
        tailTokens[tailSeen % TAIL] = tokens;
        tail[tailSeen++ % TAIL] = nanos;
        reached |= admittedOfKind >= limit();
        ++sinceDecision;
        long known = unloadedNanos();
        double unloadedPerToken = unloadedPerToken();
        // Late by the goal, and by the load: an answer long because it sampled many tokens (redraws) at the
        // unloaded pace is the unloaded tail's kind, not a sign of load.
        boolean late = sinceDecision >= EARLY && known > 0 && nanos > LATE * known
                && (tokens < 1 || Double.isNaN(unloadedPerToken) || (double) nanos / tokens > TOLERANCE * unloadedPerToken);
        if (sinceDecision < WINDOW && !late) {
            return;
        }
        int recentCount = Math.min(tailSeen, TAIL);
        long recent = p99(tail, recentCount);
        recentNanos = recent;
        lowestTail = Math.min(lowestTail, recent);
        double recentPerToken = perToken(tail, tailTokens, recentCount);
        double ratio = Double.isNaN(recentPerToken) || Double.isNaN(unloadedPerToken)
                ? (double) recent / Math.max(1, unloadedNanos())
                : recentPerToken / unloadedPerToken;
        lastRatio = ratio;
        double before = limit;
        if (ratio > TOLERANCE) {
            limit = Math.max(1, limit * Math.max(MOST_SHRINK, TOLERANCE / ratio));
        } else if (ratio < GROW_BELOW && reached && tailSeen >= GROW_EVIDENCE && !late) {
            limit = Math.min(max, limit + 1);
        }
        sinceDecision = 0;
        reached = false;
        if ((int) limit != (int) before) {
            generation++;
            tailSeen = 0;
        }
    }

    /**
     * The unloaded tail: the p99 of the answers that ran alone once there are {@value #WINDOW} of them,
     * before that the lowest recent tail seen; 0 while neither is known (a fresh node).
     */
    long unloadedNanos() {
        if (aloneSeen >= WINDOW) {
            if (unloadedCache < 0) {
                unloadedCache = p99(alone, Math.min(aloneSeen, ALONE)); // a sort: not at every refusal
            }
            return unloadedCache;
        }
        return lowestTail == Long.MAX_VALUE ? 0 : lowestTail;
    }

    /**
     * How long a request may wait for a place and still be, with its own time, within {@value #GROW_BELOW}x
     * the unloaded tail, given what running ones take now (the last decision's ratio times the unloaded
     * tail, or the unloaded tail before a decision): 0 when nothing is left; -1 while the unloaded tail is unknown. Before the limit's
     * own reference is known, the slowest of at least {@value #EARLY} answers that ran alone stands in: on a
     * busy machine one client's 3 s gave 30 answers, and the node still let a fresh node's 16 wait.
     */
    long waitBudgetNanos() {
        long unloaded = unloadedNanos();
        if (unloaded == 0 && aloneSeen >= EARLY) {
            unloaded = Arrays.stream(alone, 0, aloneSeen).max().orElseThrow();
        }
        if (unloaded == 0) {
            return -1;
        }
        // What running takes now, as a multiple of the unloaded tail: the last decision's ratio (by the token
        // where known: a window's p99 says more about which long replies it held than about the load).
        double running = Double.isNaN(lastRatio) ? 1 : Math.max(1, lastRatio);
        return Math.max(0, Math.round((GROW_BELOW - running) * unloaded));
    }

    /**
     * The time a sampled token takes with nothing else admitted: the summed time of the answers that ran
     * alone over their summed tokens; NaN until {@value #WINDOW} of them said their tokens.
     */
    double unloadedPerToken() {
        if (Double.isNaN(unloadedPerTokenCache)) {
            unloadedPerTokenCache = perToken(alone, aloneTokens, Math.min(aloneSeen, ALONE));
        }
        return unloadedPerTokenCache;
    }

    /**
     * Summed nanoseconds over summed tokens of the first {@code n} answers that said their tokens; NaN
     * with fewer than {@value #WINDOW} of those. Token-weighted, so the long answers that make a tail weigh most.
     */
    private static double perToken(long[] nanos, long[] tokens, int n) {
        double time = 0;
        double sampled = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            if (tokens[i] >= 1) {
                time += nanos[i];
                sampled += tokens[i];
                counted++;
            }
        }
        return counted < WINDOW ? Double.NaN : time / sampled;
    }

    private static long p99(long[] values, int n) {
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(QUANTILE * n) - 1];
    }
}
