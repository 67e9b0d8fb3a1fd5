package dev.improv.serve.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic batching: every sequence's next step waits here, and one thread feeds all the steps that
 * arrive together to a {@link SequenceBatch} as one batched step. Sequences join and leave between
 * steps. A step runs as soon as every sequence of the previous step has sent its next token, or
 * {@code gatherNanos} after the first one arrived, whichever comes first (a sequence busy with
 * something else, a level repair say, holds the others back no longer than that).
 */
public final class StepBatcher implements AutoCloseable {

    /** Told about each batched step (for metrics). */
    public interface Listener {
        void stepped(int sequences, long nanos);
    }

    private final SequenceBatch backend;
    private final int maxBatch;
    private final long gatherNanos;
    private final Listener listener;
    private final Object lock = new Object();
    private final List<Op> pending = new ArrayList<>();
    private final Thread thread;
    private int expected;
    private boolean closed;

    public StepBatcher(String name, SequenceBatch backend, int maxBatch, long gatherNanos, Listener listener) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.backend = backend;
        this.maxBatch = maxBatch;
        this.gatherNanos = gatherNanos;
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
        int joined;
        RuntimeException error;
        boolean done;

        Op(Kind kind, int sequence, int[] tokens, int offset, int length, float[] logits) {
            this.kind = kind;
            this.sequence = sequence;
            this.tokens = tokens;
            this.offset = offset;
            this.length = length;
            this.logits = logits;
        }
    }

    /** Queues {@code op} and waits for it. */
    Op submit(Op op) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the batcher is closed");
            }
            pending.add(op);
            lock.notifyAll();
        }
        synchronized (op) {
            boolean interrupted = false;
            while (!op.done) {
                try {
                    op.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the step is already queued; its result is still ours to take
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (op.error != null) {
            throw op.error;
        }
        return op;
    }

    private void run() {
        List<Op> taken = new ArrayList<>();
        while (true) {
            synchronized (lock) {
                while (pending.isEmpty() && !closed) {
                    waitQuietly(0);
                }
                if (pending.isEmpty()) {
                    return;
                }
                long until = System.nanoTime() + gatherNanos;
                for (long left = gatherNanos; steps(pending) < expected && left > 0; left = until - System.nanoTime()) {
                    waitQuietly(left);
                }
                taken.addAll(pending);
                pending.clear();
            }
            List<Op> steps = new ArrayList<>();
            for (Op op : taken) {
                if (op.kind == Op.Kind.STEP) {
                    steps.add(op);
                } else {
                    finish(op, () -> control(op));
                }
            }
            for (int from = 0; from < steps.size(); from += maxBatch) {
                stepTogether(steps.subList(from, Math.min(steps.size(), from + maxBatch)));
            }
            expected = steps.size();
            taken.clear();
        }
    }

    private void control(Op op) {
        switch (op.kind) {
            case JOIN -> op.joined = backend.join();
            case LEAVE -> {
                backend.leave(op.sequence);
                expected = Math.max(0, expected - 1);
            }
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
        synchronized (op) {
            op.error = error;
            op.done = true;
            op.notifyAll();
        }
    }

    private static int steps(List<Op> ops) {
        int n = 0;
        for (Op op : ops) {
            n += op.kind == Op.Kind.STEP ? 1 : 0;
        }
        return n;
    }

    private void waitQuietly(long nanos) {
        try {
            if (nanos == 0) {
                lock.wait();
            } else {
                lock.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops the thread once the queued work is done and frees the backend. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backend.close();
    }
}
