package dev.improv.serve.batch;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns for the workers of a {@link StepBatcher} whose sequences step in two groups: at most {@code turns} of its
 * workers run their own work between steps (sampling, checks, retrieval, the reply's JSON) at once, so that the
 * batcher's thread, the one serial stage, keeps a core. Without turns a step woke its group's 8 workers together, and
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
    /** Workers that may run between steps at once; {@code improv.serve.batch.turns} (0: no turns) overrides. */
    public static final int TURNS = Integer.getInteger("improv.serve.batch.turns",
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
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
        if (turns < 1) {
            throw new IllegalArgumentException("turns must be at least 1, got " + turns);
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

    private void pass() {
        StepBatcher.Op next;
        synchronized (this) {
            next = queued.poll();
            if (next == null) {
                free++;
                return;
            }
            next.turn = HAS_TURN;
        }
        LockSupport.unpark(next.caller);
    }
}
