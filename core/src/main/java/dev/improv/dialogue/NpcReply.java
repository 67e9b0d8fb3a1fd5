package dev.improv.dialogue;

import java.util.List;

/**
 * One line an NPC said in answer to the player, with what it drew on.
 *
 * @param text   the line
 * @param source {@code "model"} if the dialogue model wrote it, {@code "fallback"} if an authored line did
 * @param facts  the facts the line states (for a model line that states none of them: every fact it was given)
 * @param millis   time to make this line, retrieval included
 * @param rejected why each reply drawn before this one was not said ("states 15 gold, found in no card ...")
 */
public record NpcReply(String text, String source, List<String> facts, double millis, List<String> rejected) {
    public static final String MODEL = "model";
    public static final String FALLBACK = "fallback";

    public NpcReply {
        facts = List.copyOf(facts);
        rejected = List.copyOf(rejected);
    }
}
