package dev.improv.serve.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a chat answer adds to the dialogue engine's replies for OpenAI's clients: each reply cut at the first of the
 * request's {@code stop} strings. The cut is made on the line the engine has
 * vetted (banned words, invented facts, fallback), so a client gets a prefix of a line it could have seen whole,
 * never a line the checks did not pass; a cut may drop the fact the line states, as the client asked.
 */
public final class ChatAnswers {
    private ChatAnswers() {
    }

    /**
     * {@code answer} (the dialogue engine's {@code replies}) with each text cut at its first stop string. Its
     * {@code usage} stays as the decoders counted it: the cut is made after the line was generated whole.
     */
    public static ObjectNode finish(ChatJob chat, ObjectNode answer) {
        List<String> stops = chat.stops();
        for (JsonNode reply : answer.path("replies")) {
            ((ObjectNode) reply).put("text", cut(reply.path("text").asText(), stops));
        }
        return answer;
    }

    /** {@code text} up to, not including, the earliest of {@code stops} in it (OpenAI's stop sequences). */
    static String cut(String text, List<String> stops) {
        int end = text.length();
        for (String stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(0, end);
    }
}
