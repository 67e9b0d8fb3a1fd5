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

    /**
     * The usage is what the decoder ran: the engine's own prompt (the card's persona and facts, the format's tokens)
     * and every token it generated. Checked against the node's own count of the tokens its decoders ran (the metrics):
     * the prompt's tokens not held in a cached decoder plus the generated ones. Until session 24 prompt_tokens was the
     * messages' texts alone (fewer than the model read), completion_tokens the replies' text as sent.
     */
    @Test
    void anAnswerReportsTheTokensTheDecoderWasFedAndGenerated() {
        String card = "{\"name\":\"Brom\",\"persona\":[\"I am the blacksmith of this village.\"],\"facts\":"
                + "[\"Horseshoes are 2 silver.\",\"Repairing a sword costs 12 gold.\",\"The forge opens at dawn.\"]}";
        String body = "{\"model\":\"dialogue\",\"seed\":11,\"n\":2,\"messages\":[{\"role\":\"system\",\"content\":"
                + Http.JSON.valueToTree(card) + "},{\"role\":\"user\",\"content\":\"How much to repair my sword?\"}]}";
        double decoded0 = decoded();
        JsonNode first = Http.json(Http.post(base, "v1/chat/completions", body)).path("usage");
        double decoded1 = decoded();
        JsonNode again = Http.json(Http.post(base, "v1/chat/completions", body)).path("usage");
        double decoded2 = decoded();
        int messages = tokens(card) + tokens("How much to repair my sword?");
        for (JsonNode usage : List.of(first, again)) {
            assertTrue(usage.path("prompt_tokens").asInt() > messages, "the engine's prompt is more than the messages: " + usage);
            assertTrue(usage.path("completion_tokens").asInt() > 0, usage.toString());
            assertEquals(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt(),
                    usage.path("total_tokens").asInt(), usage.toString());
        }
        assertEquals(decoded1 - decoded0, ran(first), 0.0, "the decoders ran the uncached prompt and the generated tokens: " + first);
        assertEquals(decoded2 - decoded1, ran(again), 0.0, again.toString());
        // Asked again, the same prompt: most of it is held by a primed decoder, and said so.
        assertEquals(first.path("prompt_tokens"), again.path("prompt_tokens"));
        assertEquals(first.path("completion_tokens"), again.path("completion_tokens"), "the same seed draws the same tokens");
        assertTrue(again.path("prompt_tokens_details").path("cached_tokens").asInt() > 0, again.toString());
    }

    /** /v1/dialogue reports its usage the same way. */
    @Test
    void aDialogueAnswerReportsItsUsageToo() {
        double decoded0 = decoded();
        JsonNode answer = Http.json(Http.post(base, "v1/dialogue", "{\"card\":{\"name\":\"Brom\",\"facts\":"
                + "[\"Repairing a sword costs 12 gold.\"]},\"say\":\"How much to repair my sword?\",\"seed\":4}"));
        JsonNode usage = answer.path("usage");
        assertTrue(usage.path("prompt_tokens").asInt() > tokens("Repairing a sword costs 12 gold. How much to repair my sword?"),
                answer.toString());
        assertEquals(decoded() - decoded0, ran(usage), 0.0, answer.toString());
    }

    /** The tokens a usage says the decoders ran: the prompt not held in a cache, and the generated ones. */
    private static double ran(JsonNode usage) {
        return usage.path("prompt_tokens").asInt() - usage.path("prompt_tokens_details").path("cached_tokens").asInt()
                + usage.path("completion_tokens").asInt();
    }

    private static double decoded() {
        return Http.series(Http.get(base, "metrics").body(), "improv_decoded_tokens_total");
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
        // The cut is made once the line is generated: its tokens were run, and are counted.
        JsonNode whole2 = Http.json(Http.post(base, "v1/chat/completions", chat(""))).path("usage");
        assertEquals(whole2.path("completion_tokens"), cut.path("usage").path("completion_tokens"), cut.toString());
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
        // The same tokens run; how many a primed decoder held differs with what came before.
        assertEquals(whole.path("usage").path("prompt_tokens"), last.path("usage").path("prompt_tokens"), last.toString());
        assertEquals(whole.path("usage").path("completion_tokens"), last.path("usage").path("completion_tokens"));
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
