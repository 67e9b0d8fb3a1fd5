package dev.improv.serve.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
     * A mapper that refuses unknown fields, nulls for numbers, numbers or true/false for text, text for
     * numbers and fractions for whole numbers.
     */
    public static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper()
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
        try {
            T value = json.readValue(text, type);
            if (value == null) {
                throw new BadRequest(at, "is null; expected " + expected(type));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            Collection<Object> known = e.getKnownPropertyIds() == null ? List.of() : e.getKnownPropertyIds();
            throw new BadRequest(join(where, path(e)), "unknown field (known: " + known.stream().map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            String field = join(where, path(e));
            if (e.getCause() instanceof StreamConstraintsException) {
                throw new BadRequest(field, TOO_DEEP);
            }
            throw new BadRequest(field, "must be " + expected(typeAt(type, e.getPath())) + ", got " + found(e));
        } catch (StreamConstraintsException e) {
            throw new BadRequest(at, TOO_DEEP);
        } catch (JsonProcessingException e) {
            throw new BadRequest(at, "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
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
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return "a list of " + plural(args[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "an object whose values are " + plural(args[args.length - 1]);
            }
        }
        if (!(type instanceof Class<?> c)) {
            return "a value of another kind";
        }
        if (c == String.class) {
            return "a text";
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return "a whole number";
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return "a number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "true or false";
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return "a JSON value";
        }
        if (Collection.class.isAssignableFrom(c)) {
            return "a list";
        }
        return "an object";
    }

    private static String plural(Type element) {
        String one = expected(element);
        return switch (one) {
            case "a text" -> "texts";
            case "true or false" -> "true or false values";
            case "an object" -> "objects";
            default -> one.startsWith("a ") ? one.substring(2) + "s"
                    : one.startsWith("an ") ? one.substring(3) + "s" : one;
        };
    }

    /** What the request had where the mistake is, from the parser's position. */
    private static String found(JsonMappingException e) {
        JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
        if (token == null) {
            return "something else";
        }
        return switch (token) {
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT -> "the whole number " + numberText(e) + (numberText(e).length() > 9 ? " (out of range)" : "");
            case VALUE_NUMBER_FLOAT -> "the number " + numberText(e);
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_ARRAY, END_ARRAY -> "a list";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            default -> "something else";
        };
    }

    private static String numberText(JsonMappingException e) {
        try {
            String text = ((JsonParser) e.getProcessor()).getText();
            return text.length() > 24 ? text.substring(0, 24) + "..." : text;
        } catch (java.io.IOException | RuntimeException unreadable) {
            return "given";
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                        : PLAIN_NAME.matcher(r.getFieldName()).matches() ? "." + r.getFieldName()
                        : "[" + quoted(r.getFieldName()) + "]")
                .collect(Collectors.joining());
    }

    /**
     * A field name as a JSON string: an empty name would otherwise vanish from the path (the
     * message began ": unknown field"), and one holding a line break would split the one-line message.
     */
    private static String quoted(String name) {
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
