package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What /metrics shows before anything has happened. */
class ServiceMetricsTest {

    @Test
    void everyRefusalReasonHasItsSeriesFromTheStart() throws IOException {
        // Until session 22 a reason's series appeared at its first refusal, which increase() and rate() cannot see.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ServiceMetrics(() -> 0, () -> 0).write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        for (String reason : ServiceMetrics.REFUSAL_REASONS) {
            assertTrue(text.contains("improv_refusals_total{reason=\"" + reason + "\"} 0"), reason + " in\n" + text);
        }
    }
}
