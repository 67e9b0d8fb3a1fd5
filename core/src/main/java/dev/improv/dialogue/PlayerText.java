package dev.improv.dialogue;

/**
 * What a player typed, made safe to put in a prompt: control characters become spaces, whitespace
 * runs one space, and a line longer than {@link #MAX_CHARS} is cut at a word boundary, so that a
 * 1 MB paste costs no more than a question and still leaves the question in the prompt. Text such as
 * {@code <|end|>} needs no escaping: {@link BytePairTokenizer#encode} never yields special tokens.
 */
public final class PlayerText {
    /** Longest player line kept: several sentences, a fraction of the model's context. */
    public static final int MAX_CHARS = 300;

    private PlayerText() {
    }

    /** {@code text} cleaned and cut to at most {@link #MAX_CHARS} characters. */
    public static String bounded(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS + 1));
        boolean space = true; // drops leading whitespace
        for (int i = 0; i < text.length() && out.length() <= MAX_CHARS; i++) {
            char c = text.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c)
                    || (Character.isSurrogate(c) && !pairAt(text, i));
            if (blank) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c)) {
                    out.append(text.charAt(++i));
                }
                space = false;
            }
        }
        if (out.length() > MAX_CHARS) {
            int cut = out.lastIndexOf(" ", MAX_CHARS);
            out.setLength(cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
            if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
        }
        return out.toString().strip();
    }

    /** Questions in one line that are answered one by one, at most: more would be a speech, not a reply. */
    public static final int MAX_QUESTIONS = 2;
    /** Where a second question starts: after a question mark, or after ", and" before a question word. */
    private static final java.util.regex.Pattern NEXT_QUESTION = java.util.regex.Pattern.compile(
            "(?i)(?<=\\?)\\s+(?=\\S)|[,;]\\s*(?:and|but|also|plus)\\s+(?=(?:what|where|when|who|how|which|why|is|are|do|does|can|will)\\b)");

    /**
     * The questions of a line, in order: "Where can I park my freighter, and what does it cost per hour?" is
     * two. At most {@link #MAX_QUESTIONS} (the rest stays with the last); a line of one question is itself.
     * The caller decides whether the parts stand alone ("What's that run me?" leans on the question before).
     */
    public static java.util.List<String> questions(String line) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = NEXT_QUESTION.matcher(line);
        int from = 0;
        while (parts.size() < MAX_QUESTIONS - 1 && m.find()) {
            String part = line.substring(from, m.start()).strip();
            if (!part.isEmpty()) {
                parts.add(part.endsWith("?") ? part : part + "?");
            }
            from = m.end();
        }
        String last = line.substring(from).strip();
        if (!last.isEmpty()) {
            parts.add(Character.toUpperCase(last.charAt(0)) + last.substring(1));
        }
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            parts.set(i, Character.toUpperCase(p.charAt(0)) + p.substring(1));
        }
        return parts.isEmpty() ? java.util.List.of(line) : java.util.List.copyOf(parts);
    }

    /** Whether a well-formed surrogate pair starts or ends at {@code i}. */
    private static boolean pairAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
