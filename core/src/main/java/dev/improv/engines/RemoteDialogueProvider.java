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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** Base URL of an Improv service. */
    public static final String URL_PROPERTY = "improv.remote.url";
    /** API key for the Improv service (sent as a bearer token), optional. */
    public static final String KEY_PROPERTY = "improv.remote.key";
    /** Base URL of an OpenAI-compatible server (up to and including {@code /v1}); used when set. */
    public static final String OPENAI_URL_PROPERTY = "improv.remote.openai.url";
    public static final String OPENAI_MODEL_PROPERTY = "improv.remote.openai.model";
    public static final String OPENAI_KEY_PROPERTY = "improv.remote.openai.key";
    /** A call with no deadline still ends after this long. */
    static final Duration LONGEST = Duration.ofSeconds(30);

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
                ? new Remote(endpoint(openAi, "chat/completions"), System.getProperty(OPENAI_KEY_PROPERTY),
                        System.getProperty(OPENAI_MODEL_PROPERTY, "default"), true)
                : new Remote(endpoint(improv, "v1/dialogue"), System.getProperty(KEY_PROPERTY), null, false);
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

    private static URI endpoint(String base, String path) {
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(path);
    }

    /** One server and how to talk to it. */
    private static final class Remote {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper();
        private final URI uri;
        private final String key;
        private final String model;
        private final boolean openAi;

        Remote(URI uri, String key, String model, boolean openAi) {
            this.uri = uri;
            this.key = key;
            this.model = model;
            this.openAi = openAi;
        }

        /** The server's line, or null if it failed or the deadline passed; throws only on cancellation. */
        DialogueLine reply(DialogueRequest request, Cancellation cancellation) {
            Duration left = cancellation.remaining();
            Duration budget = left == null ? LONGEST : left.minus(DialogueRequests.MARGIN);
            if (budget.isNegative() || budget.isZero()) {
                return null;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(budget)
                    .header("Content-Type", "application/json")
                    .header("X-Deadline-Ms", Long.toString(Math.max(1, budget.toMillis())))
                    .POST(HttpRequest.BodyPublishers.ofString((openAi ? chatBody(request) : improvBody(request, budget)).toString()));
            if (key != null && !key.isBlank()) {
                b.header("Authorization", "Bearer " + key);
            }
            CompletableFuture<HttpResponse<String>> call = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
            long until = System.nanoTime() + budget.toNanos();
            try {
                while (true) {
                    if (cancellation.isCancelled()) {
                        call.cancel(true);
                        cancellation.throwIfCancelled();
                    }
                    long wait = Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(10));
                    if (wait <= 0) {
                        call.cancel(true);
                        return null;
                    }
                    try {
                        HttpResponse<String> r = call.get(wait, TimeUnit.NANOSECONDS);
                        return r.statusCode() == 200 ? text(json.readTree(r.body()), request) : null;
                    } catch (TimeoutException stillWaiting) {
                        // check cancellation again
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                return null;
            } catch (ExecutionException | java.io.IOException e) {
                return null; // unreachable or unreadable: the fallback speaks
            }
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
