package dev.improv.serve;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The front door: decides from a request's headers alone, before its body is read, whether this node
 * takes it on. At most {@code limit} requests are admitted at once (running or waiting); past that the
 * answer is 429 at once. By default each kind of request (endpoint) also has an adaptive
 * {@link ConcurrencyLimit} on how many of it run at once (decode together), learnt from the answers,
 * which keeps their latency near the unloaded latency. Past it a request may wait in its kind's line for
 * a running one to finish, if the wait it is expected to have, counted with its own time, keeps it
 * within what the limit keeps the running ones to ({@link ConcurrencyLimit#waitBudgetNanos}); otherwise
 * 429 at once: refused early rather than admitted and late. With a latency target (an SLO), a request
 * expected to take longer than it is refused the same way, and a request whose deadline the wait and
 * the work would miss gets 503 at once instead of waiting for it to pass.
 *
 * <p>The estimates come from the answers themselves ({@link LatencyEstimate}): a request of a kind that
 * starts as the {@code m}-th running on the node is expected to take what recent answers of its kind
 * that started at about that load took; one waiting behind {@code q} others of its kind with {@code L}
 * running starts after about {@code (q + 1) / L} of their mean time. Thread-safe; every call is a few
 * arithmetic operations under one lock (a pass over at most {@value LatencyEstimate#RECENT} recent
 * answers when an estimate is needed), so refusing stays cheap when everything else is busy.
 */
final class Admission {
    /**
     * Requests of a kind that may wait before its limit has an unloaded latency to judge waits by (a fresh
     * node): a first burst waits for the model to load and is served in turn instead of being refused.
     * 16: one decoder batch of a few steps' time on 2 cores; more would only wait longer.
     */
    static final int FRESH_WAITING = 16;

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

    /**
     * An admitted request: it runs once {@link #started()} completes (at once, or when its turn in its
     * kind's line comes). Close it once it has been answered, however it ended; closing a waiting one
     * takes it out of the line.
     */
    final class Ticket implements AutoCloseable {
        private final Kind kind;
        private final boolean cold;
        private final CompletableFuture<Void> started = new CompletableFuture<>();
        private int runningOfKind;
        private int runningOnNode;
        private int generation;
        /** Written under the lock, read by the answering thread for its Server-Timing header. */
        private volatile long startedAt = -1;
        private volatile long stepped = -1;
        private double areaAtStart;
        private long refusedAtStart;
        private boolean closed;

        private Ticket(Kind kind) {
            this.kind = kind;
            this.cold = !kind.answeredOnce;
        }

        /** When it started running ({@link System#nanoTime}), or -1 while it waits in line. */
        long startedAtNanos() {
            return startedAt;
        }

        /** Told by the worker, before the result completes, how many tokens the job sampled. */
        void stepped(long tokens) {
            stepped = tokens;
        }

        /** The tokens the job sampled, or -1 when not told (a job run on another node). */
        long steppedTokens() {
            return stepped;
        }

        /** Completes when the request may run (already done unless it waits in line). */
        CompletableFuture<Void> started() {
            return started;
        }

        /** Starts it now; call holding the lock, complete {@link #started} outside it. */
        private void start(long now) {
            running++;
            kind.running++;
            runningOfKind = kind.running;
            runningOnNode = running;
            generation = kind.limit == null ? 0 : kind.limit.generation();
            startedAt = now;
            areaAtStart = area;
            refusedAtStart = refused;
        }

        /** Frees the place; {@code served}: it ran to a result, so its time recalibrates the estimates. */
        void close(boolean served) {
            List<Ticket> next;
            synchronized (Admission.this) {
                if (closed) {
                    return;
                }
                closed = true;
                long now = advance();
                admitted--;
                if (startedAt < 0) {
                    kind.waiting.remove(this);
                    return;
                }
                if (served && cold) {
                    // Admitted before its kind's first answer: it waited for the model to load (seconds), which
                    // says nothing about the load.
                    kind.answeredOnce = true;
                } else if (served && now > startedAt) {
                    // Average requests running during its life (itself included), from the area under the count.
                    double sharing = Math.max(1, (area - areaAtStart) / (now - startedAt));
                    kind.latency.answered(now - startedAt, runningOnNode);
                    if (kind.limit != null) {
                        kind.limit.answered(now - startedAt, stepped, sharing, refused > refusedAtStart, runningOfKind, generation);
                    }
                }
                running--;
                kind.running--;
                next = new ArrayList<>();
                while (!kind.waiting.isEmpty() && (kind.limit == null || kind.running < kind.limit.limit())) {
                    Ticket t = kind.waiting.poll();
                    t.start(now);
                    next.add(t);
                }
            }
            // Outside the lock: whatever runs on a start (reading the job, queueing it) must not hold the door.
            next.forEach(t -> t.started.complete(null));
        }

        @Override
        public void close() {
            close(false);
        }
    }

    /** One kind of request (an endpoint's jobs): its counts, line, latency estimate and adaptive limit (null: none). */
    private static final class Kind {
        final ConcurrencyLimit limit;
        final LatencyEstimate latency = new LatencyEstimate();
        final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
        int running;
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
    private int running;
    /** Requests refused so far: an answer during whose life some were did not run on a quiet node. */
    private long refused;
    /** Integral of {@link #running} over time (request-nanoseconds) up to {@link #areaAt}. */
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
        try {
            return tryAdmit(kind, deadlineNanos);
        } catch (Refused r) {
            refused++;
            throw r;
        }
    }

    private Ticket tryAdmit(String kind, long deadlineNanos) throws Refused {
        Kind k = kinds.computeIfAbsent(kind, name -> new Kind(adaptive ? new ConcurrencyLimit(limit) : null));
        if (admitted >= limit) {
            // A place frees when one of those admitted is answered: about one answer's time at this load.
            throw new Refused(429, "queue_full", "the service is full (" + admitted + " requests admitted); retry later",
                    seconds(k.latency.expectedNanos(running)));
        }
        boolean startsNow = k.limit == null || (k.waiting.isEmpty() && k.running < k.limit.limit());
        long work = k.latency.expectedNanos(startsNow ? running + 1 : running);
        long wait = 0;
        if (!startsNow) {
            wait = waitNanos(k);
            long budget = k.limit.waitBudgetNanos();
            boolean fresh = budget < 0;
            if (fresh ? k.waiting.size() >= FRESH_WAITING : wait > budget) {
                throw new Refused(429, "concurrency_limit", "the service is at its concurrency limit for " + kind + " ("
                        + k.running + " running, " + k.waiting.size() + " waiting: "
                        + (fresh ? "no more may wait before the node has measured its unloaded latency"
                        : "one more would wait about " + wait / 1_000_000 + " ms, past what keeps the answers near their "
                        + "unloaded latency") + "); retry later", seconds(Math.max(wait, k.limit.recentNanos())));
            }
        }
        long expected = wait + work;
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
        Ticket ticket = new Ticket(k);
        if (startsNow) {
            ticket.start(now);
            ticket.started.complete(null); // nothing depends on it yet
        } else {
            k.waiting.add(ticket);
        }
        return ticket;
    }

    /**
     * How long a request joining the end of {@code k}'s line waits: the running ones finish at about
     * {@code running / mean answer time} a second, and it starts after everyone ahead of it in line and
     * one more (0 before any answer).
     */
    private static long waitNanos(Kind k) {
        return (long) ((k.waiting.size() + 1) * (double) k.latency.meanNanos(k.running) / Math.max(1, k.running));
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

    /** Each kind's unloaded tail in ms, the reference its limit is judged by (0 while unknown; empty without adaptive limits). */
    synchronized Map<String, Long> unloadedTailsMs() {
        Map<String, Long> out = new TreeMap<>();
        kinds.forEach((name, k) -> {
            if (k.limit != null) {
                out.put(name, k.limit.unloadedNanos() / 1_000_000);
            }
        });
        return out;
    }

    /** Requests admitted and not yet answered (running or waiting). */
    synchronized int admitted() {
        return admitted;
    }

    /** Requests admitted and waiting in their kind's line. */
    synchronized int waiting() {
        return admitted - running;
    }

    /** Brings the area under the running count up to now; returns now. Call holding the lock. */
    private long advance() {
        long now = System.nanoTime();
        area += (double) running * (now - areaAt);
        areaAt = now;
        return now;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
