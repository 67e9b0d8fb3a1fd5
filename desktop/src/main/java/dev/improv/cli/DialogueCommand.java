package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.dialogue.Tone;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.NpcReply;
import dev.improv.dialogue.NpcVoice;
import dev.improv.dialogue.Slots;
import dev.improv.dialogue.Turn;
import dev.improv.dialogue.WorldFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv dialogue}: an NPC answers the player from its card, one reply per line, or in a chat. */
@Command(name = "dialogue",
        header = "An NPC answers the player from what it knows: its card, the world and the conversation.", mixinStandardHelpOptions = true,
        description = {"An NPC answers the player from what it knows. The NPC is a card (--card FILE: JSON with "
                + "name, role, persona, facts, optional mood, style, banned, slots, and lines: its own greetings and "
                + "other authored lines) or, for a quick try, --persona lines "
                + "(each used as persona and as a fact). For every player line the facts most relevant to it (card, "
                + "--world lore, the conversation) are retrieved with Lucene BM25 and given to the dialogue model; a "
                + "reply that states a number or name found in none of them, or that leaves a question the facts "
                + "answer unanswered, is drawn again, then replaced by an authored line that states the fact. "
                + "Greetings, thanks, farewells, \"How are you?\" and \"Who are you?\" get a reply in kind.",
                "With --say, prints --n replies, one per line (with --json one JSON object per reply: text, source "
                + "model or fallback, facts used, ms, rejected tries); without it, opens a chat in the terminal (an "
                + "empty line or /quit ends it)."},
        footer = {"", "Example:", "  improv dialogue --card assets/npc/blacksmith.json --world assets/npc/world.json \\",
                "      --say \"How much to repair my sword?\" --n 3 --json"})
