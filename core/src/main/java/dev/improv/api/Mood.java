package dev.improv.api;

import java.util.List;
import java.util.Locale;

/**
 * The character a game asks of the music: one of the built-in moods ({@link #CALM} … {@link #VICTORY}),
 * or a name of the game's own, {@code Mood.of("spooky")}, which an engine plays if it knows a preset
 * of that name (the band: a mood of the {@code MoodLibrary} given to {@code BandMusicProvider.withMoods},
 * e.g. a designer's JSON file). Each engine maps a mood onto what its model knows; one that does not
 * know a name says so, naming the moods it knows.
 */
public final class Mood {
    public static final Mood CALM = new Mood("calm");
    public static final Mood BRIGHT = new Mood("bright");
    public static final Mood DARK = new Mood("dark");
    public static final Mood TENSE = new Mood("tense");
    public static final Mood HEROIC = new Mood("heroic");
    public static final Mood SAD = new Mood("sad");
    public static final Mood BATTLE = new Mood("battle");
    public static final Mood VICTORY = new Mood("victory");

    /** Longest name a mood may have (a mood file's names are shorter in practice). */
    public static final int MAX_NAME = 64;

    private static final List<Mood> BUILT_IN = List.of(CALM, BRIGHT, DARK, TENSE, HEROIC, SAD, BATTLE, VICTORY);

    private final String name;

    private Mood(String name) {
        this.name = name;
    }

    /**
     * The mood called {@code name}, in any case and without surrounding blanks: a built-in one, or a
     * name of the game's own; a blank name, one over {@link #MAX_NAME} characters or one with control
     * characters is refused.
     */
    public static Mood of(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mood needs a name");
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a mood name must be 1-" + MAX_NAME + " printable characters, got '"
                    + n.substring(0, Math.min(n.length(), MAX_NAME)).replaceAll("\\p{Cntrl}", "?") + "'");
        }
        for (Mood m : BUILT_IN) {
            if (m.name.equals(n)) {
                return m;
            }
        }
        return new Mood(n);
    }

    /** The built-in moods, calm first. */
    public static List<Mood> values() {
        return BUILT_IN;
    }

    /** The name, in lower case ("calm", "spooky"). */
    public String name() {
        return name;
    }

    /** True for the eight moods every engine knows. */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mood m && m.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
