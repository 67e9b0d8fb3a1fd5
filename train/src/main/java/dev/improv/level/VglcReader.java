package dev.improv.level;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads VGLC text levels: one line per row, one character per tile, every character in the legend. */
public final class VglcReader {
    private final Legend legend;

    public VglcReader(Legend legend) {
        this.legend = legend;
    }

    /** Reads one level file; ragged rows or unknown tiles raise {@link LevelFormatException}. */
    public TileGrid read(Path file) throws IOException {
        return parse(BoundedFiles.readText(file, Limits.MAX_CORPUS_FILE_BYTES, "level files"), file.toString());
    }

    /** Parses level text; {@code source} names it in error messages. Trailing blank lines are ignored. */
    public TileGrid parse(String text, String source) {
        String[] lines = text.split("\r?\n", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        if (count == 0) {
            throw new LevelFormatException(source, 0, 0, "the level is empty");
        }
        List<String> rows = new ArrayList<>(count);
        int width = lines[0].length();
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            if (line.length() != width) {
                throw new LevelFormatException(source, i + 1, Math.min(line.length(), width) + 1,
                        "ragged row: " + line.length() + " tiles, but line 1 has " + width);
            }
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (!legend.contains(ch)) {
                    throw new LevelFormatException(source, i + 1, c + 1,
                            "tile '" + printable(ch) + "' is not in the legend (known: " + legend.tiles() + ")");
                }
            }
            rows.add(line);
        }
        if (width == 0) {
            throw new LevelFormatException(source, 1, 1, "the level has no columns");
        }
        return TileGrid.ofRows(rows);
    }

    /** Reads every *.txt level in a folder (sorted by name, so runs are reproducible), or one level file. */
    public List<NamedLevel> readAll(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            return List.of(new NamedLevel(dir.toString(), read(dir)));
        }
        if (!Files.isDirectory(dir)) {
            throw new LevelFormatException(dir.toString(), 0, 0, "not a folder of VGLC .txt levels");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new LevelFormatException(dir.toString(), 0, 0, "no .txt levels in this folder");
        }
        List<NamedLevel> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new NamedLevel(f.toString(), read(f)));
        }
        return out;
    }

    private static String printable(char c) {
        return c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** A level with the file it came from. */
    public record NamedLevel(String source, TileGrid grid) { }
}
