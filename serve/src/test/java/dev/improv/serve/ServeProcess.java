package dev.improv.serve;

import java.time.Duration;

/**
 * A node in its own process, stopped and signalled as {@code improv serve} is (through {@link NodeSignals}): prints its
 * address, then serves until SIGTERM. Arguments: the access log's file, the drain in seconds.
 */
public final class ServeProcess {
    private ServeProcess() {
    }

    public static void main(String[] args) throws Exception {
        ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(4, 64).withAccessLog(args[0]));
        java.util.concurrent.CountDownLatch stopped = NodeSignals.install(node, Duration.ofSeconds(Long.parseLong(args[1])));
        System.out.println("listening " + node.uri());
        System.out.flush();
        stopped.await();
    }
}
