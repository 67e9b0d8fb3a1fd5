package dev.improv.dialogue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {name}} placeholders with values from game state ({@code {player}}, {@code {place}}, ...). */
public final class Slots {
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Slots() {
    }

    /**
     * Replaces every {@code {name}} in {@code text} with {@code values.get(name)}.
     *
     * @throws IllegalArgumentException naming the slot if {@code values} has no value for it
     */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for slot {" + m.group(1) + "} in: " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether every slot in {@code text} has a value. */
    public static boolean canFill(String text, Map<String, String> values) {
        return missing(text, values) == null;
    }

    /** The name of the first slot in {@code text} that {@code values} has no value for, or null. */
    public static String missing(String text, Map<String, String> values) {
        Matcher m = SLOT.matcher(text);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * The first line of {@code lines} (the field {@code field}: a card's {@code facts}, a request's
     * {@code history}) with a slot that {@code values} has no value for, or null: checked before a reply
     * is made, so the mistake names its field instead of surfacing mid-reply as the card's.
     */
    public static Gap gap(String field, java.util.List<String> lines, Map<String, String> values) {
        for (int i = 0; i < lines.size(); i++) {
            String slot = missing(lines.get(i), values);
            if (slot != null) {
                return new Gap(field + "[" + i + "]", slot);
            }
        }
        return null;
    }

    /** A slot with no value and the field (with its index) that holds it. */
    public record Gap(String field, String slot) {
        /** {@code facts[2]: no value for slot {item}}. */
        public String message() {
            return field + ": no value for slot {" + slot + "}";
        }
    }
}
