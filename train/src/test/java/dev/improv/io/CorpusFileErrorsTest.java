package dev.improv.io;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.level.Legend;
import dev.improv.level.VglcReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus file that is not UTF-8 names its line and byte, not the decoder's "Input length = 1". */
class CorpusFileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void nonUtf8LevelAndCsvFilesNameTheLine() throws Exception {
        Path level = dir.resolve("level.txt");
        Files.write(level, new byte[] {'-', '-', '\n', 'X', (byte) 0xE9, '\n'});
        Exception e = assertThrows(Exception.class, () -> new VglcReader(new Legend(java.util.Map.of('X', List.of("solid"), '-', List.of("empty")))).read(level));
        UserFileErrorsTest.assertOneCleanLine(e.getMessage(), level, "line 2", "0xe9", "UTF-8");
        Path csv = dir.resolve("chat.csv");
        Files.write(csv, new byte[] {'a', ',', 'b', ',', 'c', '\n', (byte) 0xFF, ',', 'x', ',', 'y', '\n'});
        e = assertThrows(Exception.class, () -> PersonaChatCsv.read(csv));
        UserFileErrorsTest.assertOneCleanLine(e.getMessage(), csv, "line 2", "0xff");
    }

}
