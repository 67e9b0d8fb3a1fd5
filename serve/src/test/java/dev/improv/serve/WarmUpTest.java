package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.serve.batch.SharedDecoderBatch;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node warms up on traffic of every kind before it listens, and its admission starts fresh. */
class WarmUpTest {

    @Test
    void aWarmedNodeHasSeenEveryKindOfAnswerAndItsAdmissionLearntNothingFromThem() throws Exception {
        DialogueFixture.use();
        // A budget shorter than a round: exactly one whole round, however fast the machine.
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(4, 4).withMaxBatch(4),
                SharedDecoderBatch::new, null, Duration.ofMillis(1))) {
            WarmUp.Report report = node.warmUp();
            assertEquals(1, report.rounds());
            Map<Integer, Integer> statuses = report.statuses();
            // The plan's bad requests (cut JSON, a wrong type, an unknown field), a GET on a POST endpoint, no such path.
            assertEquals(3, statuses.get(400), statuses.toString());
            assertEquals(1, statuses.get(405), statuses.toString());
            assertEquals(1, statuses.get(404), statuses.toString());
            // Dialogue from 1 to 4 clients twice each (20), 2 single requests and the round's 9 other good requests
            // (5 GETs, a level, music, chat and streamed chat) are answered; the burst's admitted requests may be too,
            // or may miss their 3 s deadline on a loaded machine (a CI run: 503 x8), so they are not counted on.
            assertTrue(statuses.get(200) >= 31, statuses.toString());
            assertTrue(statuses.getOrDefault(429, 0) > 0, "the bursts went past the limits: " + statuses);
            assertEquals(null, statuses.get(-1), "every request was answered: " + statuses);
            assertEquals(report.requests(), statuses.values().stream().mapToInt(Integer::intValue).sum());

            URI base = node.uri();
            JsonNode health = Http.json(Http.get(base, "health"));
            assertEquals(0, health.path("admitted").asInt());
            assertTrue(health.path("concurrency_limits").isObject() && health.path("concurrency_limits").isEmpty(),
                    "the node's limits have seen no request (a cold JIT's answers are not its unloaded latency): " + health);
            String metrics = Http.get(base, "metrics").body();
            assertTrue(!metrics.contains("endpoint=\"dialogue\""), "the node's request metrics start empty");
            assertTrue(metrics.contains("improv_batch_size_count"), "its batch metrics count the warm-up's steps");
            assertEquals(200, Http.post(base, "v1/dialogue", "{\"card\":{\"name\":\"Bram\",\"role\":\"smith\","
                    + "\"persona\":[\"I forge swords.\"]},\"say\":\"Hello!\",\"seed\":1}").statusCode());
        }
    }

    @Test
    void aNodeStartedWithoutAWarmUpSaysSo() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0))) {
            assertNull(node.warmUp());
        }
    }
}
