package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.List;

/** A small corpus made in code, shared by the dialogue tests. */
final class TinyCorpus {
    private TinyCorpus() {
    }

    static final List<String> LINES = List.of(
            "Hello there! I am the blacksmith of the village.",
            "The goblins came again last night, and the goblin chief was with them.",
            "I love to forge swords. Swords are my passion.",
            "Do you like the village? I have lived here all my life.",
            "What is your favorite thing to do? I like to fish in the river.",
            "I am tired of the goblins. They steal my iron.",
            "Hello! Nice to meet you. I am a baker and I bake bread every day.");

    /** The lines repeated, so that pairs occur often enough to be merged. */
    static List<String> texts() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.addAll(LINES);
        }
        return out;
    }

    static BytePairTokenizer tokenizer(int vocab) {
        return BytePairTokenizer.train(texts(), vocab, DialogueFormat.SPECIALS);
    }
}
