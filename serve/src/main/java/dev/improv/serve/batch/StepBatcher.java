package dev.improv.serve.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Dynamic batching: every sequence's next step waits here, and one thread feeds the steps that
 * arrive together to a {@link SequenceBatch} as one batched step. Sequences join and leave between
 * steps. A step runs as soon as every sequence of its group that was stepped last time has sent its
 * next token, or {@code gatherNanos} after the first one arrived, whichever comes first (a sequence
 * busy with something else, a level repair say, holds the others back no longer than that). Joins,
 * prompts and rewinds run as soon as the thread is free. The step of the only sequence stepping runs on its
 * caller's thread instead of being handed over.
 *
 * <p>With {@code splitAt} or more sequences stepping, they form two groups (even and odd sequence
 * numbers) that step in turn: while one group's batched step runs, the other group's workers sample
 * their next tokens on the other core. In one group every worker waited for the step and the thread
 * waited for the slowest worker's draw, so on 2 cores one core idled through each half of the cycle.
 */
public final class StepBatcher implements AutoCloseable {

    /** Told about each batched step (for metrics). */
    public interface Listener {
        void stepped(int sequences, long nanos);
    }

    /** Sequences stepping from which they form two groups; {@code improv.serve.batch.splitAt} (0: never) overrides. */
    public static final int SPLIT_AT = Integer.getInteger("improv.serve.batch.splitAt", 8);

    private final SequenceBatch backend;
    private final int maxBatch;
    private final long gatherNanos;
    private final int splitAt;
    private final Listener listener;
    /**
     * A lock with a condition rather than a monitor: {@code Object.wait(ms, ns)} rounds any nanoseconds
     * up to a whole millisecond, so the 0.5 ms gather waited 1 ms; {@code awaitNanos} waits what it is told.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Op> pending = new ArrayList<>();
    private final Thread thread;
    /** Sequences stepped whose next token is awaited, and how many of them each group has. */
    private boolean[] owing = new boolean[64];
    private final int[] owingIn = new int[2];
    private int owingTotal;
    private boolean split;
    private boolean closed;
    /**
     * Sequences that have stepped since their last rewind (a new draw, or the end of a request) and not left: a
     * step runs on its caller's thread only while its own is the one. A primed prompt waiting in a cache is joined
     * but not stepping.
     */
    private boolean[] stepping = new boolean[64];
    private int steppingCount;
    /**
     * Held around every use of the backend, which is not thread-safe: by the batcher's thread, and by a caller
     * whose lone step runs on its own thread ({@link #submit}).
     */
    private final ReentrantLock backendLock = new ReentrantLock();

    public StepBatcher(String name, SequenceBatch backend, int maxBatch, long gatherNanos, Listener listener) {
        this(name, backend, maxBatch, gatherNanos, SPLIT_AT, listener);
    }

