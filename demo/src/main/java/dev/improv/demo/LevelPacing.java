package dev.improv.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The prompt each chunk is generated with: a gentle start, then a cycle that alternates free chunks
 * with gaps, blocks, enemies and pipes, so the endless level keeps changing character the way a
 * designed one would. The prompts are data: {@code assets/demo/pacing.json}, whose comment says
 * why each holds "low elevation".
 */
record LevelPacing(String start, List<String> cycle) {
    /** The pacing's file among the game's assets (on the classpath). */
    static final String FILE = "demo/pacing.json";

    /** The prompt for chunk {@code index} under the shipped pacing. */
    static String prompt(int index) {
        return Shipped.PACING.promptFor(index);
    }

    /** The prompt for chunk {@code index}: {@code start} for the first two, then the cycle in turn. */
    String promptFor(int index) {
        return index < 2 ? start : cycle.get((index - 2) % cycle.size());
    }

    /** Reads a pacing file: {"start": PROMPT, "cycle": [PROMPT...]}. */
    static LevelPacing read(InputStream in, String source) throws IOException {
        JsonNode root = DemoData.root(in, source);
        String at = source + ": ";
        List<String> cycle = DemoData.texts(root, "cycle", at);
        if (cycle.isEmpty()) {
            throw new IOException(at + "cycle must hold at least one prompt");
        }
        return new LevelPacing(DemoData.text(root, "start", at), cycle);
    }

    /** Lazy holder: the file is read on first use. */
    private static final class Shipped {
        static final LevelPacing PACING = DemoData.load(FILE, LevelPacing::read);
    }
}
