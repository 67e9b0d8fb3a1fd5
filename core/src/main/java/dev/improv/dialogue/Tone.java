package dev.improv.dialogue;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tone of an NPC's line, a conditioning token in the prompt. Users name it as a card's
 * {@code "mood"}, {@code --mood} or the api request's mood (not the music's {@code dev.improv.api.Mood}).
 *
 * <p>Persona-Chat has no tone labels, so training labels each reply with {@link #of(String)}: a
 * small word list (weak supervision). The model learns what such replies look like; asking for
 * {@code GRUMPY} makes negative, curt lines more likely, not certain.
 */
public enum Tone {
    NEUTRAL, CHEERFUL, GRUMPY;

    private static final Set<String> NEGATIVE = Set.of("no", "not", "never", "hate", "sorry", "bad", "tired",
            "annoying", "boring", "sad", "unfortunately", "terrible", "awful", "hard", "worst", "ugh", "whatever",
            "busy", "stupid", "don't", "can't", "won't", "isn't", "doesn't", "nothing");
    private static final Set<String> POSITIVE = Set.of("love", "great", "awesome", "amazing", "wonderful", "fun",
            "cool", "nice", "glad", "happy", "fantastic", "excited", "enjoy");
    private static final Pattern WORD = Pattern.compile("[a-z']+");
    private static final Map<String, Tone> ALIASES = Map.ofEntries(
            Map.entry("neutral", NEUTRAL), Map.entry("calm", NEUTRAL), Map.entry("plain", NEUTRAL),
            Map.entry("cheerful", CHEERFUL), Map.entry("happy", CHEERFUL), Map.entry("friendly", CHEERFUL),
            Map.entry("excited", CHEERFUL), Map.entry("grumpy", GRUMPY), Map.entry("angry", GRUMPY),
            Map.entry("annoyed", GRUMPY), Map.entry("sad", GRUMPY), Map.entry("rude", GRUMPY));

    /** Weak label of a reply: more negative than positive cue words is grumpy, the reverse cheerful. */
    public static Tone of(String reply) {
        int score = 0;
        Matcher m = WORD.matcher(reply.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (NEGATIVE.contains(m.group())) {
                score--;
            } else if (POSITIVE.contains(m.group())) {
                score++;
            }
        }
        for (int i = 0; i < reply.length(); i++) {
            if (reply.charAt(i) == '!') {
                score++;
            }
        }
        return score < 0 ? GRUMPY : score > 0 ? CHEERFUL : NEUTRAL;
    }

    /** Parses a tone name or a common synonym ("happy", "angry"); an unknown name fails with the choices. */
    public static Tone parse(String name) {
        Tone mood = ALIASES.get(name.trim().toLowerCase(Locale.ROOT));
        if (mood == null) {
            throw new IllegalArgumentException("unknown mood '" + name + "'; use one of " + ALIASES.keySet().stream().sorted().toList());
        }
        return mood;
    }

    /** The name of this tone's special token. */
    String token() {
        return "<|" + name().toLowerCase(Locale.ROOT) + "|>";
    }
}
