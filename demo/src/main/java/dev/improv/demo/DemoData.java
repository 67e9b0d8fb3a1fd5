package dev.improv.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the demo's presets (assets/demo/*.json): each bad value is named by file and field. */
final class DemoData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses one preset file's stream. */
    interface PresetReader<T> {
        T read(InputStream in, String source) throws IOException;
    }

    private DemoData() {
    }

    /** Reads {@code file} from the game's assets on the classpath; a missing or bad file fails naming it. */
    static <T> T load(String file, PresetReader<T> reader) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException(file + " is not on the classpath (the demo packs assets/" + file + ")");
            }
            return reader.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    static JsonNode root(InputStream in, String source) throws IOException {
        try {
            JsonNode root = JSON.readTree(in);
            if (root == null || !root.isObject()) {
                throw new IOException(source + ": must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // In the demo's own words: Jackson's message may quote its source location and class names.
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": ";
            String what = e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                    ? "the file ends before every bracket and brace is closed" : words(e.getOriginalMessage());
            throw new IOException(source + ": " + where + what, e);
        }
    }

    /** Jackson's first line up to where it quotes its source, or plain words if anything of its internals is left. */
    private static String words(String jackson) {
        String line = jackson == null ? "" : jackson.lines().findFirst().orElse("");
        for (String quote : new String[] {" (start marker", " (for "}) { // where Jackson quotes its source location
            int cut = line.indexOf(quote);
            line = cut < 0 ? line : line.substring(0, cut);
        }
        boolean clean = !line.isBlank() && !line.contains("Source") && !line.contains("com.fasterxml")
                && line.chars().noneMatch(c -> c < 0x20);
        return clean ? line : "not valid JSON";
    }

    /** The non-blank text field {@code name} of {@code node}; {@code at} names the node in errors. */
    static String text(JsonNode node, String name, String at) throws IOException {
        JsonNode v = node.path(name);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IOException(at + name + " must be a non-blank string" + (v.isMissingNode() ? " (missing)" : ", found " + v));
        }
        return v.asText();
    }

    /** The array of non-blank strings {@code name} of {@code node}. */
    static List<String> texts(JsonNode node, String name, String at) throws IOException {
        JsonNode v = node.path(name);
        if (!v.isArray()) {
            throw new IOException(at + name + " must be an array of strings" + (v.isMissingNode() ? " (missing)" : ", found " + v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                throw new IOException(at + name + "[" + i + "] must be a non-blank string, found " + v.get(i));
            }
            out.add(v.get(i).asText());
        }
        return List.copyOf(out);
    }
}
