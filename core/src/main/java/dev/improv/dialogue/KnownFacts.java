package dev.improv.dialogue;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an NPC may state, read once: the numbers and names of its sources ({@link InventedFacts}), their
 * words (for {@link Lexicon#unknownWord}) and the coins their prices are in ({@link #amountsInCoin}). A voice reads its card and world once per set of
 * slot values and adds each line's conversation with {@link #plus}, so a card of 1,900 facts is not
 * read again for every reply.
 */
final class KnownFacts {
    private final InventedFacts stated;
    private final Set<String> words;
    private final Set<String> coins;

    private KnownFacts(InventedFacts stated, Set<String> words, Set<String> coins) {
        this.stated = stated;
        this.words = words;
        this.coins = coins;
    }

    static KnownFacts of(Collection<String> sources) {
        Set<String> coins = new HashSet<>();
        for (String source : sources) {
            for (Mentions.Quantity q : Mentions.quantities(source)) {
                String amount = AnswerValues.clauseText(q.surface()).strip();
                int space = amount.indexOf(' ');
                if (q.kind().equals("money") && space > 0) {
                    coins.add(amount.substring(space + 1));
                }
            }
        }
        return new KnownFacts(InventedFacts.of(sources), Set.copyOf(Lexicon.sourceWords(sources)), Set.copyOf(coins));
    }

    /** These and {@code more} sources (the conversation, the player's line); this one is unchanged. */
    KnownFacts plus(List<String> more) {
        Set<String> all = new HashSet<>(words);
        all.addAll(Lexicon.sourceWords(more));
        return new KnownFacts(stated.plus(more), all, coins); // the card's coins: the conversation prices nothing
    }

    /**
     * The amounts {@code fact} states in a coin the sources price in elsewhere, normalised: "A laying hen is 3 shell
     * strings." says no word of price, but "A young sow costs 20 shell strings." makes "3 shell strings" a price.
     */
    List<String> amountsInCoin(String fact) {
        List<String> out = new java.util.ArrayList<>();
        String spaced = AnswerValues.clauseText(fact);
        for (Mentions.Quantity q : Mentions.quantities(fact)) {
            for (String coin : coins) {
                String amount = AnswerCheck.normalise(q.surface()) + " " + coin;
                if (q.unit() == null && spaced.contains(" " + amount + " ") && !out.contains(amount)) {
                    out.add(amount);
                }
            }
        }
        return out;
    }

    InventedFacts stated() {
        return stated;
    }

    Set<String> words() {
        return words;
    }
}
