package dev.improv.level.sokoban;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxobanReaderTest {
    @Test
    void readerSplitsBoxobanFilesAndNamesBadLines() {
        String text = "; 0\n#####\n#@$.#\n#####\n\n; 1\n#####\n#.$@#\n#####\n";
        var read = BoxobanReader.parse(text, "f.txt");
        assertEquals(2, read.size());
        assertEquals("f.txt#1", read.get(1).source());
        assertEquals("#####\n#.$@#\n#####\n", read.get(1).puzzle().toText());
        assertEquals(read.stream().map(BoxobanReader.NamedPuzzle::puzzle).toList(),
                BoxobanReader.parse(BoxobanReader.format(List.of(read.get(0).puzzle(), read.get(1).puzzle())), "g")
                        .stream().map(BoxobanReader.NamedPuzzle::puzzle).toList());
        var e = assertThrows(IllegalArgumentException.class, () -> BoxobanReader.parse("; 0\n###\n#@x\n", "bad.txt"));
        assertTrue(e.getMessage().startsWith("bad.txt:3:3"), e.getMessage());
    }
}