    public StepBatcher(String name, SequenceBatch backend, int maxBatch, long gatherNanos, int splitAt, Listener listener) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        if (splitAt < 0) {
            throw new IllegalArgumentException("splitAt must be at least 0 (0: one group), got " + splitAt);
        }
        this.backend = backend;
        this.maxBatch = maxBatch;
        this.gatherNanos = gatherNanos;
        this.splitAt = splitAt;
        this.listener = listener;
        this.thread = new Thread(this::run, "improv-batch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A batch-1 decoder whose steps go through this batcher. */
    public BatchedDecoder open(int vocab) {
        return new BatchedDecoder(this, backend.capacity(), vocab);
    }

    /**
     * One thing a sequence asks of the backend; its caller blocks until it is done. Logits are copied
     * into the caller's {@code logits} on the batcher's thread: the backend reuses its rows at the
     * next step, which may run before the caller wakes.
     */
    static final class Op {
        enum Kind { JOIN, LEAVE, REWIND, PREFILL, STEP }

        final Kind kind;
        final int sequence;
        final int[] tokens;
        final int offset;
        final int length;
        final float[] logits;
        final Thread caller = Thread.currentThread();
        final long arrived = System.nanoTime();
        int joined;
        RuntimeException error;
        volatile boolean done;

        Op(Kind kind, int sequence, int[] tokens, int offset, int length, float[] logits) {
            this.kind = kind;
            this.sequence = sequence;
            this.tokens = tokens;
            this.offset = offset;
            this.length = length;
            this.logits = logits;
        }
    }

    /** Queues {@code op} and waits for it; or runs the only sequence's step on the caller's thread. */
    Op submit(Op op) {
        boolean alone;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the batcher is closed");
            }
            // A rewind starts a new draw or ends the request (the worker checks its line first): not awaited.
            boolean groupComplete = op.kind != Op.Kind.JOIN && settle(op.sequence);
            markStepping(op);
            // The only stepping sequence's step runs here: a hand-off to the batcher's thread and back costs two
            // wake-ups a token, and under a burst each waited for a core behind the HTTP front's refusals. Not
            // whenever nobody else is awaited: sequences busy between steps (a prompt, a level's repair) would then
            // step alone as they come back, out of step with each other (mean batch 1.55 against 1.8 for six
            // levels and six songs sent together). It is awaited next time like any stepped sequence, so that a
            // sequence starting meanwhile waits for it and the two step together.
            alone = op.kind == Op.Kind.STEP && steppingCount == 1 && owingTotal == 0 && pending.isEmpty();
            if (alone) {
                await(op.sequence);
            } else {
                // The thread is woken only when it has something to do: work while it is idle, a join, prompt,
                // rewind or leave (run at once), or the last awaited token of a group (not once per token).
                boolean wake = pending.isEmpty() || op.kind != Op.Kind.STEP || groupComplete;
                pending.add(op);
                if (op.kind == Op.Kind.STEP && owingIn[group(op.sequence)] == 0) {
                    wake = true; // its group awaits nobody (a late or new sequence): ready now, not at a gather's end
                }
                if (wake) {
                    work.signal(); // only the batcher's thread waits for work
                }
            }
        } finally {
            lock.unlock();
        }
        if (alone) {
            backendLock.lock();
            try {
                stepTogether(List.of(op));
            } finally {
                backendLock.unlock();
            }
        }
        // park/unpark rather than a monitor: the batcher wakes each caller without taking its lock.
        boolean interrupted = false;
        while (!op.done) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true; // the op is already queued; its result is still ours to take
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (op.error != null) {
            throw op.error;
        }
        return op;
    }

    /** Counts {@code op}'s sequence as stepping from its step until its rewind or leave. Under the lock. */
    private void markStepping(Op op) {
        int sequence = op.sequence;
        if (op.kind == Op.Kind.STEP) {
            stepping = fit(stepping, sequence);
            if (!stepping[sequence]) {
                stepping[sequence] = true;
                steppingCount++;
            }
        } else if ((op.kind == Op.Kind.REWIND || op.kind == Op.Kind.LEAVE) && sequence >= 0 && sequence < stepping.length
                && stepping[sequence]) {
            stepping[sequence] = false;
            steppingCount--;
        }
    }

    /** {@code flags}, grown (doubled at least) if it has no place for {@code sequence}. */
    private static boolean[] fit(boolean[] flags, int sequence) {
        return sequence < flags.length ? flags : java.util.Arrays.copyOf(flags, Math.max(sequence + 1, 2 * flags.length));
    }

    /** Marks {@code sequence} as no longer awaited; true if that completed its group. Under the lock. */
    private boolean settle(int sequence) {
        if (sequence < 0 || sequence >= owing.length || !owing[sequence]) {
            return false;
        }
        owing[sequence] = false;
        owingTotal--;
        return --owingIn[group(sequence)] == 0;
    }

    private int group(int sequence) {
        return split ? sequence & 1 : 0;
    }

    private void run() {
        List<Op> controls = new ArrayList<>();
        List<Op> steps = new ArrayList<>();
        while (true) {
            lock.lock();
            try {
                if (!take(controls, steps)) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            backendLock.lock();
            try {
                for (Op op : controls) {
                    finish(op, () -> control(op));
                }
                for (int from = 0; from < steps.size(); from += maxBatch) {
                    stepTogether(steps.subList(from, Math.min(steps.size(), from + maxBatch)));
                }
            } finally {
                backendLock.unlock();
            }
            controls.clear();
            steps.clear();
        }
    }

    /**
     * Waits for work and takes it: every join, leave, rewind and prompt queued, or else the steps of the
     * group that is ready (all its awaited tokens in, or its gather time over), the group whose first step
     * came earliest if both are. False once closed with nothing left. Under the lock.
     */
    private boolean take(List<Op> controls, List<Op> steps) {
        while (true) {
            if (pending.isEmpty()) {
                if (closed) {
                    return false;
                }
                waitQuietly(0);
                continue;
            }
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i).kind != Op.Kind.STEP) {
                    controls.add(pending.get(i));
                }
            }
            if (!controls.isEmpty()) {
                pending.removeAll(controls);
                return true;
            }
            regroup();
            long now = System.nanoTime();
            long[] first = {Long.MAX_VALUE, Long.MAX_VALUE};
            for (Op op : pending) {
                int g = group(op.sequence);
                first[g] = Math.min(first[g], op.arrived);
            }
            int ready = -1;
            long wait = Long.MAX_VALUE;
            for (int g = 0; g < 2; g++) {
                if (first[g] == Long.MAX_VALUE) {
                    continue;
                }
                long left = first[g] + gatherNanos - now;
                if (owingIn[g] == 0 || left <= 0 || closed) {
                    if (ready < 0 || first[g] < first[ready]) {
                        ready = g;
                    }
                } else {
                    wait = Math.min(wait, left);
                }
            }
            if (ready < 0) {
                waitQuietly(wait);
                continue;
            }
            for (int i = 0; i < owing.length; i++) {
                if (owing[i] && group(i) == ready) {
                    owing[i] = false; // late: it joins a later step of its group without being awaited
                    owingTotal--;
                }
            }
            owingIn[ready] = 0;
            for (Op op : pending) {
                if (group(op.sequence) == ready) {
                    steps.add(op);
                    await(op.sequence);
                }
            }
            pending.removeAll(steps);
            return true;
        }
    }

    /** Marks {@code sequence}, about to be stepped, as awaited for its next token. Under the lock. */
    private void await(int sequence) {
        owing = fit(owing, sequence);
        if (!owing[sequence]) {
            owing[sequence] = true;
            owingTotal++;
            owingIn[group(sequence)]++;
        }
    }

    /**
     * Two groups from {@code splitAt} sequences stepping (awaited or queued), one again below half of it
     * (not back and forth around one count). Under the lock.
     */
    private void regroup() {
        int stepping = owingTotal + pending.size();
        boolean want = splitAt > 0 && (split ? stepping >= splitAt / 2 : stepping >= splitAt);
        if (want == split) {
            return;
        }
        split = want;
        owingIn[0] = 0;
        owingIn[1] = 0;
        for (int i = 0; i < owing.length; i++) {
            if (owing[i]) {
                owingIn[group(i)]++;
            }
        }
    }

    private void control(Op op) {
        switch (op.kind) {
            case JOIN -> op.joined = backend.join();
            case LEAVE -> backend.leave(op.sequence);
            case REWIND -> backend.rewind(op.sequence, op.offset);
            case PREFILL -> copy(backend.prefill(op.sequence, op.tokens, op.offset, op.length), op.logits);
            default -> throw new IllegalStateException(op.kind.toString());
        }
    }

    private void stepTogether(List<Op> ops) {
        int n = ops.size();
        int[] sequences = new int[n];
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            sequences[i] = ops.get(i).sequence;
            tokens[i] = ops.get(i).tokens[0];
        }
        long t0 = System.nanoTime();
        float[][] rows;
        try {
            rows = backend.step(sequences, tokens, n);
        } catch (RuntimeException e) {
            for (Op op : ops) {
                finish(op, () -> {
                    throw e;
                });
            }
            return;
        }
        listener.stepped(n, System.nanoTime() - t0);
        for (int i = 0; i < n; i++) {
            Op op = ops.get(i);
            float[] row = rows[i];
            finish(op, () -> copy(row, op.logits));
        }
    }

    private static void copy(float[] row, float[] into) {
        if (row.length != into.length) {
            throw new IllegalStateException("the backend gave " + row.length + " logits, the sequence expects " + into.length);
        }
        System.arraycopy(row, 0, into, 0, into.length);
    }

    private static void finish(Op op, Runnable work) {
        RuntimeException error = null;
        try {
            work.run();
        } catch (RuntimeException e) {
            error = e;
        }
        op.error = error;
        op.done = true; // volatile: publishes the error and the copied logits to the caller
        if (op.caller != Thread.currentThread()) {
            LockSupport.unpark(op.caller);
        }
    }

    private void waitQuietly(long nanos) {
        try {
            if (nanos == 0) {
                work.await();
            } else {
                work.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops the thread once the queued work is done and frees the backend. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backendLock.lock(); // a lone step may still be running on its caller's thread
        try {
            backend.close();
        } finally {
            backendLock.unlock();
        }
    }
}
