package dev.improv.serve.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/chat/completions}, OpenAI's request: the system message carries the NPC card (as
 * JSON: name, role, persona, facts, world; or plain text, whose sentences become the persona), user
 * and assistant messages are the player's and the NPC's lines, the last one the player's; a message's
 * content is a text or a list of text parts.
 * {@code stop} cuts each vetted reply at the first stop string ({@link ChatAnswers}), and
 * {@code stream_options.include_usage} asks for the streamed usage chunk. OpenAI fields that make no sense
 * for this model (the penalties, {@code user}) are accepted so that existing clients work, and ignored; so
 * are {@code temperature} and {@code top_p} (checked for range), because the NPC's sampling is the dialogue
 * engine's, set on the server.
 */
public record ChatJob(String model, List<Message> messages, Integer n, Long seed, Integer max_tokens,
                      Integer max_completion_tokens, Boolean stream, JsonNode stream_options, Double temperature,
                      Double top_p, String user, JsonNode stop, Double presence_penalty, Double frequency_penalty) {

    /** One chat message; {@code content} is a text or OpenAI's list of content parts ({@link #text}). */
    public record Message(String role, JsonNode content, String name) {
    }

    /** The card of a system message written as JSON. */
    record SystemCard(String name, String role, List<String> persona, List<String> facts, String mood, String style,
                      List<String> banned, java.util.Map<String, String> slots,
                      java.util.Map<String, List<String>> lines, String world) {
    }

    /** Whether the reply should come as server-sent events. */
    public boolean streamed() {
        return stream != null && stream;
    }

    /** OpenAI's bounds on {@code stop}: up to 4 strings. */
    static final int MAX_STOPS = 4;

    /**
     * The stop strings: {@code stop} as a text or a list of up to {@value #MAX_STOPS} texts (null: none), each
     * non-empty; else a {@link BadRequest} naming {@code stop}.
     */
    public List<String> stops() {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        List<JsonNode> given = new ArrayList<>();
        if (stop.isArray()) {
            stop.forEach(given::add);
        } else {
            given.add(stop);
        }
        BadRequest.check(given.size() <= MAX_STOPS, "stop", "has more than " + MAX_STOPS + " stop strings");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = stop.isArray() ? "stop[" + i + "]" : "stop";
            BadRequest.check(given.get(i).isTextual(), field, "must be a text (or stop a list of texts), got " + kind(given.get(i)));
            BadRequest.check(!given.get(i).asText().isEmpty(), field, "may not be empty");
            stops.add(BadRequest.text(given.get(i).asText(), "", 100, field));
        }
        return stops;
    }

    /**
     * Whether a stream ends with OpenAI's usage chunk ({@code stream_options: {"include_usage": true}}); the
     * options are refused unless {@code stream} is true, as OpenAI does.
     */
    public boolean includeUsage() {
        if (stream_options == null || stream_options.isNull()) {
            return false;
        }
        BadRequest.check(streamed(), "stream_options", "is only allowed when stream is true");
        BadRequest.check(stream_options.isObject(), "stream_options", "must be an object, got " + kind(stream_options));
        stream_options.fieldNames().forEachRemaining(name -> BadRequest.check(name.equals("include_usage"),
                "stream_options", "takes include_usage only, got " + Json.quoted(name)));
        JsonNode include = stream_options.path("include_usage");
        BadRequest.check(include.isMissingNode() || include.isNull() || include.isBoolean(),
                "stream_options.include_usage", "must be true or false, got " + kind(include));
        return include.asBoolean(false);
    }

    /** The dialogue request this chat stands for, or a {@link BadRequest} naming the field. */
    public DialogueJob toDialogue(ObjectMapper json) {
        stops();
        includeUsage();
        BadRequest.check(messages != null && !messages.isEmpty(), "messages", "is required and may not be empty");
        BadRequest.check(messages.size() <= DialogueJob.MAX_ITEMS + 2, "messages", "has more than " + (DialogueJob.MAX_ITEMS + 2));
        BadRequest.check(temperature == null || (temperature >= 0 && temperature <= 2), "temperature", "must be in [0, 2]");
        BadRequest.check(top_p == null || (top_p > 0 && top_p <= 1), "top_p", "must be in (0, 1]");
        // Ignored, as temperature is, but held to OpenAI's range: a client's mistake is told, not passed over.
        BadRequest.check(presence_penalty == null || Math.abs(presence_penalty) <= 2, "presence_penalty", "must be in [-2, 2]");
        BadRequest.check(frequency_penalty == null || Math.abs(frequency_penalty) <= 2, "frequency_penalty", "must be in [-2, 2]");
        DialogueJob.Card card = null;
        String world = null;
        List<DialogueJob.Line> history = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String field = "messages[" + i + "]";
            BadRequest.check(m != null && m.role() != null, field + ".role", "is required");
            String content = text(m.content(), field + ".content");
            switch (m.role()) {
                case "system", "developer" -> {
                    BadRequest.check(card == null, field, "only one system message (the card) is allowed");
                    String text = content.strip();
                    if (text.startsWith("{")) {
                        SystemCard c = Json.read(json, text, SystemCard.class, field + ".content");
                        card = new DialogueJob.Card(c.name(), c.role(), c.persona(), c.facts(), c.mood(), c.style(),
                                c.banned(), c.slots(), c.lines());
                        world = c.world();
                    } else {
                        card = JobCards.ofSystemText(text);
                    }
                }
                case "user" -> history.add(new DialogueJob.Line("player", content));
                case "assistant" -> history.add(new DialogueJob.Line("npc", content));
                default -> throw new BadRequest(field + ".role", "must be system, user or assistant, got '" + m.role() + "'");
            }
        }
        BadRequest.check(card != null, "messages", "need a system message carrying the NPC card");
        BadRequest.check(!history.isEmpty() && history.get(history.size() - 1).speaker().equals("player"),
                "messages", "must end with the player's (user) message");
        String say = history.remove(history.size() - 1).text();
        Integer tokens = max_completion_tokens != null ? max_completion_tokens : max_tokens;
        String field = max_completion_tokens != null ? "max_completion_tokens" : "max_tokens";
        BadRequest.check(tokens == null || (tokens >= DialogueJob.MIN_TOKENS && tokens <= DialogueJob.MAX_TOKENS), field,
                "must be in [" + DialogueJob.MIN_TOKENS + ", " + DialogueJob.MAX_TOKENS + "], got " + tokens);
        return new DialogueJob(model, card, world, history, say, n, seed, null, null, null, tokens, null).checked();
    }

    /**
     * A message's text: a text, or OpenAI's list of content parts, whose text parts are read as one line (SDKs and
     * chat front ends send the list form; it was refused as "must be a text, got a list"). Other parts (images,
     * audio) are refused by name: an NPC reads text.
     */
    private static String text(JsonNode content, String field) {
        BadRequest.check(content != null && !content.isNull(), field, "is required");
        if (content.isTextual()) {
            return content.asText();
        }
        BadRequest.check(content.isArray() && !content.isEmpty(), field, "must be a text or a list of text parts, got "
                + (content.isArray() ? "an empty list" : kind(content)));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String at = field + "[" + i + "]";
            BadRequest.check(part.isObject(), at, "must be a text part {\"type\": \"text\", \"text\": ...}, got " + kind(part));
            part.fieldNames().forEachRemaining(name -> BadRequest.check(name.equals("type") || name.equals("text"),
                    at, "a text part has type and text only, got " + Json.quoted(name)));
            BadRequest.check(part.path("type").isTextual(), at + ".type", "is required: text");
            BadRequest.check(part.path("type").asText().equals("text"), at + ".type",
                    "must be text (an NPC reads text only), got " + Json.quoted(part.path("type").asText()));
            BadRequest.check(part.path("text").isTextual(), at + ".text", "must be a text, got " + kind(part.path("text")));
            texts.add(part.path("text").asText());
        }
        return String.join(" ", texts);
    }

    /** What a JSON value is, in a message's words. */
    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case MISSING -> "nothing";
            default -> "null";
        };
    }
}
