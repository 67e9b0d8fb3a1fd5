package dev.improv.serve.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/** Reads request bodies strictly: unknown fields and wrong types are a {@link BadRequest} naming the field. */
public final class Json {
    private Json() {
    }

    /** A mapper that refuses unknown fields, nulls for numbers and numbers for text. */
    public static ObjectMapper strictMapper() {
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    /** Parses {@code text} as a {@code type}; {@code where} prefixes the field in error messages. */
    public static <T> T read(ObjectMapper json, String text, Class<T> type, String where) {
        String at = where.isEmpty() ? "body" : where;
        try {
            T value = json.readValue(text, type);
            if (value == null) {
                throw new BadRequest(at, "is null; expected a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequest(join(where, path(e)), "unknown field");
        } catch (JsonMappingException e) {
            String field = join(where, path(e));
            throw new BadRequest(field, "has the wrong type or shape (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (JsonProcessingException e) {
            throw new BadRequest(at, "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
    }

    private static String join(String where, String path) {
        if (path.isEmpty()) {
            return where.isEmpty() ? "body" : where;
        }
        String p = path.startsWith(".") ? path.substring(1) : path;
        return where.isEmpty() ? p : where + (path.startsWith(".") ? path : path);
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        int cut = line.indexOf(" at [Source");
        line = cut >= 0 ? line.substring(0, cut) : line;
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
