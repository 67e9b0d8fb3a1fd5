package dev.improv.dialogue;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an NPC may state, read once: the numbers and names of its sources ({@link InventedFacts}) and
 * their words (for {@link Lexicon#unknownWord}). A voice reads its card and world once per set of
 * slot values and adds each line's conversation with {@link #plus}, so a card of 1,900 facts is not
 * read again for every reply.
 */
final class KnownFacts {
    private final InventedFacts stated;
    private final Set<String> words;

    private KnownFacts(InventedFacts stated, Set<String> words) {
        this.stated = stated;
        this.words = words;
    }

    static KnownFacts of(Collection<String> sources) {
        return new KnownFacts(InventedFacts.of(sources), Set.copyOf(Lexicon.sourceWords(sources)));
    }

    /** These and {@code more} sources (the conversation, the player's line); this one is unchanged. */
    KnownFacts plus(List<String> more) {
        Set<String> all = new HashSet<>(words);
        all.addAll(Lexicon.sourceWords(more));
        return new KnownFacts(stated.plus(more), all);
    }

    InventedFacts stated() {
        return stated;
    }

    Set<String> words() {
        return words;
    }
}
