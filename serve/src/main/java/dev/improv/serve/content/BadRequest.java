package dev.improv.serve.content;

/** A client's mistake in one field of a request: becomes a 400 whose message names the field. */
public final class BadRequest extends RuntimeException {
    private final String field;

    public BadRequest(String field, String message) {
        super(field + ": " + message);
        this.field = field;
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
