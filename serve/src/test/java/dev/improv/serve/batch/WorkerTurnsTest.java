package dev.improv.serve.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stepping batcher and the workers between steps are never more than the turns, the batcher never waits. */
class WorkerTurnsTest {

    private static StepBatcher.Op op() {
        return new StepBatcher.Op(StepBatcher.Op.Kind.STEP, 0, new int[] {1}, 0, 1, new float[4]);
    }

    @Test
    void aSteppingBatcherAndOneWorkerRunOnTwoTurnsAndAWaitingBatcherLetsASecondWorkerRun() {
        WorkerTurns turns = new WorkerTurns(2);
        StepBatcher.Op first = op();
        StepBatcher.Op second = op();
        StepBatcher.Op third = op();
        turns.stepping();
        assertEquals(WorkerTurns.HAS_TURN, turns.take(first), "one worker beside the step");
        assertEquals(WorkerTurns.WAITING, turns.take(second));
        assertEquals(WorkerTurns.WAITING, turns.take(third));
        turns.waiting();
        assertEquals(WorkerTurns.HAS_TURN, second.turn, "the batcher's turn goes to the next worker while it waits");
        assertEquals(WorkerTurns.WAITING, third.turn);

        turns.stepping(); // two workers run: the batcher steps anyway, and the next turn passed is its own
        turns.hold();
        WorkerTurns.passHeld(); // the first worker calls the batcher again
        assertEquals(WorkerTurns.WAITING, third.turn, "a turn passed while the batcher is owed one is not handed on");
        turns.hold();
        WorkerTurns.passHeld(); // the second worker calls it again
        assertEquals(WorkerTurns.HAS_TURN, third.turn, "then the next one is");
        WorkerTurns.passHeld(); // this thread holds none now: nothing changes
        StepBatcher.Op fourth = op();
        assertEquals(WorkerTurns.WAITING, turns.take(fourth), "the stepping batcher and the third worker hold both");
    }

    @Test
    void aCallerThatGaveUpIsSkippedAndOneGivenATurnCannotGiveUp() {
        WorkerTurns turns = new WorkerTurns(2);
        StepBatcher.Op first = op();
        StepBatcher.Op late = op();
        StepBatcher.Op next = op();
        turns.stepping();
        turns.take(first);
        turns.take(late);
        turns.take(next);
        assertTrue(turns.giveUp(late), "a waiting caller may go on without a turn");
        assertEquals(WorkerTurns.GAVE_UP, late.turn);
        turns.hold();
        turns.waiting();
        assertEquals(WorkerTurns.HAS_TURN, next.turn, "the turn skips the caller that went on");
        assertFalse(turns.giveUp(next), "a caller given a turn keeps it");
        WorkerTurns.passHeld();
    }
}
