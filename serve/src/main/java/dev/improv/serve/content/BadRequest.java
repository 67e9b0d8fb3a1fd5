package dev.improv.serve.content;

/** A client's mistake in one field of a request: becomes a 400 (413 for a body past the limit) whose message names the field. */
public final class BadRequest extends RuntimeException {
    private final String field;
    private final boolean tooLarge;

    public BadRequest(String field, String message) {
        this(field, message, false);
    }

    private BadRequest(String field, String message, boolean tooLarge) {
        super(field + ": " + withoutField(field, message));
        this.field = field;
        this.tooLarge = tooLarge;
    }

    /** A body past the size limit: answered 413 (Content Too Large), counted apart in the metrics. */
    public static BadRequest tooLarge(String field, String message) {
        return new BadRequest(field, message, true);
    }

    /** Whether this is {@link #tooLarge}. */
    public boolean isTooLarge() {
        return tooLarge;
    }

    /** A reader's message that names the field itself ("prime: too short") is not headed by it twice. */
    private static String withoutField(String field, String message) {
        return message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
    }

    /** The value {@code parse} reads from the field; its {@link IllegalArgumentException} becomes the field's 400. */
    static <T> T parsed(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequest(field, e.getMessage());
        }
    }

    /** The JSON field at fault (dotted path, e.g. {@code card.persona}). */
    public String field() {
        return field;
    }

    /** Throws unless {@code ok}. */
    static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new BadRequest(field, message);
        }
    }

    /** Checks an optional number against {@code [min, max]}; returns it or the default. */
    static int within(Integer value, int fallback, int min, int max, String field) {
        int v = value == null ? fallback : value;
        check(v >= min && v <= max, field, "must be in [" + min + ", " + max + "], got " + v);
        return v;
    }

    /** Checks an optional text's length; returns it or the default. */
    static String text(String value, String fallback, int maxChars, String field) {
        String v = value == null ? fallback : value;
        check(v.length() <= maxChars, field, "is longer than " + maxChars + " characters");
        return v;
    }
}
