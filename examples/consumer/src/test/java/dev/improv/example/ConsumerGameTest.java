package dev.improv.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Bar;
import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelFeed;
import dev.improv.api.MusicClip;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicRequest;
import dev.improv.api.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a game does with improv-core and improv-models alone: one chunk, one line, one bar. */
class ConsumerGameTest {
    private static final Duration GENEROUS = Duration.ofMinutes(2);

    @Test
    void noTrainingCodeOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.Model"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.improv.model.Trainer"));
    }

    @Test
    void aLevelChunkAnNpcLineAndABarOfMusic() {
        try (Improv improv = Improv.open()) {
            try (LevelFeed level = improv.level(7)) {
                Outcome<LevelChunk> chunk = level.next("", GENEROUS).await();
                assertTrue(chunk.isCompleted(), chunk.message());
                LevelChunk c = chunk.value();
                assertTrue(c.generated(), "made by the level model, not authored");
                assertTrue(c.width() > 0 && c.height() > 0);
                System.out.println("level chunk " + c.width() + "x" + c.height() + ":\n" + String.join("\n", c.rows()));
            }

            // The model speaks here; a draw its guard rejects ("Apples at dawn.": a time no one gave) leaves a seed
            // to the fallback, so of three seeds one at least is the model's.
            java.util.List<DialogueLine> lines = new java.util.ArrayList<>();
            for (long seed = 0; seed < 3; seed++) {
                DialogueRequest ask = DialogueRequest.builder().optSeed(seed).addPersona("I sell apples at the market.")
                        .addTurn(DialogueTurn.player("What do you sell?")).build();
                Outcome<DialogueLine> line = improv.line(ask, GENEROUS).await();
                assertTrue(line.isCompleted(), line.message());
                assertFalse(line.value().text().isBlank());
                lines.add(line.value());
                System.out.println("npc line: " + line.value().text() + " (" + line.value().source() + ")");
            }
            assertTrue(lines.stream().anyMatch(l -> l.source().equals(DialogueLine.MODEL)), "said by the dialogue model: " + lines);

            Outcome<MusicClip> clip = improv.compose(new MusicRequest(3, MusicControls.DEFAULT, 1), GENEROUS).await();
            assertTrue(clip.isCompleted(), clip.message());
            assertEquals(1, clip.value().bars().size());
            Bar bar = clip.value().bars().get(0);
            assertEquals(4, bar.beats());
            assertFalse(bar.notes().isEmpty(), "a bar of music has notes");
            System.out.println("bar of music: " + bar.notes().size() + " notes");
        }
    }
}
