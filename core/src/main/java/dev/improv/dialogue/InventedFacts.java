package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The guard against invented facts: the numbers, prices, times and proper names a reply states that
 * none of its sources (card persona and facts, world facts, the conversation, the player's line)
 * state. A reply with any is to be resampled or replaced by an authored line.
 *
 * <p>Comparison folds case, possessives and plurals, and reads number words as numbers ("twelve gold"
 * matches "12 gold"). A number with a unit must match a source number with the same unit or none
 * ("15 gold" is invented if the sources say "15 silver"), and a number that counts something must
 * count the same thing ("three sisters" is invented if the sources say "3 silver"); a name must have each of its uncommon words
 * in some source ("Mira Hale" is invented if the sources know only "Mira"). Names are capitalised words
 * not in a list of common English words, so a capitalised ordinary word ("Well", "The") is never one.
 */
public final class InventedFacts {
    private final Set<String> sourceWords = new HashSet<>();
    private final List<Mentions.Quantity> sourceQuantities = new ArrayList<>();

    private InventedFacts(Collection<String> sources) {
        read(sources);
    }

    private void read(Collection<String> sources) {
        for (String source : sources) {
            Mentions.words(source, sourceWords);
            sourceQuantities.addAll(Mentions.quantities(source));
        }
    }

    /** What these sources and {@code more} state; this one is unchanged (a card read once, a line added per reply). */
    public InventedFacts plus(Collection<String> more) {
        InventedFacts out = new InventedFacts(List.of());
        out.sourceWords.addAll(sourceWords);
        out.sourceQuantities.addAll(sourceQuantities);
        out.read(more);
        return out;
    }

    /** What {@code sources} state, read once to check many replies against (a card is read per line, not per draw). */
    public static InventedFacts of(Collection<String> sources) {
        return new InventedFacts(sources);
    }

    /** What {@code reply} states that no text in {@code sources} does, as written in the reply, in order. */
    public static List<String> invented(String reply, Collection<String> sources) {
        Objects.requireNonNull(reply, "reply");
        return of(sources).in(reply);
    }

    /** What {@code reply} states that none of the sources does, as written in the reply, in order. */
    public List<String> in(String reply) {
        Set<String> out = new LinkedHashSet<>();
        for (Mentions.Quantity q : Mentions.quantities(reply)) {
            if (!stated(q, sourceQuantities)) {
                out.add(q.surface());
            }
        }
        for (Mentions.Name name : Mentions.names(reply)) {
            if (!sourceWords.containsAll(name.words())) {
                out.add(name.surface());
            }
        }
        java.util.regex.Matcher time = TIME_OF_DAY.matcher(reply);
        while (time.find()) {
            if (!sourceWords.contains(Mentions.normalise(time.group()))) {
                out.add(time.group());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Times of day named by a word, which state a fact as a clock time does: "Not until sunset." from a guard
     * whose gate closes at the curfew bell is an invented time. (Noon and midnight are quantities already.)
     */
    private static final java.util.regex.Pattern TIME_OF_DAY = java.util.regex.Pattern.compile(
            "(?i)\\b(?:dawn|dusk|sunset|sunrise|sundown|daybreak|nightfall)\\b");

    /**
     * Whether a source states {@code q}: the same value, with the same unit unless either has none,
     * and counting the same thing if the reply says what it counts ("three sisters" needs sisters).
     */
    private static boolean stated(Mentions.Quantity q, List<Mentions.Quantity> sources) {
        for (Mentions.Quantity s : sources) {
            boolean unit = q.unit() == null || s.unit() == null || s.unit().equals(q.unit());
            boolean counted = q.counted() == null || q.counted().equals(s.counted());
            // A price in a currency only its card uses reads as a count without "costs" before it: "A canteen
            // costs 5 bullets." states "You want 5 bullets." (was turned down as an invented 5).
            boolean priceAsCount = q.unit() == null && q.counted() != null && q.counted().equals(s.unit());
            // "7.40" alone is the "7.40 in the morning" of a timetable line, said without its part of the day
            boolean sameClock = s.value().contains(":") && s.surface().equals(q.surface());
            if (s.value().equals(q.value()) && (unit && counted || priceAsCount) || sameClock) {
                return true;
            }
        }
        return false;
    }
}
