package dev.improv.serve.content;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.improv.io.JsonWords;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: unknown fields and wrong types are a {@link BadRequest} naming the
 * field and saying in plain words what was expected and what came ("card.persona: must be a list
 * of texts, got a text"), never the JSON library's own message, which names Java classes.
 */
public final class Json {
    /** Field names written bare in a path ("card.persona"); any other is quoted ("card[\"\"]"). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String TOO_DEEP = "is nested deeper, or holds a longer number or text, than a request may"
            + " (JSON nesting is limited to 1000 levels)";

    private Json() {
    }

    /**
     * A mapper that refuses unknown fields, a field given twice, nulls for numbers, numbers or true/false for
     * text, text for numbers and fractions for whole numbers.
     */
    public static ObjectMapper strictMapper() {
        // {"width":16,"width":2000} took the last value without a word: which one a client meant is a guess.
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 12.5 columns is a mistake, not 12
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // Texts take texts only: 3 for a persona line is a client's mistake, not "3".
        var textual = mapper.coercionConfigFor(LogicalType.Textual);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            textual.setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Parses {@code text} as a {@code type}; {@code where} prefixes the field in error messages. */
    public static <T> T read(ObjectMapper json, String text, Class<T> type, String where) {
        String at = where.isEmpty() ? "body" : where;
        if (text.isBlank()) {
            throw new BadRequest(at, "is empty; expected " + expected(type));
        }
        T value;
        try {
            value = json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw refusal(e, type, where);
        }
        if (value == null) {
            throw new BadRequest(at, "is null; expected " + expected(type));
        }
        return value;
    }

    /** The {@link BadRequest} a failure to read a body as a {@code type} stands for, in plain words. */
    private static BadRequest refusal(JsonProcessingException e, Class<?> type, String where) {
        String at = where.isEmpty() ? "body" : where;
        JsonParser duplicated = duplicateAt(e);
        if (duplicated != null) {
            return new BadRequest(join(where, path(duplicated.getParsingContext())), "is given twice; a field may appear"
                    + " once in an object");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds() == null ? List.of() : u.getKnownPropertyIds();
            return new BadRequest(join(where, path(u)), "unknown field (known: " + known.stream().map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", ")) + ")");
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            // FAIL_ON_TRAILING_TOKENS: "{}{}" was "must be an object, got an object".
            return new BadRequest(at, "has more after its JSON value (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "); send one object");
        }
        if (endsEarly(e) && where.isEmpty()) {
            // A body read to its Content-Length and cut there (a length shorter than the body) reads so too; cut inside a
            // nested value ("{\"card\": {\"name\": \"Ona\"") it is the body that is short, not "card" of the wrong kind.
            return new BadRequest(at, "is not valid JSON: it ends before it is whole " + place(e) + "; if it was sent "
                    + "whole, its Content-Length is shorter than it is");
        }
        if (e instanceof JsonMappingException m) {
            String field = join(where, path(m));
            return m.getCause() instanceof StreamConstraintsException ? new BadRequest(field, TOO_DEEP)
                    : new BadRequest(field, JsonWords.mismatch(typeAt(type, m.getPath()), m));
        }
        if (e instanceof StreamConstraintsException) {
            return new BadRequest(at, TOO_DEEP);
        }
        return new BadRequest(at, "is not valid JSON " + place(e));
    }

    /** Where in the text the parser stopped: "(line 1, column 13)". */
    private static String place(JsonProcessingException e) {
        return e.getLocation() == null ? "(at its end)"
                : "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Whether the text ended inside a value: said by the parser, or by a field's reader that met the end. */
    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.io.JsonEOFException || t instanceof JsonProcessingException p
                    && p.getOriginalMessage() != null && p.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parser that met a field name twice in one object (STRICT_DUPLICATE_DETECTION), standing at it; null
     * for any other failure. Jackson says so only in words, and wraps the parser's exception when it comes
     * from inside a nested value.
     */
    private static JsonParser duplicateAt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException p && p.getOriginalMessage() != null
                    && p.getOriginalMessage().startsWith("Duplicate field ") && p.getProcessor() != null) {
                return p.getProcessor();
            }
        }
        return null;
    }

    /** The declared type at {@code path} under {@code root}: record components, list elements, map values. */
    private static Type typeAt(Type root, List<JsonMappingException.Reference> path) {
        Type t = root;
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null && t instanceof Class<?> c && c.isRecord()) {
                t = componentType(c, r.getFieldName());
            } else if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > 0) {
                Type[] args = p.getActualTypeArguments();
                t = args[args.length - 1]; // a list's element or a map's value
            } else {
                return null;
            }
            if (t == null) {
                return null;
            }
        }
        return t;
    }

    private static Type componentType(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getGenericType();
            }
        }
        return null;
    }

    /** What a value of {@code type} is called in a message: "a whole number", "a list of texts". */
    static String expected(Type type) {
        return JsonWords.expected(type);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> step(r.getFieldName(), r.getIndex())).collect(Collectors.joining());
    }

    /** The path from the root to where a parser stands, in the same words as a mapping error's. */
    private static String path(JsonStreamContext at) {
        StringBuilder b = new StringBuilder();
        for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            b.insert(0, step(c.inObject() ? c.getCurrentName() : null, c.getCurrentIndex()));
        }
        return b.toString();
    }

    /** One step of a path: {@code .name}, {@code ["odd name"]} or {@code [index]}. */
    private static String step(String name, int index) {
        return name == null ? "[" + index + "]"
                : PLAIN_NAME.matcher(name).matches() ? "." + name : "[" + quoted(name) + "]";
    }

    /**
     * A field name as a JSON string: an empty name would otherwise vanish from the path (the
     * message began ": unknown field"), and one holding a line break would split the one-line message.
     */
    static String quoted(String name) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(name)) + "\"";
    }

    private static String join(String where, String path) {
        if (path.isEmpty()) {
            return where.isEmpty() ? "body" : where;
        }
        String p = path.startsWith(".") ? path.substring(1) : path;
        return where.isEmpty() ? p : where + path;
    }
}
