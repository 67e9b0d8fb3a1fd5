package dev.improv.serve.batch;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns for the workers of a {@link StepBatcher} whose sequences step in two groups: the batcher's thread, while it
 * steps, and the workers that run their own work between steps (sampling, checks, retrieval, the reply's JSON) are
 * at most {@code turns} (a core each), so that the batcher's thread, the one serial stage, keeps a core; while it
 * waits for a group's tokens, one more worker runs. Without turns a step woke its group's 8 workers together, and
 * the scheduler, which favours threads that just woke over the one that always runs, gave them both cores while the
 * batcher waited for one (2.7-3.7 ms a request at 16 clients on 2 cores, beside 6.7 ms of its own work).
 *
 * <p>A worker takes a turn when its op is done (the batcher gives it at once if one is free, else queues the op and
 * does not wake its caller) and holds it until it next calls the batcher or its job ends ({@link #passHeld}), which
 * hands the turn straight to the next queued caller: one wake-up a token, as without turns. A caller queued longer
 * than {@link #PATIENCE_NANOS} goes on without a turn, so a turn held by a thread that never passes it slows the
 * others but cannot stop them.
 */
public final class WorkerTurns {
    /**
     * Threads that may run at once, the stepping batcher's included: the cores (at least 2: a worker runs beside the
     * step); {@code improv.serve.batch.turns} (0: no turns) overrides.
     */
    public static final int TURNS = Integer.getInteger("improv.serve.batch.turns",
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    /** Longest a caller waits for a turn; the 8 workers of a group take about 0.3-0.6 ms in turn at 16 clients. */
    static final long PATIENCE_NANOS = 5_000_000L;

    static final int NOT_GATED = 0;
    static final int WAITING = 1;
    static final int HAS_TURN = 2;
    static final int GAVE_UP = 3;

    private static final ThreadLocal<WorkerTurns> HELD = new ThreadLocal<>();

    private final ArrayDeque<StepBatcher.Op> queued = new ArrayDeque<>();
    private int free;

    WorkerTurns(int turns) {
        if (turns < 2) {
            throw new IllegalArgumentException("turns must be at least 2 (the stepping batcher's and a worker's), got " + turns);
        }
        this.free = turns;
    }

    /**
     * Gives {@code op}'s caller a turn if one is free ({@link #HAS_TURN}: wake it), else queues it ({@link #WAITING}:
     * the turn's holder wakes it). Sets {@code op.turn} before its caller can see the op done.
     */
    synchronized int take(StepBatcher.Op op) {
        if (free > 0) {
            free--;
            op.turn = HAS_TURN;
        } else {
            op.turn = WAITING;
            queued.add(op);
        }
        return op.turn;
    }

    /** Called by a caller that waited {@link #PATIENCE_NANOS} for a turn: true if it goes on without one. */
    synchronized boolean giveUp(StepBatcher.Op op) {
        if (op.turn != WAITING) {
            return false; // given a turn meanwhile
        }
        queued.remove(op);
        op.turn = GAVE_UP;
        return true;
    }

    /** Records that the calling thread holds one of these turns (after its op was given one). */
    void hold() {
        HELD.set(this);
    }

    /** Passes the calling thread's turn, if it holds one, to the next queued caller. Every job ends with this. */
    public static void passHeld() {
        WorkerTurns turns = HELD.get();
        if (turns != null) {
            HELD.remove();
            turns.pass();
        }
    }

    /** The batcher's thread starts to step: it takes a turn at once, even past the free ones (none is taken back). */
    synchronized void stepping() {
        free--;
    }

    /** The batcher's thread waits for work: its turn goes to the next queued caller. */
    void waiting() {
        pass();
    }

    private void pass() {
        StepBatcher.Op next;
        synchronized (this) {
            free++;
            if (free <= 0) {
                return; // owed to the stepping batcher
            }
            next = queued.poll();
            if (next == null) {
                return;
            }
            free--;
            next.turn = HAS_TURN;
        }
        LockSupport.unpark(next.caller);
    }
}
