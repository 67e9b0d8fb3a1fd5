package dev.improv.cli;

import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.DialogueLine;
import dev.improv.dialogue.DialogueRequest;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.dialogue.Mood;
import dev.improv.dialogue.Slots;
import dev.improv.dialogue.Turn;
import dev.improv.model.LanguageModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv dialogue}: NPC replies from a persona, one per line, or an interactive chat. */
@Command(name = "dialogue",
        header = "Writes NPC lines from a persona, or talks with --say.", mixinStandardHelpOptions = true,
        description = {"Write NPC lines from a persona. With --say, prints --n replies one per line;",
                "without it, opens a chat in the terminal (empty line or /quit ends it).",
                "Lines from the authored fallback grammar are marked with '~ ' when --mark-fallback is set."})
public final class DialogueCommand implements Callable<Integer> {

    @Option(names = "--persona", required = true, description = "A fact about the NPC, first person (repeatable); may use {slot}s.")
    List<String> persona;

    @Option(names = "--say", description = "What the player says; without it an interactive chat starts.")
    String say;

    @Option(names = "--mood", description = "neutral, cheerful or grumpy (or a synonym such as happy, angry); default: the model picks.")
    String mood;

    @Option(names = "--ban", description = "A word never to say, any case, also inside longer words (repeatable).")
    List<String> banned = new ArrayList<>();

    @Option(names = "--slot", description = "A game-state value NAME=VALUE for {NAME} in persona and lines (repeatable).")
    Map<String, String> slots = new LinkedHashMap<>();

    @Option(names = "--n", defaultValue = "1", description = "Replies to print. Default: ${DEFAULT-VALUE}.")
    int count;

    @Mixin
    SeedOption seed = new SeedOption(0);

    @Option(names = "--max-tokens", defaultValue = "30", description = "Most tokens of a reply. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--deadline-ms", defaultValue = "0", description = "Time for the replies; late ones come from the fallback grammar (0: none). Default: ${DEFAULT-VALUE}.")
    long deadlineMs;

    @Mixin
    ModelOption model = new ModelOption("dialogue");

    @Option(names = "--grammar", description = "Fallback grammar (Tracery-style JSON); default: the built-in one.")
    Path grammar;

    @Option(names = "--mark-fallback", description = "Prefix lines written by the fallback grammar with '~ '.")
    boolean markFallback;

    @Override
    public Integer call() throws Exception {
        Mood parsedMood = mood == null ? null : Mood.parse(mood);
        FallbackGrammar fallback = grammar == null ? FallbackGrammar.defaultGrammar() : FallbackGrammar.load(grammar);
        DialogueGenerator generator = DialogueGenerator.of(model.load(), fallback);
        List<Turn> history = new ArrayList<>();
        PrintStream out = System.out;
        if (say != null) {
            history.add(Turn.player(say));
            for (DialogueLine line : generator.lines(request(history, parsedMood, count, seed.value()))) {
                out.println(format(line));
            }
            return 0;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("Chatting with: " + Slots.fill(String.join(" ", persona), slots) + "  (empty line or /quit ends)");
        long turn = 0;
        while (true) {
            out.print("you> ");
            out.flush();
            String said = in.readLine();
            if (said == null || said.isBlank() || said.strip().equals("/quit")) {
                return 0;
            }
            history.add(Turn.player(said.strip()));
            DialogueLine line;
            try {
                line = generator.lines(request(history, parsedMood, 1, seed.value() + turn++)).get(0);
            } catch (IllegalArgumentException mistake) {
                // A typo in the chat (an unknown {slot}) should not end the conversation.
                System.err.println("improv dialogue: " + mistake.getMessage());
                history.remove(history.size() - 1);
                continue;
            }
            out.println("npc> " + format(line));
            history.add(Turn.npc(line.text()));
        }
    }

    private DialogueRequest request(List<Turn> history, Mood parsedMood, int n, long s) {
        DialogueRequest.Builder b = DialogueRequest.builder().optMood(parsedMood).optCount(n).optSeed(s)
                .optMaxTokens(maxTokens).optDeadline(Duration.ofMillis(deadlineMs));
        persona.forEach(b::addPersona);
        history.forEach(b::addTurn);
        banned.forEach(b::optBan);
        slots.forEach(b::optSlot);
        return b.build();
    }

    private String format(DialogueLine line) {
        return (markFallback && line.fallback() ? "~ " : "") + line.text();
    }
}
