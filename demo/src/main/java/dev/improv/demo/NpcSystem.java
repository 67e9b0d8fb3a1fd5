package dev.improv.demo;

import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.api.Outcome;
import dev.improv.model.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts NPCs on flat ground in arriving chunks and gives them lines: a line is requested when the
 * player comes within sight, shown in a bubble when it arrives, and replaced by the persona's
 * authored line when the engine misses its deadline. Render thread only; requests go out through
 * {@code ask} and come back through {@link #arrived}.
 */
final class NpcSystem {
    /**
     * Distance (tiles) at which an NPC is asked for its line: a few tiles before it comes into view,
     * so at full run the line has about 2.5 s (the deadline) before the player reaches the NPC.
     */
    static final float ASK_DISTANCE = 22f;
    static final Duration DEADLINE = Duration.ofMillis(2500);
    static final float SHOW_SECONDS = 6f;

    /** Sends a request; the outcome must come back via {@link #arrived} on the render thread. */
    interface Asker {
        void ask(Npc npc, DialogueRequest request, Duration deadline);
    }

    final List<Npc> npcs = new ArrayList<>();
    private final long seed;
    private final String place;
    private final Asker asker;
    private int next;
    /** Lines shown by source, and the latency of the last one. */
    int fromModel;
    int fromFallback;
    int authored;
    long lastLatencyMs = -1;
    String lastSource = "";
    final List<Long> latenciesMs = new ArrayList<>();

    NpcSystem(long seed, Asker asker) {
        this.seed = seed;
        this.asker = asker;
        String[] places = {"Mossbrook", "Tallpine", "Ember Hollow", "Saltmere", "Brightwater", "Cobble End"};
        this.place = places[(int) Math.floorMod(SeededRandom.mix(seed, 99), (long) places.length)];
    }

    /** The world's name in this seed (the {place} slot). */
    String place() {
        return place;
    }

    /** Places an NPC on the chunk starting at column {@code first} if it is every other one and has flat ground. */
    void onChunk(LevelMap map, int first, int width, int chunkIndex) {
        if (chunkIndex % 2 != 1) {
            return;
        }
        for (int x = first + 3; x < first + width - 3; x++) {
            int g = map.groundLevel(x);
            if (g > 0 && g < map.height() - 3 && (map.groundLevel(x - 1) == g || map.groundLevel(x + 1) == g)
                    && !map.solid(x, g + 1) && !map.solid(x, g + 2)) {
                Persona p = Persona.cast().get(Math.floorMod(next + (int) seed, Persona.cast().size()));
                npcs.add(new Npc(next++, x, g, p));
                return;
            }
        }
    }

    /** Asks NPCs coming into view for their lines; ages the bubbles. */
    void update(World world, float dt) {
        if (world.player == null) {
            return;
        }
        float px = world.player.centreX();
        for (Npc n : npcs) {
            float dx = n.x + 0.5f - px;
            if (n.speech == Npc.Speech.SILENT && dx < ASK_DISTANCE && dx > -2) {
                n.speech = Npc.Speech.ASKED;
                n.askedNanos = System.nanoTime();
                asker.ask(n, request(n, world), DEADLINE);
            } else if (n.speech == Npc.Speech.SPEAKING) {
                n.shownSeconds += dt;
                if (n.shownSeconds > SHOW_SECONDS && Math.abs(dx) > 6) {
                    n.speech = Npc.Speech.DONE;
                }
            }
        }
        npcs.removeIf(n -> n.x < px - 40);
    }

    /** Columns ahead of an NPC that it knows about: about two screens of road. */
    static final int KNOWS_AHEAD = 40;

    private DialogueRequest request(Npc n, World world) {
        DialogueRequest.Builder b = DialogueRequest.builder();
        n.persona.facts().forEach(b::addPersona);
        knows(n, world).forEach(b::addFact);
        return b.addTurn(DialogueTurn.player(n.persona.opener()))
                .optMood(n.persona.mood())
                .optSlot("place", place)
                .optSlot("item", n.id % 2 == 0 ? "lanterns" : "apples")
                .optSlot("player", "Pip")
                .optSeed(SeededRandom.mix(seed, n.id))
                .build();
    }

    /**
     * What this NPC knows from the game right now: the shopkeeper its wares and prices, the guard what
     * the road ahead really holds, the hermit where coins lie; the others one thing of the road each.
     */
    List<String> knows(Npc n, World world) {
        World.Ahead a = world.ahead((int) n.x, (int) n.x + KNOWS_AHEAD);
        List<String> facts = new ArrayList<>();
        switch (n.persona.role()) {
            case "shopkeeper" -> {
                for (int i = 0; i < WARES.length; i++) {
                    long price = 1 + Math.floorMod(SeededRandom.mix(seed, n.id, i), 9L);
                    facts.add(String.format(WARES[i], price, price == 1 ? "" : "s"));
                }
            }
            case "guard" -> {
                facts.add(a.enemies() == 0 ? "The road ahead is clear of monsters."
                        : a.enemies() == 1 ? "There is 1 monster on the road ahead."
                        : "There are " + a.enemies() + " monsters on the road ahead.");
                facts.add(a.gaps() == 0 ? "The road ahead has no pits." : "The road ahead has " + a.gaps()
                        + (a.gaps() == 1 ? " pit." : " pits."));
            }
            case "hermit" -> facts.add(a.coins() == 0 ? "There are no coins on the road ahead."
                    : a.coins() == 1 ? "There is 1 coin hidden on the road ahead."
                    : "There are " + a.coins() + " coins hidden on the road ahead.");
            case "miner" -> facts.add(a.gaps() == 0 ? "The ground ahead is solid." : "The ground ahead is broken in "
                    + a.gaps() + (a.gaps() == 1 ? " place." : " places."));
            default -> facts.add(a.enemies() == 0 ? "I saw no monsters on the road ahead."
                    : "I saw " + a.enemies() + " monsters on the road ahead.");
        }
        return facts;
    }

    /** The shopkeeper's wares; prices are drawn per NPC from the world's seed. */
    private static final String[] WARES = {"A lantern costs %d coin%s.", "Rope is %d coin%s a coil.",
            "A bag of {item} costs %d coin%s."};

    /** Shows what came back for {@code npc}: the generated line, or the authored one if there is none. */
    void arrived(Npc npc, Outcome<DialogueLine> outcome) {
        DialogueLine line = outcome.orElseGet(() -> DialogueLine.authored(fill(npc.persona.authored())));
        npc.text = line.text();
        npc.source = line.source();
        npc.speech = Npc.Speech.SPEAKING;
        npc.shownSeconds = 0;
        lastLatencyMs = (System.nanoTime() - npc.askedNanos) / 1_000_000;
        latenciesMs.add(lastLatencyMs);
        lastSource = line.source();
        switch (line.source()) {
            case DialogueLine.MODEL -> fromModel++;
            case DialogueLine.FALLBACK -> fromFallback++;
            default -> authored++;
        }
    }

    private String fill(String text) {
        return text.replace("{place}", place).replace("{player}", "Pip").replace("{item}", "lanterns");
    }
}
