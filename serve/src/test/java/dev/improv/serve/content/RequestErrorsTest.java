package dev.improv.serve.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.serve.JobRunner;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad request bodies are refused with the field at fault and a message in plain words: what was
 * expected and what came, never the JSON library's own text (class names, "Cannot deserialize").
 */
class RequestErrorsTest {
    private static final JobRunner RUNNER = new JobRunner(new Workshop(1));
    /** What the library's messages look like: Java type names, backquotes, its verbs. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|jackson|`|Cannot (deserialize|construct)|ArrayList|LinkedHashMap|\\bSource\\b|token|START_|VALUE_",
            Pattern.CASE_INSENSITIVE);

    private static BadRequest refused(String kind, String body) {
        return assertThrows(BadRequest.class, () -> RUNNER.check(kind, body), body);
    }

    private static void assertPlain(String kind, String body, String field, String... words) {
        BadRequest e = refused(kind, body);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        // The words after the field: a field's own name may hold such a word (max_tokens).
        assertFalse(INTERNALS.matcher(e.getMessage().substring(field.length() + 2)).find(), "library internals in: " + e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
    }

    /** Found probing a node: each of these was taken at the door and failed later, as a 500 or naming only "card". */
    @Test
    void boundsTheEngineHoldsAreCheckedAtTheDoorByField() {
        String card = "{\"name\":\"B\",\"facts\":[\"x\"]";
        // The engine needs two tokens at least (a word and the line's end): max_tokens 1 was a 500.
        assertPlain(JobRunner.DIALOGUE, "{\"card\":" + card + "},\"say\":\"hi\",\"max_tokens\":1}", "max_tokens", "[2, 100]");
        String chat = "{\"messages\":[{\"role\":\"system\",\"content\":\"I bake.\"},{\"role\":\"user\",\"content\":\"hi\"}]";
        assertPlain(JobRunner.CHAT, chat + ",\"max_tokens\":1}", "max_tokens", "[2, 100]", "got 1");
        assertPlain(JobRunner.CHAT, chat + ",\"max_completion_tokens\":1}", "max_completion_tokens", "[2, 100]");
        RUNNER.check(JobRunner.CHAT, chat + ",\"max_tokens\":2}");
        // A card's own lines as a card file holds them: 500 characters, 2,000 of a kind.
        assertPlain(JobRunner.DIALOGUE, "{\"card\":" + card + ",\"lines\":{\"hello\":[\"Hi.\",\"" + "y".repeat(501) + "\"]}}}",
                "card.lines.hello[1]", "longer than 500 characters");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":" + card + ",\"lines\":{\"hello\":[" + "\"a\",".repeat(2000) + "\"a\"]}}}",
                "card.lines.hello", "more than 2000");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":" + card + ",\"lines\":{\"hello\":null}}}", "card.lines.hello", "null");
        // Ignored, but in OpenAI's range: 99 was taken without a word.
        assertPlain(JobRunner.CHAT, chat + ",\"presence_penalty\":99}", "presence_penalty", "[-2, 2]");
        assertPlain(JobRunner.CHAT, chat + ",\"frequency_penalty\":-3}", "frequency_penalty", "[-2, 2]");
        RUNNER.check(JobRunner.CHAT, chat + ",\"presence_penalty\":2,\"frequency_penalty\":-2}");
    }

    @Test
    void aBodyWithMoreAfterItsObjectSaysSo() {
        // It was "body: must be an object, got an object".
        assertPlain(JobRunner.LEVELS, "{}{}", "body", "has more after its JSON value", "column 3");
        assertPlain(JobRunner.MUSIC, "{\"bars\":1} 2", "body", "has more after its JSON value");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatCame() {
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":\"I bake bread.\"}}", "card.persona", "a list of texts", "a text");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":[\"I bake.\"]}", "card", "an object", "a list");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"]},\"history\":{\"speaker\":\"npc\"}}", "history",
                "a list of objects", "an object");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"]},\"slot\":[1]}", "slot", "an object");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\", 3]}}", "card.persona[1]", "must be a text", "got the whole number 3");
        assertPlain(JobRunner.LEVELS, "{\"width\":\"wide\"}", "width", "a whole number", "a text");
        assertPlain(JobRunner.LEVELS, "{\"width\":12.5}", "width", "a whole number");
        assertPlain(JobRunner.LEVELS, "{\"width\":true}", "width", "a whole number", "got true");
        assertPlain(JobRunner.LEVELS, "{\"formats\":\"png\"}", "formats", "a list of texts");
        assertPlain(JobRunner.LEVELS, "{\"prompt\":{\"a\":1}}", "prompt", "a text", "an object");
        assertPlain(JobRunner.MUSIC, "{\"wav\":\"yes\"}", "wav", "true or false", "a text");
        assertPlain(JobRunner.MUSIC, "{\"tempo\":\"fast\"}", "tempo", "a number", "a text");
        assertPlain(JobRunner.MUSIC, "{\"bars\":[4]}", "bars", "a whole number", "a list");
        assertPlain(JobRunner.CHAT, "{\"messages\":\"hello\"}", "messages", "a list of objects");
        // A list is OpenAI's content parts (ContentServerTest reads one): its items must be text parts.
        assertPlain(JobRunner.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":[\"hi\"]}]}", "messages[0].content[0]",
                "must be a text part", "got a text");
        assertPlain(JobRunner.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":3}]}", "messages[0].content",
                "a text or a list of text parts", "got a number");
        assertPlain(JobRunner.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"x\"}}]}]}", "messages[0].content[0]", "type and text only");
        assertPlain(JobRunner.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]}",
                "messages[0].content[0].type", "text only", "input_audio");
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        assertPlain(JobRunner.LEVELS, "{\"widht\":10}", "widht", "unknown field", "width");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"],\"secret\":1}}", "card.secret", "unknown field", "persona");
        // Found by RequestBodyFuzzTest: an empty name vanished from the message (": unknown field"),
        // and a name holding a line break split the one-line message. Such names are quoted.
        assertPlain(JobRunner.LEVELS, "{\"width\":20,\"\":1}", "[\"\"]", "unknown field", "width");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"],\"a\\nb\":1}}", "card[\"a\\nb\"]",
                "unknown field");
    }

    @Test
    void aFieldGivenTwiceIsRefusedByNameWhereverItIs() {
        // Jackson kept the last value without a word: {"width":16,"width":2000} made a 2000-column level.
        assertPlain(JobRunner.LEVELS, "{\"width\":16,\"seed\":1,\"width\":2000}", "width", "given twice");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"],\"persona\":[\"I steal.\"]}}",
                "card.persona", "given twice");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"]},\"history\":[{\"speaker\":\"npc\","
                + "\"text\":\"Hi\"},{\"speaker\":\"player\",\"text\":\"a\",\"text\":\"b\"}]}", "history[1].text", "given twice");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"]},\"slot\":{\"town\":\"A\",\"town\":\"B\"}}",
                "slot.town", "given twice");
        assertPlain(JobRunner.MUSIC, "{\"moods\":{\"calm\":{},\"calm\":{}}}", "moods.calm", "given twice");
        // The card a chat's system message carries is read as JSON of its own.
        assertPlain(JobRunner.CHAT, "{\"messages\":[{\"role\":\"system\",\"content\":\"{\\\"name\\\":\\\"A\\\","
                + "\\\"name\\\":\\\"B\\\"}\"},{\"role\":\"user\",\"content\":\"hi\"}]}", "messages[0].content.name", "given twice");
        assertPlain(JobRunner.CHAT, "{\"stream\":true,\"messages\":[],\"stream\":false}", "stream", "given twice");
    }

    @Test
    void absurdSizesAreRefusedByName() {
        assertPlain(JobRunner.LEVELS, "{\"width\":99999999999999999999}", "width", "a whole number");
        assertPlain(JobRunner.LEVELS, "{\"seed\":1e400}", "seed", "a whole number");
        assertPlain(JobRunner.LEVELS, "{\"width\":1000000}", "width", "[1, 2000]");
        assertPlain(JobRunner.MUSIC, "{\"bars\":2147483648}", "bars", "a whole number");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"" + "x".repeat(5000) + "\"]}}", "card.persona[0]", "longer than");
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"]},\"n\":1000}", "n", "[1, 8]");
        // Into a field that takes any JSON (OpenAI's stop): the parser's nesting limit, not a stack overflow.
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertPlain(JobRunner.CHAT, "{\"stop\":" + deep + "}", "stop", "deeper");
    }

    @Test
    void malformedJsonSaysWhereAndWhat() {
        assertPlain(JobRunner.LEVELS, "{\"width\": 10,", "body", "not valid JSON", "line 1", "ends before it is whole",
                "Content-Length");
        // cut inside a nested object: not "card: must be an object, got a text"
        assertPlain(JobRunner.DIALOGUE, "{\"card\": {\"name\": \"Ona\"", "body", "not valid JSON", "ends before it is whole");
        assertPlain(JobRunner.LEVELS, "{\"width\": 10} trailing", "body", "not valid JSON");
        assertPlain(JobRunner.LEVELS, "", "body", "empty");
        assertPlain(JobRunner.LEVELS, "[1,2]", "body", "an object", "a list");
        assertPlain(JobRunner.LEVELS, "null", "body", "an object");
        assertPlain(JobRunner.LEVELS, "{'width': 10}", "body", "not valid JSON");
    }

    /** A mistake found only when the job runs (a slot, a key, a level's rows) still names its own field. */
    private static void assertPlainWhenRun(String kind, String body, String field, String... words) {
        BadRequest e = assertThrows(BadRequest.class, () -> RUNNER.run(kind, RUNNER.check(kind, body)), body);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": ") && !e.getMessage().startsWith(field + ": " + field + ": "), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
    }

    @Test
    void aSlotWithNoValueIsNamedWhereItIs() {
        String card = "{\"name\":\"Brom\",\"persona\":[\"I work.\"],\"facts\":[\"Swords are 3 gold.\",\"The {item} is 2 gold.\"]}";
        // All four were "card: no value for slot {...} in: ...", the player's own line too.
        assertPlainWhenRun(JobRunner.DIALOGUE, "{\"card\":" + card + ",\"say\":\"hi\"}", "card.facts[1]", "no value for slot {item}");
        String plain = "{\"name\":\"Brom\",\"persona\":[\"I work.\"],\"facts\":[\"Swords are 3 gold.\"]}";
        assertPlainWhenRun(JobRunner.DIALOGUE, "{\"card\":" + plain + ",\"say\":\"Where is {town}?\"}", "say", "{town}");
        assertPlainWhenRun(JobRunner.DIALOGUE, "{\"card\":" + plain + ",\"history\":[{\"speaker\":\"player\",\"text\":\"hi {you}\"}],"
                + "\"say\":\"hi\"}", "history[0].text", "{you}");
        assertPlainWhenRun(JobRunner.DIALOGUE, "{\"card\":" + plain + ",\"world\":\"{\\\"facts\\\":[\\\"The {river} floods.\\\"]}\","
                + "\"say\":\"hi\"}", "world", "facts[0]: no value for slot {river}");
    }

    @Test
    void anotherEndpointsModelIsNamedAsSuch() {
        // It was "unknown model 'music' (served: [music, dialogue, ...])".
        assertPlain(JobRunner.DIALOGUE, "{\"card\":{\"persona\":[\"I bake.\"]},\"model\":\"music\"}", "model",
                "'music' is not a dialogue model; this endpoint takes 'dialogue'");
        assertPlain(JobRunner.MUSIC, "{\"model\":\"../dialogue\"}", "model", "unknown model '../dialogue'; this endpoint takes 'music'");
    }

    @Test
    void aKeyOrMeterIsNamedAloneAndAReadersMessageIsNotHeadedTwice() {
        assertPlainWhenRun(JobRunner.MUSIC, "{\"bars\":1,\"key\":\"H#\"}", "key", "not a key name");
        assertPlainWhenRun(JobRunner.MUSIC, "{\"bars\":1,\"engine\":\"transformer\",\"meter\":\"4/3\"}", "meter", "power of two");
        assertPlainWhenRun(JobRunner.BAR_STREAM, "{\"bars\":[{\"meter\":\"5/0\"}]}", "bars[0].meter", "power of two");
        assertPlainWhenRun(JobRunner.MUSIC, "{\"bars\":1,\"engine\":\"transformer\",\"prime\":\"TVRoZA==\"}", "prime",
                "too short to be a MIDI file");
    }

    @Test
    void aRaggedLevelNamesItsLine() {
        assertPlainWhenRun(JobRunner.LEVELS, "{\"level\":\"XXXX\\nXX\\n\",\"chunks\":1}", "level", "line 2 has 2 tiles, line 1 has 4");
    }
}
