package dev.improv.gdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.badlogic.gdx.ApplicationAdapter;
import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import dev.improv.api.Improv;
import dev.improv.api.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderThreadDeliveryTest {

    /** Answers in 20 ms in a cheerful mood and after 3 s otherwise, checking for cancellation. */
    private static final DialogueEngine ENGINE = (request, cancellation) -> {
        long end = System.nanoTime() + (request.mood().equals("cheerful") ? 20 : 3000) * 1_000_000L;
        while (System.nanoTime() < end) {
            cancellation.throwIfCancelled();
            Thread.onSpinWait();
        }
        return new DialogueLine("Nice weather for a " + request.mood() + " day.", DialogueLine.MODEL);
    };

    @Test
    void resultsAndMissedDeadlinesArriveOnTheRenderThread() throws Exception {
        Headless headless = new Headless();
        List<Thread> callbackThreads = new ArrayList<>();
        List<DialogueLine> shown = new ArrayList<>();
        List<Outcome.Status> statuses = new ArrayList<>();
        Thread[] renderThread = new Thread[1];
        headless.run(new ApplicationAdapter() {
            ImprovGdx improv;

            @Override
            public void create() {
                renderThread[0] = Thread.currentThread();
                improv = new ImprovGdx(Improv.builder().optDialogueEngine(() -> ENGINE).build());
                DialogueLine authored = DialogueLine.authored("Halt.");
                for (String mood : new String[] {"cheerful", "grumpy"}) {
                    DialogueRequest request = DialogueRequest.builder().addPersona("I guard the gate.").optMood(mood).build();
                    improv.line(request, Duration.ofMillis(200), o -> {
                        callbackThreads.add(Thread.currentThread());
                        statuses.add(o.status());
                        shown.add(o.orElse(authored));
                        if (shown.size() == 2) {
                            headless.done.countDown();
                        }
                    });
                }
            }

            @Override
            public void dispose() {
                improv.close();
            }
        }, 10);
        assertEquals(List.of(Outcome.Status.COMPLETED, Outcome.Status.DEADLINE_MISSED), statuses);
        assertEquals("Nice weather for a cheerful day.", shown.get(0).text());
        assertEquals(DialogueLine.authored("Halt."), shown.get(1));
        assertSame(renderThread[0], callbackThreads.get(0));
        assertSame(renderThread[0], callbackThreads.get(1));
    }
}
