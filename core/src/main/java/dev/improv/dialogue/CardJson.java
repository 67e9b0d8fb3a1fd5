package dev.improv.dialogue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON of card and world files under limits (size, entry count, line length) and checks
 * each field, so that every mistake fails with a {@link CardException} naming the file and field.
 */
final class CardJson {
    /** Largest card or world file: far above any hand-written card, small enough to hold in memory. */
    static final long MAX_BYTES = 1 << 20;
    /** Most entries of one list (facts, persona, banned words, slots). */
    static final int MAX_ENTRIES = 2_000;
    /** Longest single line: a fact is a sentence or two, and the whole prompt must fit the model. */
    static final int MAX_LINE = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String source;
    private final JsonNode root;

    private CardJson(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    /** Reads and parses {@code file}: at most {@link #MAX_BYTES}, strict UTF-8, a JSON object with only {@code fields}. */
    static CardJson read(Path file, Set<String> fields) throws IOException {
        String source = file.toString();
        String text = decode(source, readBounded(file));
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // Found by fuzzing: Jackson's message carried "[Source: REDACTED ...]" for an unclosed object.
            var at = e.getLocation();
            throw new CardException(source + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + dev.improv.io.BoundedFiles.message(e));
        }
        return of(source, root, fields);
    }

    /** Checks an already parsed tree; {@code source} names it in messages. */
    static CardJson of(String source, JsonNode root, Set<String> fields) {
        if (root == null || !root.isObject()) {
            throw new CardException(source + ": must be a JSON object, got " + kind(root));
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new CardException(source + ": unknown field '" + dev.improv.io.BoundedFiles.printable(name) + "' (known: " + String.join(", ", fields) + ")");
            }
        }
        return new CardJson(source, root);
    }

    String source() {
        return source;
    }

    boolean has(String field) {
        return root.has(field) && !root.get(field).isNull();
    }

    /** A required non-blank string field. */
    String text(String field) {
        if (!has(field)) {
            throw new CardException(source + ": " + field + ": missing");
        }
        String value = optText(field);
        if (value.isBlank()) {
            throw new CardException(source + ": " + field + ": must not be empty");
        }
        return value;
    }

    /** An optional string field, or null. */
    String optText(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode node = root.get(field);
        if (!node.isTextual()) {
            throw new CardException(source + ": " + field + ": must be a string, got " + kind(node));
        }
        return checkLine(field, node.asText());
    }

    /** An optional list of non-blank strings; empty if absent. */
    List<String> lines(String field) {
        return has(field) ? lines(field, root.get(field)) : List.of();
    }

    /**
     * An optional object of lists of non-blank strings, keyed by names such as {@code hello}; empty if absent.
     * A mistake names the entry: {@code lines.hello[2]: must be a string, got a number}.
     */
    Map<String, List<String>> lineLists(String field) {
        if (!has(field)) {
            return Map.of();
        }
        JsonNode node = root.get(field);
        if (!node.isObject()) {
            throw new CardException(source + ": " + field + ": must be an object of lists of strings, got " + kind(node));
        }
        if (node.size() > MAX_ENTRIES) {
            throw new CardException(source + ": " + field + ": " + node.size() + " entries; at most " + MAX_ENTRIES);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        var entries = node.fields();
        while (entries.hasNext()) {
            var e = entries.next();
            out.put(e.getKey(), lines(field + "." + e.getKey(), e.getValue()));
        }
        return out;
    }

    private List<String> lines(String field, JsonNode node) {
        if (!node.isArray()) {
            throw new CardException(source + ": " + field + ": must be a list of strings, got " + kind(node));
        }
        if (node.size() > MAX_ENTRIES) {
            throw new CardException(source + ": " + field + ": " + node.size() + " entries; at most " + MAX_ENTRIES);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String where = field + "[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new CardException(source + ": " + where + ": must be a string, got " + kind(item));
            }
            if (item.asText().isBlank()) {
                throw new CardException(source + ": " + where + ": must not be empty");
            }
            out.add(checkLine(where, item.asText()).strip());
        }
        return out;
    }

    /** An optional object of string values; empty if absent. */
    Map<String, String> strings(String field) {
        if (!has(field)) {
            return Map.of();
        }
        JsonNode node = root.get(field);
        if (!node.isObject()) {
            throw new CardException(source + ": " + field + ": must be an object of strings, got " + kind(node));
        }
        if (node.size() > MAX_ENTRIES) {
            throw new CardException(source + ": " + field + ": " + node.size() + " entries; at most " + MAX_ENTRIES);
        }
        Map<String, String> out = new LinkedHashMap<>();
        var entries = node.fields();
        while (entries.hasNext()) {
            var e = entries.next();
            String where = field + "." + e.getKey();
            if (!e.getValue().isTextual()) {
                throw new CardException(source + ": " + where + ": must be a string, got " + kind(e.getValue()));
            }
            out.put(e.getKey(), checkLine(where, e.getValue().asText()));
        }
        return out;
    }

    private String checkLine(String where, String value) {
        if (value.length() > MAX_LINE) {
            throw new CardException(source + ": " + where + ": " + value.length() + " characters; at most " + MAX_LINE);
        }
        return value;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The file's bytes, refusing more than {@link #MAX_BYTES} without reading them (pipes and devices included). */
    private static byte[] readBounded(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new CardException(file + ": is a directory, not a JSON file");
        }
        if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
            throw new CardException(file + ": " + Files.size(file) + " bytes; a card or world file may have at most "
                    + MAX_BYTES);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CardException(file + ": more than " + MAX_BYTES + " bytes; a card or world file may have at most "
                        + MAX_BYTES);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
    }

    /** Strict UTF-8: a malformed byte fails with its offset instead of becoming U+FFFD. */
    static String decode(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new CardException(source + ": not UTF-8: invalid byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + " at byte offset " + in.position());
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is valid UTF-8, not JSON
    }

    private static String kind(JsonNode node) {
        if (node == null || node.getNodeType() == JsonNodeType.MISSING) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case ARRAY: return "a list";
            case OBJECT: return "an object";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            case STRING: return "a string";
            default: return node.getNodeType().name().toLowerCase();
        }
    }
}
