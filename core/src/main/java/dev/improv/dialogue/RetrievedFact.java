package dev.improv.dialogue;

/**
 * A fact found for a player's line.
 *
 * @param text   the fact as written on the card, in the world file or in the conversation
 * @param source where it came from: {@link FactRetriever#CARD}, {@link FactRetriever#WORLD} or {@link FactRetriever#HISTORY}
 * @param score  BM25 relevance plus intent bonus; higher is better, comparable only within one call
 */
public record RetrievedFact(String text, String source, float score) {
}
