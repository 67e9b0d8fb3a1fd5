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
        Matcher m = SLOT.matcher(text);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                return false;
            }
        }
        return true;
    }
}
