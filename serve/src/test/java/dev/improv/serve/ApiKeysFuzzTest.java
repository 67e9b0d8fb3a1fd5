package dev.improv.serve;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.ParserContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the key file of {@code improv serve --api-key-file} (an operator's text file): any bytes
 * give a set of keys, or one clean line naming the file and line.
 */
public class ApiKeysFuzzTest {
    private static final Path FILE = ParserContract.scratchFolder().resolve("keys.txt");

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Files.write(FILE, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParserContract.expect(data, () -> ApiKeys.load(FILE));
    }

    @FuzzTest(maxDuration = "4s")
    void apiKeyFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
