package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train music --data-weight / --keep-best}: wrong values are refused, with the option named, before any work. */
class TrainMusicMixOptionsTest {

    private static String run(Path dir, String... extra) {
        String[] base = {"train", "music", "--data", dir.resolve("a").toString(), "--data", dir.resolve("b").toString(),
            "--out", dir.resolve("run").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int rc;
        try {
            System.setErr(new PrintStream(err, true));
            rc = ImprovCommand.run(args);
        } finally {
            System.setErr(old);
        }
        assertEquals(2, rc, err.toString());
        assertTrue(!Files.exists(dir.resolve("run")), "nothing was trained");
        return err.toString();
    }

    @Test
    void oneWeightAFolderAndPositive(@TempDir Path dir) {
        assertTrue(run(dir, "--data-weight", "3").contains("--data-weight gives 1 weights for 2 --data folders"));
        assertTrue(run(dir, "--data-weight", "3,0").contains("--data-weight must be in (0, 1000], got 0.0"));
    }

    @Test
    void keepBestIsNllOrInKey(@TempDir Path dir) {
        assertTrue(run(dir, "--keep-best", "key").contains("--keep-best must be nll or in-key, got 'key'"));
    }
}
