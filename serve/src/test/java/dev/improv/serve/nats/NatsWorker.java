package dev.improv.serve.nats;

import dev.improv.serve.ServeSettings;
import dev.improv.serve.ServiceNode;
import dev.improv.serve.batch.SharedDecoderBatch;

/** A service node in its own process, for the test that kills one: prints its address, then serves until killed. */
public final class NatsWorker {
    private NatsWorker() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        ServiceNode node;
        try {
            node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 64), SharedDecoderBatch::new,
                    (local, runner) -> NatsQueue.connect(url, local, runner, 64));
        } catch (Exception e) {
            System.out.println("failed " + e);
            System.exit(1);
            return;
        }
        System.out.println("listening " + node.uri());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
