package dev.improv.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * A value of the wrong kind in JSON, in words: what was expected ("a whole number", "a list of texts")
 * and what came ("a text", "the number 1.5"), for files and request bodies alike, where Jackson says
 * {@code Cannot deserialize value of type ControlScript$Json from Array value (token START_ARRAY)}.
 */
public final class JsonWords {

    private JsonWords() {
    }

    /** "must be a whole number, got a text" for a value Jackson could not bind to {@code type}. */
    public static String mismatch(Type type, JsonMappingException e) {
        return "must be " + expected(type) + ", got " + found(e);
    }

    /** What a value of {@code type} is called in a message: "a whole number", "a list of texts". */
    public static String expected(Type type) {
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
        if (c == String.class || c.isEnum()) {
            return "a text";
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class || c == Short.class || c == short.class) {
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
        if (Collection.class.isAssignableFrom(c) || c.isArray()) {
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

    /** What the JSON had where the mistake is, from the parser's position. */
    public static String found(JsonMappingException e) {
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
}
