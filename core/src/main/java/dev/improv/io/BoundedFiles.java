package dev.improv.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads whole files that a user hands in, never more than a stated number of bytes: the cap holds
 * for {@code /dev/zero}, pipes and devices, whose size the file system does not know.
 */
public final class BoundedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file over its cap; the message names it and the cap. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private BoundedFiles() {
    }

    /** The file's bytes; a file (or stream) longer than {@code maxBytes} throws naming it and {@code what}. */
    public static byte[] readBytes(Path file, long maxBytes, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder, expected a file");
        }
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        requireSize(file, cap, what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(cap);
            if (in.read() >= 0) {
                throw new TooLargeException(file + ": longer than " + cap + " bytes; " + what + " over " + cap
                        + " bytes are refused");
            }
            return bytes;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(file + ": permission denied");
        }
    }

    /**
     * Refuses a regular file over {@code maxBytes} by its size, before a byte is read: reading up to
     * the cap first cost a 1.5 GB weights file 20 s and 1.3 GB of memory only to be refused. Devices
     * and pipes have no size to check; {@link #readBytes} cuts them at the cap.
     */
    public static void requireSize(Path file, long maxBytes, String what) throws IOException {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            size = Files.size(file);
        } catch (IOException e) {
            return; // the read that follows says what is wrong with the file
        }
        if (size > maxBytes) {
            throw new TooLargeException(file + ": " + size + " bytes; " + what + " over " + maxBytes
                    + " bytes are refused");
        }
    }

    /** The file as strict UTF-8 text (capped like {@link #readBytes}); a byte that is not UTF-8 throws naming the line. */
    public static String readText(Path file, long maxBytes, String what) throws IOException {
        return decode(readBytes(file, maxBytes, what), file.toString());
    }

    /**
     * Decodes strict UTF-8; on a bad byte the message names {@code name}, the line and the byte offset.
     * A leading byte-order mark (Windows editors write one) is dropped: it is no tile, JSON or text, and
     * kept it made the first row of a level one tile wider than the rest and JSON invalid at line 1.
     */
    public static String decode(byte[] bytes, String name) throws IOException {
        return decode(bytes, name, "save the file as UTF-8 text");
    }

    /** As {@link #decode(byte[], String)}, with {@code remedy} saying what to do about a bad byte. */
    public static String decode(byte[] bytes, String name, String remedy) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at && i < bytes.length; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            String found = at < bytes.length ? String.format("byte 0x%02x", bytes[at] & 0xFF) : "a cut-off character";
            throw new IOException(name + ": line " + line + ": " + found + " at byte " + at
                    + " is not UTF-8; " + remedy);
        }
    }

    /** Parses a JSON file (capped like {@link #readBytes}) into a tree, with errors from {@link #describe}. */
    public static JsonNode readJson(Path file, long maxBytes, String what) throws IOException {
        return parseJson(readBytes(file, maxBytes, what), file.toString());
    }

    /** Parses JSON bytes into a tree; {@code name} heads the error message. */
    public static JsonNode parseJson(byte[] bytes, String name) throws IOException {
        try {
            JsonNode root = JSON.readTree(decode(bytes, name));
            if (root == null || root.isMissingNode()) {
                throw new IOException(name + ": empty, expected JSON");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IOException(describe(name, e));
        }
    }

    /**
     * One line for a Jackson error: the file, the line and column or the field path, and what was
     * wrong, without Jackson's source excerpts or class names.
     */
    public static String describe(String name, JsonProcessingException e) {
        StringBuilder b = new StringBuilder(name).append(": ");
        JsonLocation at = e.getLocation();
        boolean field = e instanceof JsonMappingException m && !m.getPath().isEmpty();
        if (at != null && at.getLineNr() > 0) {
            b.append("line ").append(at.getLineNr());
            b.append(field ? ", " : ", column " + at.getColumnNr() + ": ");
        }
        if (field) {
            b.append("field '").append(path((JsonMappingException) e)).append("': ");
        }
        return b.append(message(e)).toString();
    }

    /** Jackson's own words for what went wrong, without its source excerpt, class names or location. */
    public static String message(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null
                && !(e instanceof com.fasterxml.jackson.databind.exc.PropertyBindingException)
                && !(e.getCause() instanceof IllegalArgumentException)) {
            return JsonWords.mismatch(m.getTargetType(), m); // not "Cannot deserialize value of type X$Json from Array value"
        }
        String message = e.getCause() instanceof IllegalArgumentException bad ? bad.getMessage()
                : e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
        int cut = message.indexOf(" (class ");
        cut = cut < 0 ? message.indexOf(" (for ") : cut;
        cut = cut < 0 ? message.indexOf('\n') : cut;
        message = cut < 0 ? message : message.substring(0, cut);
        // Jackson places the line and column inside the source brackets ("[Source: ...; line: 1,
        // column: 9]") or after them, by version: either way they become words.
        message = message.replaceAll("\\(start marker at \\[Source:[^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
                        "(opened at line $1, column $2)")
                .replaceAll("\\(start marker at \\[Source:[^\\]]*\\]; line: (\\d+), column: (\\d+)\\)",
                        "(opened at line $1, column $2)")
                .replaceAll("\\[Source:[^\\]]*\\];?\\s*", "");
        return printable(message.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1"));
    }

    /** Control characters (a field name may hold a newline) written as escapes, so a message stays one line. */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String path(JsonMappingException m) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                p.append(p.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                p.append('[').append(r.getIndex()).append(']');
            }
        }
        return printable(p.toString());
    }
}
