package dev.improv.level.sokoban;

import dev.improv.level.LevelFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads puzzles in Boxoban's file format: puzzles separated by lines {@code ; N}, or one puzzle a
 * file. A character that is not Sokoban's is an error naming the file, line and column.
 */
public final class BoxobanReader {
    private static final String CHARACTERS = "# @$.*+";

    /** A puzzle and where it came from ("file#N"). */
    public record NamedPuzzle(String source, Puzzle puzzle) { }

    private BoxobanReader() {
    }

    /** Every puzzle of a file, or of every .txt file under a folder (sorted by path). */
    public static List<NamedPuzzle> read(Path fileOrDir) throws IOException {
        if (Files.isDirectory(fileOrDir)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(fileOrDir)) {
                files = s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".txt")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(fileOrDir + ": no .txt puzzle files in this folder");
            }
            List<NamedPuzzle> out = new ArrayList<>();
            for (Path f : files) {
                out.addAll(read(f));
            }
            return out;
        }
        if (!Files.isRegularFile(fileOrDir)) {
            throw new IllegalArgumentException(fileOrDir + ": no such file or folder");
        }
        return parse(Files.readString(fileOrDir, StandardCharsets.UTF_8), fileOrDir.toString());
    }

    /** Every puzzle in a text; {@code source} names it in errors. */
    public static List<NamedPuzzle> parse(String text, String source) {
        List<NamedPuzzle> out = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        String name = null;
        int firstLine = 1;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(";")) {
                add(out, rows, name, source, firstLine);
                rows = new ArrayList<>();
                name = line.substring(1).trim();
                firstLine = i + 2;
                continue;
            }
            for (int c = 0; c < line.length(); c++) {
                if (CHARACTERS.indexOf(line.charAt(c)) < 0) {
                    throw new LevelFormatException(source, i + 1, c + 1,
                            "'" + line.charAt(c) + "' is not a Sokoban character (# @$.*+ or a '; N' separator line)");
                }
            }
            if (line.isBlank() && rows.isEmpty()) {
                firstLine = i + 2;
            } else {
                rows.add(line);
            }
        }
        add(out, rows, name, source, firstLine);
        if (out.isEmpty()) {
            throw new LevelFormatException(source, 0, 0, "no puzzles in this file");
        }
        return out;
    }

    private static void add(List<NamedPuzzle> out, List<String> rows, String name, String source, int firstLine) {
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        if (rows.isEmpty()) {
            return;
        }
        String id = name == null ? source + ":" + firstLine : source + "#" + name;
        out.add(new NamedPuzzle(id, Puzzle.of(rows)));
    }

    /** Puzzles in Boxoban's format, numbered from 0: what {@link #parse} reads back. */
    public static String format(List<Puzzle> puzzles) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < puzzles.size(); i++) {
            b.append("; ").append(i).append('\n').append(puzzles.get(i).toText()).append('\n');
        }
        return b.toString();
    }
}
