package dev.improv.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChoraleTokenizerTest {

    @Test
    void stepsBecomeFourTokensSopranoToBass() {
        int[][] steps = {{74, 70, 65, 58}, {75, 70, -1, 55}};
        int[] tokens = ChoraleTokenizer.encode(steps, 2);
        assertEquals(10, tokens.length);
        assertEquals(ChoraleTokenizer.BOS, tokens[0]);
        assertEquals(ChoraleTokenizer.token(76), tokens[1]);
        assertEquals(ChoraleTokenizer.REST, tokens[7]);
        assertEquals(ChoraleTokenizer.EOS, tokens[9]);
        assertTrue(ChoraleTokenizer.fits(steps, 2));
        assertFalse(ChoraleTokenizer.fits(steps, 30));
    }

    @Test
    void readsSplitsAndNamesBadEntries(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("jsb.json");
        Files.writeString(good, "{\"train\": [[[60, 55, 52, 48], [62, 55, 50, 47]]], \"valid\": [], \"test\": [[[60, -1, 52, 48]]]}");
        Map<String, List<int[][]>> splits = ChoraleTokenizer.readJsb(good);
        assertEquals(1, splits.get("train").size());
        assertArrayEquals(new int[] {62, 55, 50, 47}, splits.get("train").get(0)[1]);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"train\": [[[60, 55, 52]]], \"valid\": [], \"test\": []}");
        IOException e = assertThrows(IOException.class, () -> ChoraleTokenizer.readJsb(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("train[0] step 0"), e.getMessage());
    }
}
