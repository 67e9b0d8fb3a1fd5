package dev.improv.serve;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * How a node's process answers its operator's signals: SIGTERM (and Ctrl-C) drain it and stop it ({@link
 * ServiceNode#close(Duration)}), SIGHUP reopens its access log, as logrotate's {@code postrotate} expects. The JVM has
 * no public API for a signal but through its shutdown hooks, which run on SIGHUP too: without a handler of its own a
 * node stopped when logrotate asked it to reopen its log. {@code sun.misc.Signal} (module {@code jdk.unsupported},
 * kept accessible for exactly this by JEP 260) is the one way to handle it; SIGTERM stays with the shutdown hook.
 */
public final class NodeSignals {
    private NodeSignals() {
    }

    /**
     * Installs the handlers for {@code node}, whose stop drains for at most {@code drain}; the latch opens once it has
     * stopped. A JVM run with {@code -Xrs} cannot take SIGHUP: that is said on standard error, and the rest works.
     */
    public static CountDownLatch install(ServiceNode node, Duration drain) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close(drain); // answers what it admitted, refusing the rest with 503
            stopped.countDown();
        }, "improv-stop"));
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> node.reopenLogs());
        } catch (IllegalArgumentException e) {
            System.err.println("improv serve: SIGHUP cannot be handled here (" + e.getMessage()
                    + "); rotate the access log with copytruncate");
        }
        return stopped;
    }
}
