package dev.improv.serve;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The front door: decides from a request's headers alone, before its body is read, whether this node
 * takes it on. At most {@code limit} requests are admitted at once (being generated or waiting); past
 * that the answer is 429 at once. By default each kind of request (endpoint) also has an adaptive
 * {@link ConcurrencyLimit}, learnt from the answers, which keeps the admitted requests' latency near the
 * unloaded latency: past it, 429 at once too. With a latency target (an SLO), a request expected to take longer
 * than it is refused the same way, and a request whose deadline the work ahead would miss gets 503 at
 * once instead of waiting for it to pass.
 *
 * <p>The estimate comes from the answers themselves ({@link LatencyEstimate}): a request of a kind
 * admitted as the {@code m}-th on the node is expected to take what recent answers of its kind admitted
 * at about that load took (their 95th percentile). Thread-safe; every call is a few arithmetic
 * operations under one lock (a pass over at most {@value LatencyEstimate#RECENT} recent answers when
 * an estimate is needed), so refusing stays cheap when everything else is busy.
 */
final class Admission {
    /** Why a request was not admitted; {@code status} is 429 (full, or past the target) or 503 (its deadline). */
    static final class Refused extends Exception {
        private final int status;
        private final String reason;
        private final long retryAfterSeconds;

        Refused(int status, String reason, String message, long retryAfterSeconds) {
            super(message, null, false, false); // no stack trace: refusals are the cheap path
            this.status = status;
            this.reason = reason;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        int status() {
            return status;
        }

        /** The metrics label: queue_full, concurrency_limit, latency_target or deadline_unmeetable. */
        String reason() {
            return reason;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** An admitted request; close it once it has been answered, however it ended. */
    final class Ticket implements AutoCloseable {
        private final Kind kind;
        private final int admittedOfKind;
        private final int admittedOnNode;
        private final int generation;
        private final boolean cold;
        private final long admittedAt;
        private final double areaAtAdmission;
        private boolean closed;

        private Ticket(Kind kind, long admittedAt, double areaAtAdmission) {
            this.kind = kind;
            this.admittedOfKind = kind.admitted;
            this.admittedOnNode = admitted;
            this.generation = kind.limit == null ? 0 : kind.limit.generation();
            this.cold = !kind.answeredOnce;
            this.admittedAt = admittedAt;
            this.areaAtAdmission = areaAtAdmission;
        }

        /** Frees the place; {@code served}: it ran to a result, so its time recalibrates the estimates. */
        void close(boolean served) {
            synchronized (Admission.this) {
                if (closed) {
                    return;
                }
                closed = true;
                long now = advance();
                if (served && cold) {
                    // Admitted before its kind's first answer: it waited for the model to load (seconds), which
                    // says nothing about the load.
                    kind.answeredOnce = true;
                } else if (served && now > admittedAt) {
                    // Average requests admitted during its life (itself included), from the area under the count.
                    double sharing = Math.max(1, (area - areaAtAdmission) / (now - admittedAt));
                    kind.latency.answered(now - admittedAt, admittedOnNode);
                    if (kind.limit != null) {
                        kind.limit.answered(now - admittedAt, sharing, admittedOfKind, generation);
                    }
                }
                admitted--;
                kind.admitted--;
            }
        }

        @Override
        public void close() {
            close(false);
        }
    }

    /** One kind of request (an endpoint's jobs): its admitted count, latency estimate and adaptive limit (null: none). */
    private static final class Kind {
        final ConcurrencyLimit limit;
        final LatencyEstimate latency = new LatencyEstimate();
        int admitted;
        boolean answeredOnce;

        Kind(ConcurrencyLimit limit) {
            this.limit = limit;
        }
    }

    private final int limit;
    private final long targetNanos;
    private final boolean adaptive;
    private final Map<String, Kind> kinds = new TreeMap<>();
    private int admitted;
    /** Integral of {@link #admitted} over time (request-nanoseconds) up to {@link #areaAt}. */
    private double area;
    private long areaAt = System.nanoTime();

    /**
     * @param limit      most requests admitted at once (workers plus the queue)
     * @param maxLatency the latency target, or null for none
     * @param adaptive   whether each kind of request also has an adaptive {@link ConcurrencyLimit}
     */
    Admission(int limit, Duration maxLatency, boolean adaptive) {
        if (limit < 1) {
            throw new IllegalArgumentException("need a limit of at least 1, got " + limit);
        }
        this.limit = limit;
        this.targetNanos = maxLatency == null ? Long.MAX_VALUE : maxLatency.toNanos();
        this.adaptive = adaptive;
    }

    /**
     * Admits a request of {@code kind} (its endpoint's job kind) due by {@code deadlineNanos}
     * ({@link System#nanoTime}) or says why not.
     */
    synchronized Ticket admit(String kind, long deadlineNanos) throws Refused {
        Kind k = kinds.computeIfAbsent(kind, name -> new Kind(adaptive ? new ConcurrencyLimit(limit) : null));
        if (admitted >= limit) {
            // A place frees when one of those admitted is answered: about one answer's time at this load.
            throw new Refused(429, "queue_full", "the service is full (" + admitted + " requests admitted); retry later",
                    seconds(k.latency.expectedNanos(admitted)));
        }
        if (k.limit != null && k.admitted >= k.limit.limit()) {
            throw new Refused(429, "concurrency_limit", "the service is at its concurrency limit for " + kind + " ("
                    + k.admitted + " admitted: more at once would slow the answers well past their unloaded latency); "
                    + "retry later", seconds(k.limit.recentNanos()));
        }
        long expected = k.latency.expectedNanos(admitted + 1);
        // An idle node admits whatever its estimate says: only answers can correct a stale one.
        if (expected > targetNanos && admitted > 0) {
            throw new Refused(429, "latency_target", "the service is at its latency target: this request would take about "
                    + expected / 1_000_000 + " ms with " + admitted + " others admitted (target " + targetNanos / 1_000_000
                    + " ms); retry later", seconds(expected));
        }
        long now = advance();
        if (now + expected > deadlineNanos) {
            throw new Refused(503, "deadline_unmeetable", "the deadline cannot be met: with " + admitted
                    + " others admitted, recent answers say this request would take about " + expected / 1_000_000 + " ms",
                    seconds(expected));
        }
        admitted++;
        k.admitted++;
        return new Ticket(k, now, area);
    }

    /** Each kind's adaptive limit now (empty without adaptive limits, or before a kind's first request). */
    synchronized Map<String, Integer> concurrencyLimits() {
        Map<String, Integer> out = new TreeMap<>();
        kinds.forEach((name, k) -> {
            if (k.limit != null) {
                out.put(name, k.limit.limit());
            }
        });
        return out;
    }

    /** Requests admitted and not yet answered. */
    synchronized int admitted() {
        return admitted;
    }

    /** Brings the area under the admitted count up to now; returns now. Call holding the lock. */
    private long advance() {
        long now = System.nanoTime();
        area += (double) admitted * (now - areaAt);
        areaAt = now;
        return now;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
