package dev.improv.serve.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What a chat answer adds to the dialogue engine's replies for OpenAI's clients: each reply cut at the first of the
 * request's {@code stop} strings, and the {@code usage} it reports. The cut is made on the line the engine has
 * vetted (banned words, invented facts, fallback), so a client gets a prefix of a line it could have seen whole,
 * never a line the checks did not pass; a cut may drop the fact the line states, as the client asked.
 */
public final class ChatAnswers {
    private ChatAnswers() {
    }

    /**
     * {@code answer} (the dialogue engine's {@code replies}) with each text cut at its first stop string and OpenAI's
     * {@code usage} added: {@code prompt_tokens} the messages' texts and {@code completion_tokens} the replies as
     * sent (every choice's), both in {@code tokens}, the dialogue model's tokenizer.
     */
    public static ObjectNode finish(ChatJob chat, ObjectNode answer, ToIntFunction<String> tokens) {
        List<String> stops = chat.stops();
        int completion = 0;
        for (JsonNode reply : answer.path("replies")) {
            String text = cut(reply.path("text").asText(), stops);
            ((ObjectNode) reply).put("text", text);
            completion += tokens.applyAsInt(text);
        }
        int prompt = chat.texts().stream().mapToInt(tokens).sum();
        ObjectNode usage = answer.putObject("usage");
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
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
