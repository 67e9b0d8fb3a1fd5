package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void writtenFilesGetTheModeTheUmaskGivesAnyNewFile(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path atomic = dir.resolve("out.mid");
        AtomicFiles.writeString(atomic, "x");
        // Before, a .mid, .wav or checkpoint came out 600 (createTempFile's mode), unreadable to the group.
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
        assertEquals("x", Files.readString(atomic));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file left behind");
        }
    }
}
