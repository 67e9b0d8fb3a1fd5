package dev.improv.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Cancellation;
import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.dialogue.BannedWords;
import dev.improv.dialogue.Slots;
import java.time.Duration;

/**
 * NPC lines from a server: an Improv service ({@code -Dimprov.remote.url=http://host:8080/}, its
 * {@code /v1/dialogue}) or any OpenAI-compatible chat server, such as a studio's own GPU language-model
 * server ({@code -Dimprov.remote.openai.url=http://host/v1}, {@code -Dimprov.remote.openai.model=NAME},
 * optional {@code -Dimprov.remote.openai.key=KEY}). Choose it with {@code -Dimprov.dialogue.engine=remote}.
 * The request's deadline travels with it and cancellation abandons the call; the rules are applied
 * here, on Improv's side, whatever the server: slots filled, a line with a banned word refused,
 * and the authored grammar speaks when the server fails, is late or breaks a rule.
 */
public final class RemoteDialogueProvider implements DialogueEngineProvider {
    /** Base URL of an Improv service (shared by every remote engine). */
    public static final String URL_PROPERTY = RemoteCall.URL_PROPERTY;
    /** API key for the Improv service (sent as a bearer token), optional. */
    public static final String KEY_PROPERTY = RemoteCall.KEY_PROPERTY;
    /** Base URL of an OpenAI-compatible server (up to and including {@code /v1}); used when set. */
    public static final String OPENAI_URL_PROPERTY = "improv.remote.openai.url";
    public static final String OPENAI_MODEL_PROPERTY = "improv.remote.openai.model";
    public static final String OPENAI_KEY_PROPERTY = "improv.remote.openai.key";
    @Override
    public String name() {
        return "remote";
    }

    /** Never the default: a game chooses a server deliberately. */
    @Override
    public int rank() {
        return 0;
    }

    @Override
    public DialogueEngine newEngine() {
        String openAi = System.getProperty(OPENAI_URL_PROPERTY);
        String improv = System.getProperty(URL_PROPERTY);
        if (openAi == null && improv == null) {
            throw new IllegalStateException("the remote dialogue engine needs -D" + URL_PROPERTY + "=http://host:port/ "
                    + "(an Improv service) or -D" + OPENAI_URL_PROPERTY + "=http://host/v1 (an OpenAI-compatible server)");
        }
        DialogueEngine fallback = new GrammarDialogueProvider().newEngine();
        Remote remote = openAi != null
                ? new Remote(new RemoteCall(RemoteCall.endpoint(openAi, "chat/completions"), System.getProperty(OPENAI_KEY_PROPERTY)),
                        System.getProperty(OPENAI_MODEL_PROPERTY, "default"), true)
                : new Remote(RemoteCall.improvService("v1/dialogue", "dialogue"), null, false);
        return (request, cancellation) -> {
            cancellation.throwIfCancelled();
            DialogueLine line = remote.reply(request, cancellation);
            BannedWords banned = new BannedWords(request.banned());
            if (line == null || line.text().isBlank() || banned.matches(line.text())) {
                return fallback.generate(request, cancellation);
            }
            return line;
        };
    }

    /** One server and how to talk to it. */
    private static final class Remote {
        private final ObjectMapper json = RemoteCall.JSON;
        private final RemoteCall call;
        private final String model;
        private final boolean openAi;

        Remote(RemoteCall call, String model, boolean openAi) {
            this.call = call;
            this.model = model;
            this.openAi = openAi;
        }

        /** The server's line, or null if it failed or the deadline passed; throws only on cancellation. */
        DialogueLine reply(DialogueRequest request, Cancellation cancellation) {
            JsonNode answer = call.post(budget -> openAi ? chatBody(request) : improvBody(request, budget), cancellation);
            return answer == null ? null : text(answer, request);
        }

        /** The line in the server's answer; an Improv service also says whether its own fallback wrote it. */
        private DialogueLine text(JsonNode answer, DialogueRequest request) {
            JsonNode t = openAi ? answer.path("choices").path(0).path("message").path("content")
                    : answer.path("replies").path(0).path("text");
            String source = openAi ? DialogueLine.MODEL
                    : DialogueLine.FALLBACK.equals(answer.path("replies").path(0).path("source").asText()) ? DialogueLine.FALLBACK : DialogueLine.MODEL;
            return t.isTextual() ? new DialogueLine(Slots.fill(t.asText().strip(), request.slots()), source) : null;
        }

        private ObjectNode improvBody(DialogueRequest request, Duration budget) {
            ObjectNode body = json.createObjectNode();
            ArrayNode persona = body.putObject("card").putArray("persona");
            request.persona().forEach(persona::add);
            ArrayNode history = body.putArray("history");
            for (DialogueTurn t : request.history()) {
                history.addObject().put("speaker", t.byPlayer() ? "player" : "npc").put("text", t.text());
            }
            body.put("seed", request.seed());
            if (!request.mood().isBlank()) {
                body.put("mood", request.mood());
            }
            ArrayNode ban = body.putArray("ban");
            request.banned().forEach(ban::add);
            ObjectNode slots = body.putObject("slot");
            request.slots().forEach(slots::put);
            // The server's own fallback then answers in time, rather than being cut off.
            body.put("deadline_ms", Math.max(1, budget.minus(DialogueRequests.MARGIN).toMillis()));
            return body;
        }

        private ObjectNode chatBody(DialogueRequest request) {
            ObjectNode body = json.createObjectNode();
            body.put("model", model);
            body.put("seed", request.seed());
            ArrayNode messages = body.putArray("messages");
            messages.addObject().put("role", "system").put("content", Slots.fill(String.join(" ", request.persona()), request.slots()));
            for (DialogueTurn t : request.history()) {
                messages.addObject().put("role", t.byPlayer() ? "user" : "assistant").put("content", Slots.fill(t.text(), request.slots()));
            }
            return body;
        }
    }
}
