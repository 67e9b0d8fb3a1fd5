package dev.improv.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The OpenAI chat-completions answer shapes for dialogue replies: one {@code chat.completion}, or
 * the {@code chat.completion.chunk} events of a stream. A reply is streamed only once it is whole,
 * because the dialogue engine checks a line (banned words, rules, fallback) before anyone may see
 * it; the events then carry it a word at a time, as clients expect.
 */
final class ChatReplies {
    private final ObjectMapper json;
    private final String id = "chatcmpl-" + UUID.randomUUID();
    private final long created = System.currentTimeMillis() / 1000;
    private final String model;

    ChatReplies(ObjectMapper json, String model) {
        this.json = json;
        this.model = model;
    }

    /** The non-streaming answer. */
    ObjectNode completion(JsonNode replies) {
        ObjectNode out = head("chat.completion");
        ArrayNode choices = out.putArray("choices");
        int i = 0;
        for (JsonNode r : replies.path("replies")) {
            ObjectNode c = choices.addObject();
            c.put("index", i++);
            ObjectNode m = c.putObject("message");
            m.put("role", "assistant");
            m.put("content", r.path("text").asText());
            c.put("finish_reason", "stop");
            c.put("improv_source", r.path("source").asText());
        }
        out.set("usage", replies.path("usage").deepCopy());
        return out;
    }

    /**
     * The streamed answer: the data of each server-sent event, in order, ending with {@code [DONE]}; with
     * {@code includeUsage} (OpenAI's {@code stream_options.include_usage}) every chunk carries {@code "usage": null}
     * and one more, with no choices, carries the usage before {@code [DONE]}, as OpenAI streams it.
     */
    List<String> events(JsonNode replies, boolean includeUsage) {
        List<ObjectNode> chunks = new ArrayList<>();
        int i = 0;
        for (JsonNode r : replies.path("replies")) {
            ObjectNode first = chunk(i);
            first.withObject("/choices/0/delta").put("role", "assistant").put("content", "");
            chunks.add(first);
            String[] words = r.path("text").asText().split("(?<= )");
            for (String w : words) {
                ObjectNode c = chunk(i);
                c.withObject("/choices/0/delta").put("content", w);
                chunks.add(c);
            }
            ObjectNode end = chunk(i);
            end.withObject("/choices/0/delta");
            ((ObjectNode) end.path("choices").get(0)).put("finish_reason", "stop");
            chunks.add(end);
            i++;
        }
        if (includeUsage) {
            chunks.forEach(c -> c.putNull("usage"));
            ObjectNode last = head("chat.completion.chunk");
            last.putArray("choices");
            last.set("usage", replies.path("usage").deepCopy());
            chunks.add(last);
        }
        List<String> events = new ArrayList<>();
        chunks.forEach(c -> events.add(c.toString()));
        events.add("[DONE]");
        return events;
    }

    private ObjectNode chunk(int index) {
        ObjectNode c = head("chat.completion.chunk");
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", index);
        choice.putNull("finish_reason");
        return c;
    }

    private ObjectNode head(String object) {
        ObjectNode out = json.createObjectNode();
        out.put("id", id);
        out.put("object", object);
        out.put("created", created);
        out.put("model", model);
        return out;
    }
}
