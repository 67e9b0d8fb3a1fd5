package dev.improv.dialogue.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightWorldTest {
    private static final Pattern WHEN_DOES = Pattern.compile("When does (.+) (\\w+)\\?");

    @Test
    void aQuestionOfWhenAsksWithTheVerbOfItsFact(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("characters.json"),
                "[{\"persona\": [\"I am a ferryman. I row the river at night. I like quiet.\"]}]");
        Files.writeString(dir.resolve("rooms.json"), "[{\"name\": \"The Old Mill\"}, {\"name\": \"Harbour Square\"}]");
        Files.writeString(dir.resolve("objects.json"), "[{\"name\": \"rope\"}, {\"name\": \"lantern\"}]");
        int asked = 0;
        for (GroundingQuestion q : LightWorld.read(dir).questions(400, 11)) {
            Matcher when = WHEN_DOES.matcher(q.question());
            if (!when.matches()) {
                continue;
            }
            asked++;
            String fact = q.card().facts().stream()
                    .filter(f -> f.toLowerCase().startsWith(when.group(1).toLowerCase()) && f.endsWith(" at " + q.answer() + "."))
                    .findFirst().orElseThrow();
            // "When does the market open?" was asked of "The market closes at the first bell."
            assertTrue(fact.contains(" " + when.group(2) + "s at "), q.question() + " of " + fact);
        }
        assertTrue(asked > 10, "asked " + asked);
    }
}
