package dev.improv.dialogue.corpus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.io.BoundedFiles;
import dev.improv.io.ParserContract;
import dev.improv.level.Legend;
import dev.improv.level.TileGrid;
import dev.improv.level.VglcReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the training corpora's readers: VGLC level text, Persona-Chat CSV and JSON Lines (SGD,
 * Taskmaster, CaSiNo). The first byte picks the format, the rest is the file.
 */
public class CorpusFilesFuzzTest {

    private static final Legend LEGEND = new Legend(Map.of('X', List.of("solid", "ground"), '-', List.of("passable", "empty"),
            '?', List.of("solid", "question block"), 'E', List.of("enemy"), '<', List.of("solid", "pipe"),
            '>', List.of("solid", "pipe"), '[', List.of("solid", "pipe"), ']', List.of("solid", "pipe")));
    private static final Path TMP = ParserContract.scratchFolder();

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        ParserContract.expect(file, () -> {
            switch (Math.floorMod(data[0], 3)) {
                case 0 -> {
                    TileGrid grid = new VglcReader(LEGEND).parse(BoundedFiles.decode(file, "level.txt"), "level.txt");
                    if (!new VglcReader(LEGEND).parse(grid.toText(), "again.txt").toText().equals(grid.toText())) {
                        throw new AssertionError("a level read and written back changed");
                    }
                }
                case 1 -> PersonaChatCsv.parse(new StringReader(BoundedFiles.decode(file, "chat.csv")), "chat.csv", skipped -> { });
                default -> JsonLines.read(Files.write(TMP.resolve("corpus.jsonl"), file), record -> { },
                        skipped -> ParserContract.cleanFailure(new IllegalArgumentException(skipped), null, file));
            }
        });
    }

    @FuzzTest(maxDuration = "4s")
    void corpusFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
