package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.dialogue.BytePairTokenizer;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.model.LanguageModel;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's {@code usage} and {@code stop} on {@code /v1/chat/completions}, as OpenAI's SDKs read them: the counts in
 * the dialogue model's own tokens, a reply cut at its first stop string, and the streamed usage chunk.
 */
class ChatUsageTest {
    private static final String SYSTEM = "I am the blacksmith of this village. I love my anvil.";
    private static final String SAY = "What do you make?";
    private static ServiceNode node;
    private static URI base;
    private static BytePairTokenizer tokenizer;

    @BeforeAll
    static void start() throws Exception {
        DialogueFixture.use();
        tokenizer = DialogueGenerator.tokenizerOf(LanguageModel.load(DialogueFixture.folder()));
        node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(4, 4));
        base = node.uri();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String chat(String extra) {
        return "{\"model\":\"dialogue\",\"seed\":5,\"max_tokens\":30" + extra + ",\"messages\":[{\"role\":\"system\",\"content\":"
                + Http.JSON.valueToTree(SYSTEM) + "},{\"role\":\"user\",\"content\":" + Http.JSON.valueToTree(SAY) + "}]}";
    }

    private static int tokens(String text) {
        return tokenizer.encode(text).length;
    }

    @Test
    void anAnswerReportsItsUsageInTheDialogueModelsTokens() {
        JsonNode c = Http.json(Http.post(base, "v1/chat/completions", chat(",\"n\":2")));
        JsonNode usage = c.path("usage");
        assertTrue(usage.isObject(), "no usage in " + c);
        int completion = 0;
        for (JsonNode choice : c.path("choices")) {
            completion += tokens(choice.path("message").path("content").asText());
        }
        assertTrue(completion > 0, c.toString());
        assertEquals(tokens(SYSTEM) + tokens(SAY), usage.path("prompt_tokens").asInt(), c.toString());
        assertEquals(completion, usage.path("completion_tokens").asInt(), "every choice's tokens: " + c);
        assertEquals(tokens(SYSTEM) + tokens(SAY) + completion, usage.path("total_tokens").asInt());
    }

    @Test
    void aReplyIsCutAtItsFirstStopString() {
        String whole = Http.json(Http.post(base, "v1/chat/completions", chat(""))).path("choices").get(0)
                .path("message").path("content").asText();
        // A stop string from inside the reply: its second word, and one that never comes.
        String[] words = whole.split(" ");
        assertTrue(words.length >= 2, "the fixture's reply has two words: " + whole);
        String stop = " " + words[1];
        String expected = whole.substring(0, whole.indexOf(stop));
        JsonNode cut = Http.json(Http.post(base, "v1/chat/completions",
                chat(",\"stop\":[\"never said 0123\"," + Http.JSON.valueToTree(stop) + "]")));
        JsonNode choice = cut.path("choices").get(0);
        assertEquals(expected, choice.path("message").path("content").asText(), cut.toString());
        assertEquals("stop", choice.path("finish_reason").asText());
        assertEquals(tokens(expected), cut.path("usage").path("completion_tokens").asInt(), "the tokens sent are counted");
        // A text is one stop string; streamed, the same cut.
        JsonNode one = Http.json(Http.post(base, "v1/chat/completions", chat(",\"stop\":" + Http.JSON.valueToTree(stop))));
        assertEquals(expected, one.path("choices").get(0).path("message").path("content").asText());
        assertEquals(expected, streamedText(events(Http.post(base, "v1/chat/completions",
                chat(",\"stream\":true,\"stop\":" + Http.JSON.valueToTree(stop))))));
    }

    @Test
    void aStreamEndsWithTheUsageChunkWhenAskedAsOpenAiSendsIt() {
        JsonNode whole = Http.json(Http.post(base, "v1/chat/completions", chat("")));
        List<String> asked = events(Http.post(base, "v1/chat/completions",
                chat(",\"stream\":true,\"stream_options\":{\"include_usage\":true}")));
        assertEquals("[DONE]", asked.get(asked.size() - 1));
        JsonNode last = Http.json(asked.get(asked.size() - 2));
        assertEquals("chat.completion.chunk", last.path("object").asText());
        assertEquals(0, last.path("choices").size(), "the usage chunk has no choices: " + last);
        assertEquals(whole.path("usage"), last.path("usage"));
        for (String e : asked.subList(0, asked.size() - 2)) {
            JsonNode chunk = Http.json(e);
            assertTrue(chunk.has("usage") && chunk.path("usage").isNull(), "every other chunk says usage null: " + e);
        }
        assertEquals(whole.path("choices").get(0).path("message").path("content").asText(), streamedText(asked));
        // Not asked: no usage anywhere, as OpenAI streams.
        for (String e : events(Http.post(base, "v1/chat/completions", chat(",\"stream\":true")))) {
            assertFalse(e.contains("\"usage\""), e);
        }
    }

    @Test
    void badStopAndStreamOptionsAre400sNamingTheField() {
        assertBad(Http.post(base, "v1/chat/completions", chat(",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]")), "stop");
        assertBad(Http.post(base, "v1/chat/completions", chat(",\"stop\":[\"a\",3]")), "stop[1]");
        assertBad(Http.post(base, "v1/chat/completions", chat(",\"stop\":\"\"")), "stop");
        assertBad(Http.post(base, "v1/chat/completions", chat(",\"stream_options\":{\"include_usage\":true}")), "stream_options");
        assertBad(Http.post(base, "v1/chat/completions", chat(",\"stream\":true,\"stream_options\":{\"usage\":true}")),
                "stream_options");
        assertBad(Http.post(base, "v1/chat/completions", chat(",\"stream\":true,\"stream_options\":{\"include_usage\":1}")),
                "stream_options.include_usage");
    }

    private static void assertBad(HttpResponse<String> r, String field) {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(field, Http.json(r).path("error").path("param").asText(), r.body());
    }

    private static List<String> events(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        List<String> events = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data: ")) {
                events.add(line.substring(6));
            }
        }
        return events;
    }

    private static String streamedText(List<String> events) {
        StringBuilder text = new StringBuilder();
        for (String e : events.subList(0, events.size() - 1)) {
            JsonNode choices = Http.json(e).path("choices");
            if (choices.size() > 0) {
                text.append(choices.get(0).path("delta").path("content").asText(""));
            }
        }
        return text.toString();
    }
}
