package dev.improv.dialogue;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records with the line where each field starts; quoted fields may span lines. */
final class CsvRecords {

    /** One record: its fields and the 1-based line where each starts. */
    record Record(int line, List<String> fields, List<Integer> fieldLines) {
        int fieldLine(int i) {
            return fieldLines.get(i);
        }
    }

    private final PushbackReader in;
    private final String source;
    private int line = 1;

    CsvRecords(Reader reader, String source) {
        this.in = new PushbackReader(reader, 2);
        this.source = source;
    }

    /** The next record, or null at end of input. */
    Record next() throws IOException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        in.unread(c);
        int start = line;
        List<String> fields = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        while (true) {
            lines.add(line);
            StringBuilder field = new StringBuilder();
            c = in.read();
            if (c == '"') {
                int quoteLine = line;
                while (true) {
                    c = in.read();
                    if (c == -1) {
                        throw new IllegalArgumentException(source + " line " + quoteLine + ", field " + (fields.size() + 1)
                                + ": quoted field is never closed");
                    }
                    if (c == '"') {
                        int d = in.read();
                        if (d == '"') {
                            field.append('"');
                            continue;
                        }
                        if (d != -1) {
                            in.unread(d);
                        }
                        break;
                    }
                    if (c == '\r') {
                        continue;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = in.read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new IllegalArgumentException(source + " line " + line + ", field " + (fields.size() + 1)
                            + ": unexpected character '" + (char) c + "' after a closing quote");
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    field.append((char) c);
                    c = in.read();
                }
            }
            fields.add(field.toString());
            if (c == '\r') {
                int d = in.read();
                if (d != '\n' && d != -1) {
                    in.unread(d);
                }
                c = '\n';
            }
            if (c == '\n') {
                line++;
                return new Record(start, fields, lines);
            }
            if (c == -1) {
                return new Record(start, fields, lines);
            }
        }
    }
}