public final class DialogueCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Replies one call may ask for: each is printed as soon as it is made. */
    static final int MAX_REPLIES = 1000;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    static final class Who {
        @Option(names = "--card", paramLabel = "FILE", description = "The NPC card (JSON).")
        Path card;

        @Option(names = "--persona", description = "A line about the NPC, first person (repeatable); may use {slot}s.")
        List<String> persona;
    }

    @Option(names = "--world", paramLabel = "FILE", description = "Shared lore every NPC of the game may draw on (JSON: name, facts).")
    Path world;

    @Option(names = "--say", description = "What the player says; without it an interactive chat starts.")
    String say;

    @Option(names = "--mood", description = "neutral, cheerful or grumpy (or a synonym such as happy, angry); default: the card's, else the model picks.")
    String mood;

    @Option(names = "--ban", description = "A word never to say, any case, also inside longer words (repeatable; adds to the card's).")
    List<String> banned = new ArrayList<>();

    @Option(names = "--slot", description = "A game-state value NAME=VALUE for {NAME} in the card and lines (repeatable).")
    Map<String, String> slots = new LinkedHashMap<>();

    @Option(names = "--n", defaultValue = "1", description = "Replies to print, 1-" + MAX_REPLIES + ". Default: ${DEFAULT-VALUE}.")
    int count;

    @Mixin
    SeedOption seed = new SeedOption(0);

    @Option(names = "--json", description = "One JSON object per reply: text, source (model|fallback), facts, ms, rejected.")
    boolean json;

    @Option(names = "--deadline-ms", defaultValue = "0", description = "Time for each reply; a late one is the authored fallback (0: none). Default: ${DEFAULT-VALUE}.")
    long deadlineMs;

    @Mixin
    ModelOption model = new ModelOption("dialogue");

    @Option(names = "--grammar", description = "Fallback grammar (Tracery-style JSON); default: the built-in one.")
    Path grammar;

    @Option(names = "--mark-fallback", description = "Prefix lines written by the fallback grammar with '~ ' (plain output).")
    boolean markFallback;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > MAX_REPLIES) {
            throw new IllegalArgumentException("--n must be 1-" + MAX_REPLIES + ", got " + count);
        }
        if (deadlineMs < 0 || deadlineMs > 3_600_000) {
            throw new IllegalArgumentException("--deadline-ms must be 0-3600000, got " + deadlineMs);
        }
        NpcCard card = card();
        WorldFile lore = world == null ? null : WorldFile.read(world);
        requireSlots(card, lore);
        FallbackGrammar fallback = grammar == null ? FallbackGrammar.defaultGrammar() : FallbackGrammar.load(grammar);
        NpcVoice voice = NpcVoice.of(DialogueGenerator.of(model.load(), fallback), card, lore);
        Duration deadline = Duration.ofMillis(deadlineMs);
        PrintStream out = System.out;
        if (say != null) {
            // One call, so that the --n replies are variations of each other; each printed at once, so a long --n streams.
            voice.reply(List.of(), say, slots, count, seed.value(), deadline, r -> {
                out.println(format(r));
                out.flush();
            });
            return 0;
        }
        List<Turn> history = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("Talking to " + card.name() + (card.role().isEmpty() ? "" : ", " + card.role())
                + "  (empty line or /quit ends)");
        long turn = 0;
        while (true) {
            out.print("you> ");
            out.flush();
            String said = in.readLine();
            if (said == null || said.isBlank() || said.strip().equals("/quit")) {
                return 0;
            }
            NpcReply r;
            try {
                r = voice.reply(history, said.strip(), slots, 1, seed.value() + turn++, deadline).get(0);
            } catch (IllegalArgumentException mistake) {
                // A typo in the chat (an unknown {slot}) should not end the conversation.
                System.err.println("improv dialogue: " + mistake.getMessage());
                continue;
            }
            out.println(card.name().toLowerCase(Locale.ROOT) + "> " + format(r));
            history.add(Turn.player(said.strip()));
            history.add(Turn.npc(r.text()));
        }
    }

    /**
     * Every {@code {slot}} of the card, the world and --say has a value (--slot or the card's slots), checked
     * before the model loads; a gap names the file or option and the line ({@code npc.json: facts[2]: no value
     * for slot {item}}), where it was found mid-reply and named neither.
     */
    private void requireSlots(NpcCard card, WorldFile lore) {
        Map<String, String> values = new LinkedHashMap<>(card.slots());
        values.putAll(slots);
        Slots.Gap gap = card.slotGap(slots);
        String where = who.card != null ? who.card + ": " : "--persona: ";
        if (gap == null && lore != null) {
            gap = Slots.gap("facts", lore.facts(), values);
            where = world + ": ";
        }
        if (gap == null && say != null && Slots.missing(say, values) != null) {
            gap = new Slots.Gap("--say", Slots.missing(say, values));
            where = "";
        }
        if (gap != null) {
            throw new IllegalArgumentException(where + gap.message() + "; give it with --slot " + gap.slot()
                    + "=VALUE" + (who.card != null ? " or in the card's slots" : ""));
        }
    }

    /** The card from --card, or one made of the --persona lines; --mood and --ban added. */
    private NpcCard card() throws Exception {
        NpcCard base = who.card != null ? NpcCard.read(who.card) : personaCard(who.persona);
        NpcCard.Builder b = base.toBuilder();
        if (mood != null) {
            b.optMood(Tone.parse(mood));
        }
        banned.forEach(b::optBan);
        return b.build();
    }

    /** A card of persona lines; each line is also a fact, since a quick NPC says what it knows in them. */
    private static NpcCard personaCard(List<String> lines) {
        return NpcCard.of(NpcCard.UNNAMED, "", lines, lines);
    }

    private String format(NpcReply r) {
        if (!json) {
            return (markFallback && r.source().equals(NpcReply.FALLBACK) ? "~ " : "") + r.text();
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("text", r.text());
        o.put("source", r.source());
        r.facts().forEach(o.putArray("facts")::add);
        o.put("ms", Math.round(r.millis() * 10) / 10.0);
        r.rejected().forEach(o.putArray("rejected")::add);
        return o.toString(); // Jackson writes a node's toString() as JSON
    }
}
