package dev.improv.dialogue;

/**
 * A fact found for a player's line.
 *
 * @param text   the fact as written on the card, in the world file or in the conversation
 * @param source where it came from: {@link FactRetriever#CARD}, {@link FactRetriever#WORLD}, {@link FactRetriever#HISTORY}
 *               or {@link FactRetriever#PLAYER}
 * @param score  BM25 relevance plus intent bonus; higher is better, comparable only within one call
 * @param line   the whole card or world line {@code text} is a clause of ("Blood packs are in short
 *               supply; only eight are left." for "Blood packs are in short supply."); {@code text}
 *               itself when the line was not split
 * @param doubtful whether it may be about something else than what the player asked: it shares no word (nor a
 *               synonym or relative) with what the line asks about, the intent aside ("How much is a plasma
 *               rifle?" finds the oxygen canister's price by "how much" and meaning alone), or its meaning, by the
 *               installed {@link SentenceEncoder}, stands no closer to the line than the card's other lines do
 *               ("Who cooks the food in the mess hall?" finds the commander who approves weapons). Never for a
 *               line reached through a name the found lines share.
 * @param meaning its cosine with the player's line by the installed {@link SentenceEncoder}; NaN when not known
 */
public record RetrievedFact(String text, String source, float score, String line, boolean doubtful, float meaning) {
    /** A fact whose meaning was not measured. */
    public RetrievedFact(String text, String source, float score, String line, boolean doubtful) {
        this(text, source, score, line, doubtful, Float.NaN);
    }

    /** A fact that is a whole line. */
    public RetrievedFact(String text, String source, float score) {
        this(text, source, score, text, false);
    }

    /** A fact not judged by meaning. */
    public RetrievedFact(String text, String source, float score, String line) {
        this(text, source, score, line, false);
    }
}
