package dev.improv.level;

/** A level or legend file that cannot be read; the message names the file, line and column. */
public final class LevelFormatException extends IllegalArgumentException {
    private final String file;
    private final int line;
    private final int column;

    /** Line and column are 1-based; 0 means "not applicable". */
    public LevelFormatException(String file, int line, int column, String problem) {
        super(location(file, line, column) + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String location(String file, int line, int column) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
