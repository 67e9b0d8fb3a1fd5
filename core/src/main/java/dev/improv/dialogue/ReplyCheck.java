package dev.improv.dialogue;

/** A rule a finished reply must pass, or it is drawn again (see {@link DialogueGenerator#lines(ReplyRequest, ReplyCheck)}). */
@FunctionalInterface
public interface ReplyCheck {
    /** Accepts every reply. */
    ReplyCheck ANY = reply -> null;

    /** What is wrong with {@code reply}, or null if it may be said. */
    String problem(String reply);

    /**
     * Whether {@code reply} (one that may be said) says again what was said already: a line that does not is
     * drawn for while tries remain, yet one that does is still said rather than the authored fallback.
     */
    default boolean repeats(String reply) {
        return false;
    }

    /**
     * Whether the facts given for the line may not answer it (the player asked about something they barely
     * touch): the authored fallback then offers the first as what the NPC knows, not as the answer.
     */
    default boolean doubtsFacts() {
        return false;
    }

    /**
     * Where the reply stands when the NPC says two facts that may answer one line, in turn: the authored fallback
     * states the first without a closing offer ("Anything else?") and the second as one more ("Or, if that's not
     * it: …").
     */
    default Answering answering() {
        return Answering.ALONE;
    }

    /** See {@link #answering()}. */
    enum Answering { ALONE, FIRST, SECOND }

    /**
     * Words a line may be made to open with when the model's own wording repeats what was said ("It costs",
     * "I ask"): the model writes the rest. Empty: no such help.
     */
    default java.util.List<String> openings() {
        return java.util.List.of();
    }

    /**
     * The small talk the player's line is ({@link SmallTalk}), or null: the authored fallback then does that act
     * ("Safe travels.") rather than state a fact.
     */
    default SmallTalk smallTalk() {
        return null;
    }
}
