package dev.improv.dialogue;

import java.util.List;
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
    /**
     * Names a writer gives a mood, by the tone they ask for. A card's mood is a writer's word ("gruff",
     * "jolly"), so the list is wide; a word not here leaves the tone to the model (see {@link #ofCard}).
     */
    private static final Map<String, Tone> ALIASES = aliases(Map.of(
            NEUTRAL, List.of("neutral", "calm", "plain", "polite", "formal", "prim", "proper", "stoic", "reserved",
                    "quiet", "serious", "businesslike", "professional", "wise", "thoughtful", "mysterious", "shy",
                    "nervous", "curious", "dignified", "regal", "solemn", "patient", "careful", "matter-of-fact",
                    "dry", "measured", "distant", "aloof", "cautious", "tired", "weary"),
            CHEERFUL, List.of("cheerful", "happy", "friendly", "excited", "jolly", "merry", "cheery", "warm", "kind",
                    "kindly", "upbeat", "enthusiastic", "eager", "chatty", "bubbly", "welcoming", "playful",
                    "boisterous", "jovial", "genial", "hearty", "optimistic", "helpful", "lively", "generous",
                    "flirty", "excitable", "proud", "boastful"),
            GRUMPY, List.of("grumpy", "angry", "annoyed", "sad", "rude", "gruff", "stern", "surly", "curt", "blunt",
                    "grim", "bitter", "hostile", "cold", "suspicious", "impatient", "irritable", "moody", "sour",
                    "cranky", "gloomy", "melancholy", "mournful", "sullen", "grouchy", "cynical", "sarcastic",
                    "haughty", "arrogant", "menacing", "threatening", "paranoid", "wary", "short", "harsh",
                    "brusque", "terse", "snappy", "grumbling", "stubborn", "greedy")));

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

    /** Parses a tone name or a common synonym ("happy", "gruff"); an unknown name fails with the choices. */
    public static Tone parse(String name) {
        Tone mood = ofCard(name);
        if (mood == null) {
            throw new IllegalArgumentException("unknown mood '" + name + "'; use neutral, cheerful or grumpy, or a word"
                    + " for one (calm, formal, friendly, jolly, gruff, stern, angry...: " + ALIASES.size() + " in all)");
        }
        return mood;
    }

    /**
     * The tone of a card's mood word, or null when it is not one Improv knows: a card's mood is flavour a
     * writer chose, so an unknown word leaves the tone to the model rather than refusing the NPC (the card's
     * reader logs it).
     */
    public static Tone ofCard(String name) {
        return ALIASES.get(name.strip().toLowerCase(Locale.ROOT));
    }

    /** What a card's reader says of a mood word {@link #ofCard} does not know, after the field's name. */
    public static String unknownCardMood(String name) {
        return "'" + name + "' is not a mood Improv knows; the NPC's tone is left to the model";
    }

    private static Map<String, Tone> aliases(Map<Tone, List<String>> byTone) {
        Map<String, Tone> all = new java.util.HashMap<>();
        byTone.forEach((tone, names) -> names.forEach(n -> {
            if (all.put(n, tone) != null) {
                throw new IllegalStateException("mood '" + n + "' named twice");
            }
        }));
        return Map.copyOf(all);
    }

    /** The name of this tone's special token. */
    String token() {
        return "<|" + name().toLowerCase(Locale.ROOT) + "|>";
    }
}
