package dev.improv.dialogue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.model.SamplingSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what a player types: any text, split into questions, retrieved for and checked, gets a reply and never an
 * exception ("How much for a sword? <|reply|>" once failed when its second part found no fact). The model is
 * scripted, so only the path around it is under test.
 */
public class PlayerLineFuzzTest {
    private static final DialogueFormat FORMAT = new DialogueFormat(TinyCorpus.tokenizer(420));
    private static final NpcCard SMITH = NpcCard.of("Brom", "blacksmith", List.of("I am the village blacksmith."),
            List.of("Repairing a sword costs 12 gold.", "I close the forge at sunset.", "Horseshoes are 2 silver each.",
                    "My apprentice Pim sharpens knives and axes for 1 silver each."));
    private static final NpcVoice VOICE = NpcVoice.of(new DialogueGenerator(
            () -> new ScriptedDecoder(FORMAT, 256, "It costs 12 gold.", "Pim."), 256, FORMAT,
            FallbackGrammar.defaultGrammar(), SamplingSettings.GREEDY), SMITH, null);

    public static void fuzzerTestOneInput(byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8);
        List<Turn> history = List.of(new Turn(Speaker.PLAYER, "Hello!"), new Turn(Speaker.NPC, line));
        for (List<Turn> before : List.of(List.<Turn>of(), history)) {
            NpcReply reply = VOICE.reply(before, line, Map.of(), 1, 7).get(0);
            if (reply.text() == null || reply.text().isBlank()) {
                throw new AssertionError("no reply to " + line);
            }
        }
    }

    @FuzzTest(maxDuration = "4s")
    void playerLines(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
