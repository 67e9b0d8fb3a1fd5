package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.api.Improv;
import dev.improv.api.Outcome;
import dev.improv.engines.RemoteDialogueProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A game switched to the remote dialogue engine by one property gets the service's line, through
 * the api with its deadline; with the server gone, the authored grammar speaks. Against a real
 * {@code improv serve} on loopback, in both of its dialects (Improv's and OpenAI's).
 */
class RemoteDialogueTest {
    private static final String[] PROPERTIES = {"improv.dialogue.engine", RemoteDialogueProvider.URL_PROPERTY,
            dev.improv.engines.TransformerDialogueProvider.MODEL_PROPERTY,
            RemoteDialogueProvider.OPENAI_URL_PROPERTY, RemoteDialogueProvider.OPENAI_MODEL_PROPERTY};

    @AfterEach
    void clear() {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
    }

    private static DialogueRequest request() {
        return DialogueRequest.builder().addPersona("I am the miller.").addPersona("I grind wheat every morning.")
                .addTurn(DialogueTurn.player("Good morning! What do you do?")).optSeed(4).build();
    }

    private static DialogueLine line() {
        try (Improv improv = Improv.open()) {
            Outcome<DialogueLine> o = improv.line(request(), Duration.ofSeconds(60)).await();
            assertEquals(Outcome.Status.COMPLETED, o.status(), o.message());
            return o.value();
        }
    }

    @Test
    void theRemoteEngineGivesTheServicesLine() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 8))) {
            DialogueFixture.use();
            com.fasterxml.jackson.databind.JsonNode reply = Http.json(Http.post(node.uri(), "v1/dialogue", "{\"card\":{\"persona\":[\"I am the miller.\","
                    + "\"I grind wheat every morning.\"]},\"history\":[{\"speaker\":\"player\",\"text\":\"Good morning! What do you do?\"}],"
                    + "\"seed\":4}")).path("replies").get(0);
            String direct = reply.path("text").asText();
            String directSource = reply.path("source").asText();
            System.setProperty("improv.dialogue.engine", "remote");
            System.setProperty(RemoteDialogueProvider.URL_PROPERTY, node.uri().toString());
            DialogueLine remote = line();
            assertEquals(direct, remote.text());
            assertEquals(directSource, remote.source());

            System.clearProperty(RemoteDialogueProvider.URL_PROPERTY);
            System.setProperty(RemoteDialogueProvider.OPENAI_URL_PROPERTY, node.uri().resolve("v1").toString());
            System.setProperty(RemoteDialogueProvider.OPENAI_MODEL_PROPERTY, "dialogue");
            DialogueLine viaOpenAi = line();
            assertEquals(direct, viaOpenAi.text(), "the OpenAI dialect carries the same card, history and seed");
        }
    }

    @Test
    void withTheServerGoneTheGrammarSpeaks() throws Exception {
        java.net.URI gone;
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 1))) {
            gone = node.uri();
        }
        System.setProperty("improv.dialogue.engine", "remote");
        System.setProperty(RemoteDialogueProvider.URL_PROPERTY, gone.toString());
        DialogueLine line = line();
        assertEquals(DialogueLine.FALLBACK, line.source());
    }
}
