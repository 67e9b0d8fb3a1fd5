package dev.improv.dialogue;

/** A rule a finished reply must pass, or it is drawn again (see {@link DialogueGenerator#lines(ReplyRequest, ReplyCheck)}). */
@FunctionalInterface
public interface ReplyCheck {
    /** Accepts every reply. */
    ReplyCheck ANY = reply -> null;

    /** What is wrong with {@code reply}, or null if it may be said. */
    String problem(String reply);
}
