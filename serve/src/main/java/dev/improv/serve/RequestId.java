package dev.improv.serve;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A request's id, answered as {@code X-Request-Id}, in its error body and its access log line: the client's own
 * {@code X-Request-Id} when it is a plain token (so that a request is traced by the id its caller already logs),
 * else one made here. Anything else a client sends there (spaces, quotes, control characters, 129 characters or
 * more) is replaced, so it can neither forge a log line nor fill one.
 */
final class RequestId {
    static final String HEADER = "X-Request-Id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    /** The id of a request that sent {@code header} (null: none). */
    static String of(String header) {
        if (header != null && VALID.matcher(header).matches()) {
            return header;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
