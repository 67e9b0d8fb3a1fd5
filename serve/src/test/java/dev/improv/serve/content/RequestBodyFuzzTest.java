package dev.improv.serve.content;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.serve.JobRunner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Fuzzes the service's request bodies as {@code improv serve} receives them (bytes decoded by
 * {@link RequestBody#text}, then parsed and checked per job kind; the first byte picks the kind). Any body must be
 * accepted, or refused with a {@link BadRequest} whose message names the field first and says in
 * one line of words what was expected: never a library's text, never another exception.
 */
public class RequestBodyFuzzTest {
    private static final JobRunner RUNNER = new JobRunner(new Workshop(1));
    private static final String[] KINDS = {JobRunner.LEVELS, JobRunner.DIALOGUE, JobRunner.MUSIC, JobRunner.CHAT};
    /** The library's words, as RequestErrorsTest has them, less "token" (a body may say it). */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|com\\.fasterxml|`|Cannot (deserialize|construct)|ArrayList|LinkedHashMap|\\[Source|START_|VALUE_|Exception");

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String kind = KINDS[Math.floorMod(data[0], KINDS.length)];
        byte[] bytes = Arrays.copyOfRange(data, 1, data.length);
        String body = new String(bytes, StandardCharsets.UTF_8); // what a refusal may quote back
        try {
            RUNNER.check(kind, RequestBody.text(bytes));
        } catch (BadRequest e) {
            String m = e.getMessage();
            if (e.field() == null || e.field().isEmpty() || m == null || !m.startsWith(e.field() + ": ")) {
                throw new AssertionError("a refusal must name its field first: field " + e.field() + ", message " + m, e);
            }
            if (m.contains("\n") || m.contains("\r")) {
                throw new AssertionError("a refusal must be one line: " + m, e);
            }
            // Words the body itself holds may be quoted back (an unknown field named "java.lang").
            java.util.regex.Matcher internal = INTERNALS.matcher(m);
            while (internal.find()) {
                if (!body.contains(internal.group())) {
                    throw new AssertionError("library internals ('" + internal.group() + "') in: " + m, e);
                }
            }
        }
    }

    @FuzzTest(maxDuration = "4s")
    void requestBodies(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
