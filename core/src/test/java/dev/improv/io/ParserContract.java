package dev.improv.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every parser promises for any input, checked by the fuzz tests: it returns a value, or it
 * throws one of its documented exceptions with a single-line message in words (naming the source
 * when the parser knows it) and none of a library's internals. Anything else is a finding.
 */
public final class ParserContract {

    private static final List<String> INTERNALS = List.of("com.fasterxml", "Source:", "Input length", "java.lang.",
            "Exception");

    private ParserContract() {
    }

    /** What a fuzz target does with one input. */
    @FunctionalInterface
    public interface Parse {
        void run() throws IOException;
    }

    /**
     * Runs {@code parse} on {@code input}; an IOException or IllegalArgumentException must be a
     * clean failure, anything else is a finding.
     */
    public static void expect(byte[] input, Parse parse) {
        try {
            parse.run();
        } catch (IOException e) {
            cleanFailure(e, null, input);
        } catch (IllegalArgumentException e) {
            cleanFailure(e, null, input);
        }
    }

    /** A folder for targets whose parser reads only from a path; removed when the JVM exits. */
    public static Path scratchFolder() {
        try {
            Path dir = Files.createTempDirectory("improv-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a documented failure; {@code source} (may be null) must open the message. Words the
     * input itself holds may be quoted back (a field named "com.fasterxml" is the user's).
     */
    public static void cleanFailure(Exception e, String source, byte[] input) {
        String given = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("a failure without a message", e);
        }
        if (m.contains("\n")) {
            throw new AssertionError("a failure message over more than one line: " + m, e);
        }
        if (source != null && !m.startsWith(source)) {
            throw new AssertionError("a failure message that does not name " + source + ": " + m, e);
        }
        for (String internal : INTERNALS) {
            if (m.contains(internal) && !given.contains(internal)) {
                throw new AssertionError("a failure message that shows '" + internal + "': " + m, e);
            }
        }
    }
}
