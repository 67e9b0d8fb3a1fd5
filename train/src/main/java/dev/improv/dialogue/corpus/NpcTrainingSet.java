package dev.improv.dialogue.corpus;

import dev.improv.api.Seeds;
import dev.improv.dialogue.Conversation;
import dev.improv.dialogue.DialogueExample;
import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.model.SeededRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The NPC model's training mix, read from the data folder ({@code ../shared/data}): SGD, Taskmaster-4,
 * CaSiNo, Persona-Chat and LIGHT, each capped so no one corpus drowns the others, and split into
 * training and validation by whole conversation.
 *
 * @param train  examples to train on
 * @param valid  held-out examples (whole conversations), for validation loss and evaluation
 * @param counts examples per source, training and validation together
 */
public record NpcTrainingSet(List<DialogueExample> train, List<DialogueExample> valid, Map<String, Integer> counts) {

    /** Examples per source at most: SGD has ten times more than the rest, and it is one voice. */
    public static final Map<String, Integer> CAPS = Map.of("sgd", 40_000, "taskmaster4", 8_000, "casino", 10_000,
            "persona-chat", 30_000, "light", 28_000);

    /**
     * Reads every corpus found under {@code root}; a missing one is reported through {@code log} and
     * left out, a folder with none of them is an error.
     */
    public static NpcTrainingSet read(Path root, double validShare, long seed, Consumer<String> log) throws IOException {
        Consumer<String> skipped = s -> log.accept("skipped " + s);
        Map<String, List<DialogueExample>> bySource = new LinkedHashMap<>();
        List<List<String>> personas = List.of();
        Path light = root.resolve("light");
        if (Files.isDirectory(light)) {
            LightWorld world = LightWorld.read(light);
            personas = world.personas();
            bySource.put("light", world.examples(CAPS.get("light"), seed));
        }
        Path sgd = root.resolve("sgd/train.jsonl");
        if (Files.exists(sgd)) {
            bySource.put("sgd", SgdDialogues.read(sgd, personas, seed, skipped));
        }
        Path taskmaster = root.resolve("taskmaster4/dialogues.jsonl");
        if (Files.exists(taskmaster)) {
            bySource.put("taskmaster4", TaskmasterDialogues.read(taskmaster, skipped));
        }
        Path casino = root.resolve("casino/train.jsonl");
        if (Files.exists(casino)) {
            bySource.put("casino", CasinoDialogues.read(casino, skipped));
        }
        Path persona = root.resolve("persona-chat/train.csv");
        if (Files.exists(persona)) {
            List<Conversation> conversations = PersonaChatCsv.read(persona, skipped);
            bySource.put("persona-chat", PersonaChatDialogues.examples(conversations, seed));
        }
        if (bySource.isEmpty()) {
            throw new IOException(root + ": no dialogue corpus found (expected sgd/, taskmaster4/, casino/, "
                    + "persona-chat/ or light/)");
        }
        for (String name : List.of("sgd", "taskmaster4", "casino", "persona-chat", "light")) {
            if (!bySource.containsKey(name)) {
                log.accept("not found, left out: " + root.resolve(name));
            }
        }
        List<DialogueExample> train = new ArrayList<>();
        List<DialogueExample> valid = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var e : bySource.entrySet()) {
            List<DialogueExample> kept = capped(e.getValue(), CAPS.get(e.getKey()), seed);
            counts.put(e.getKey(), kept.size());
            for (DialogueExample x : kept) {
                (heldOut(x.group(), validShare, seed) ? valid : train).add(x);
            }
        }
        return new NpcTrainingSet(train, valid, counts);
    }

    /** Whether the conversation {@code group} is held out under this share and seed. */
    public static boolean heldOut(String group, double share, long seed) {
        long h = Seeds.mix(seed, group.hashCode(), group.length());
        return Math.floorMod(h, 1_000_000L) < share * 1_000_000L;
    }

    /** At most {@code cap} examples, drawn evenly (seeded) when there are more. */
    private static List<DialogueExample> capped(List<DialogueExample> all, int cap, long seed) {
        if (all.size() <= cap) {
            return all;
        }
        List<DialogueExample> copy = new ArrayList<>(all);
        SeededRandom r = new SeededRandom(Seeds.mix(seed, 99));
        for (int i = copy.size() - 1; i > 0; i--) {
            java.util.Collections.swap(copy, i, r.nextInt(i + 1));
        }
        return copy.subList(0, cap);
    }
}
