package dev.improv.dialogue.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads a JSON Lines file record by record; a malformed line is skipped and reported with its number. */
final class JsonLines {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** Calls {@code each} with every record; {@code skipped} hears "file:line: why" for each bad one. */
    static void read(Path file, Consumer<JsonNode> each, Consumer<String> skipped) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int n = 0;
            while (true) {
                try {
                    line = in.readLine();
                } catch (CharacterCodingException e) {
                    throw new IOException(file + ":" + (n + 1) + ": not UTF-8 text");
                }
                if (line == null) {
                    return;
                }
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    skipped.accept(file + ":" + n + ": not a JSON object");
                    continue;
                }
                try {
                    each.accept(node);
                } catch (RuntimeException e) {
                    skipped.accept(file + ":" + n + ": " + e.getMessage());
                }
            }
        }
    }

    /** "street_address" -> "street address". */
    static String words(String slot) {
        return slot.replace('_', ' ').replace('-', ' ').trim();
    }
}
