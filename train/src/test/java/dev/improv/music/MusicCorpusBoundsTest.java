package dev.improv.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One hostile file in a training folder is skipped and named; it no longer stalls or aborts the run. */
class MusicCorpusBoundsTest {

    @Test
    void aCorpusWithAHugeDeltaFileSkipsItAndSaysWhich(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("good.mid"), MidiFilesTest.typeZero());
        Files.write(dir.resolve("long.mid"), MidiBoundsTest.hugeDeltas());
        MusicCorpus.Loaded loaded = MusicCorpus.load(dir, s -> { });
        assertEquals(1, loaded.pieces().size());
        assertEquals(1, loaded.skipped().size());
        assertTrue(loaded.skipped().get(0).contains("long.mid"), loaded.skipped().get(0));
    }
}
