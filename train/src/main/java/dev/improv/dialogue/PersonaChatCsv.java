package dev.improv.dialogue;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Synthetic-Persona-Chat CSV: a header, then records of three fields (user 1 persona,
 * user 2 persona, conversation), each field possibly quoted and spread over several lines. Persona
 * fields hold one fact per line; the conversation holds lines "User 1: ..." / "User 2: ...", and a
 * line without a label continues the previous one (lists, recipes). Labels in Markdown emphasis
 * ("*User 1:*") or after a list bullet ("* User 1:") are read as labels; lines without letters or
 * digits (separators such as "* * *") are skipped.
 *
 * <p>Malformed input fails with an {@link IllegalArgumentException} naming file, line and field.
 */
public final class PersonaChatCsv {
    private static final Pattern LABEL = Pattern.compile("^\\s*(?:[*_]+\\s*)?User\\s*([12])\\s*:\\s*(?:[*_]+\\s*)?(.*)$");
    private static final String[] FIELDS = {"user 1 personas", "user 2 personas", "conversation"};

    private PersonaChatCsv() {
    }

    /** Reads every conversation in {@code file}; any malformed record is an error. */
    public static List<Conversation> read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads {@code file}, passing each malformed record's message to {@code skipped} and leaving it
     * out (a null {@code skipped} makes it an error). A file that is not CSV (unclosed quote, wrong
     * number of fields) is always an error, as is one with more than a tenth of its records malformed.
     */
    public static List<Conversation> read(Path file, Consumer<String> skipped) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        String text = BoundedFiles.readText(file, Limits.MAX_CORPUS_FILE_BYTES, "CSV corpora");
        return parse(new java.io.StringReader(text), file.toString(), skipped);
    }

    /** Parses CSV text strictly; {@code source} names it in error messages. */
    public static List<Conversation> parse(Reader reader, String source) throws IOException {
        return parse(reader, source, null);
    }

    /** Parses CSV text; malformed records go to {@code skipped} as in {@link #read(Path, Consumer)}. */
    public static List<Conversation> parse(Reader reader, String source, Consumer<String> skipped) throws IOException {
        List<Conversation> out = new ArrayList<>();
        CsvRecords records = new CsvRecords(reader, source);
        CsvRecords.Record header = records.next();
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file (expected a header and conversations)");
        }
        if (header.fields().size() != 3) {
            throw new IllegalArgumentException(source + " line " + header.line() + ": header has "
                    + header.fields().size() + " fields; expected 3 (user 1 personas, user 2 personas, conversation)");
        }
        CsvRecords.Record rec;
        int bad = 0;
        while ((rec = records.next()) != null) {
            if (rec.fields().size() == 1 && rec.fields().get(0).isBlank()) {
                continue; // blank line
            }
            if (rec.fields().size() != 3) {
                throw new IllegalArgumentException(source + " line " + rec.line() + ": record has "
                        + rec.fields().size() + " fields; expected 3");
            }
            try {
                List<List<String>> users = List.of(facts(rec, 0, source), facts(rec, 1, source));
                out.add(new Conversation(rec.line(), users, lines(rec, source)));
            } catch (IllegalArgumentException malformed) {
                if (skipped == null) {
                    throw malformed;
                }
                skipped.accept(malformed.getMessage());
                bad++;
            }
        }
        if (bad * 10 > out.size() + bad) {
            throw new IllegalArgumentException(source + ": " + bad + " of " + (out.size() + bad)
                    + " records are malformed; is this a Persona-Chat CSV?");
        }
        return out;
    }

    private static List<String> facts(CsvRecords.Record rec, int field, String source) {
        List<String> facts = new ArrayList<>();
        for (String f : rec.fields().get(field).split("\n")) {
            if (!f.isBlank()) {
                facts.add(f.strip());
            }
        }
        if (facts.isEmpty()) {
            throw new IllegalArgumentException(where(source, rec, field) + ": no persona facts");
        }
        return facts;
    }

    private static List<Conversation.Line> lines(CsvRecords.Record rec, String source) {
        List<Conversation.Line> lines = new ArrayList<>();
        String[] raw = rec.fields().get(2).split("\n");
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i];
            if (!text.codePoints().anyMatch(Character::isLetterOrDigit)) {
                continue; // blank or a separator such as "* * *"
            }
            Matcher m = LABEL.matcher(text);
            if (m.matches()) {
                lines.add(new Conversation.Line(Integer.parseInt(m.group(1)), m.group(2).strip()));
            } else if (lines.isEmpty()) {
                throw new IllegalArgumentException(where(source, rec, 2) + ": line " + (rec.fieldLine(2) + i)
                        + " does not start with 'User 1:' or 'User 2:': " + abbreviate(text));
            } else {
                Conversation.Line last = lines.remove(lines.size() - 1);
                lines.add(new Conversation.Line(last.user(), last.text() + " " + text.strip()));
            }
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException(where(source, rec, 2) + ": a conversation needs at least two lines");
        }
        return lines;
    }

    private static String where(String source, CsvRecords.Record rec, int field) {
        return source + " line " + rec.fieldLine(field) + ", field '" + FIELDS[field] + "'";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
