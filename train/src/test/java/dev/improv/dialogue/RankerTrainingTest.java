package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.improv.model.Weights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankerTrainingTest {
    /** Each speaker has a hobby; the reply to "tell me about your hobby" talks about it in its own words. */
    private static final String[][] HOBBIES = {
            {"fishing", "I caught a big trout in the river with my rod."},
            {"guitar", "I practise chords on my guitar and play songs at night."},
            {"baking", "I bake bread and cookies in my oven every morning."},
            {"chess", "I moved my knight and won the chess game with a checkmate."},
            {"gardening", "I planted tomatoes and roses in my garden soil."},
            {"hiking", "I climbed the mountain trail with my boots and backpack."},
            {"painting", "I painted a landscape with oil paints on a canvas."},
            {"cycling", "I rode my bike fifty miles on the road with my helmet."},
    };

    /** Moments of {@code count} conversations (number offset by {@code first}), a hobby each, worded a little differently. */
    private static List<NpcEvaluation.Moment> moments(int first, int count) {
        List<NpcEvaluation.Moment> out = new ArrayList<>();
        for (int c = first; c < first + count; c++) {
            String[] h = HOBBIES[c % HOBBIES.length];
            List<Turn> history = List.of(Turn.player("Hi there."), Turn.npc("Hello, friend."),
                    Turn.player(c % 2 == 0 ? "What do you do for fun?" : "Any hobbies?"));
            String reply = (c % 3 == 0 ? "Well, " : "") + h[1];
            out.add(new NpcEvaluation.Moment(List.of("I love " + h[0] + ".", "I have a dog."), history, reply, c));
        }
        return out;
    }

    @Test
    void learnsWhichReplyFitsThePersonaAndResumesWhereItStopped(@TempDir Path dir) throws Exception {
        List<NpcEvaluation.Moment> train = moments(0, 96);
        List<NpcEvaluation.Moment> valid = moments(1000, 24);
        RankerTraining.Settings four = new RankerTraining.Settings(16, 6, 16, 0.05f, 0f, 1, 3);
        RankerTraining.Report r = RankerTraining.train(train, valid, four, Map.of("data", "fixture"), dir.resolve("full"),
                false, Device.cpu(), s -> { });
        ReplyRanker ranker = ReplyRanker.load(r.model());
        // Chance is 1 in 8. Distractors of the same hobby say nearly the same words, so even a perfect
        // ranker ties with them now and then: 0.6 is far above chance, not a ceiling.
        double hits = NpcEvaluation.hitsAt1(ranker, moments(2000, 40), 7, 5);
        assertTrue(hits >= 0.6, "hits@1 on unseen conversations: " + hits);
        assertEquals("fixture", ranker.metadata().get("data"));

        // Interrupted after 3 epochs, then resumed: the same weights as the run that never stopped.
        RankerTraining.Settings three = new RankerTraining.Settings(16, 3, 16, 0.05f, 0f, 1, 3);
        RankerTraining.train(train, valid, three, Map.of("data", "fixture"), dir.resolve("cut"), false, Device.cpu(), s -> { });
        List<String> log = new ArrayList<>();
        RankerTraining.train(train, valid, four, Map.of("data", "fixture"), dir.resolve("cut"), true, Device.cpu(), log::add);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("resuming after epoch 3")), log.toString());
        float[] whole = Weights.read(dir.resolve("full/checkpoint.safetensors")).tensor(ReplyRanker.TABLE).data();
        float[] resumed = Weights.read(dir.resolve("cut/checkpoint.safetensors")).tensor(ReplyRanker.TABLE).data();
        float worst = 0;
        for (int i = 0; i < whole.length; i++) {
            worst = Math.max(worst, Math.abs(whole[i] - resumed[i]));
        }
        assertTrue(worst < 1e-4, "resumed weights differ from the uninterrupted run's by " + worst);

        // A finished run is not overwritten by accident.
        assertThrows(java.io.IOException.class, () -> RankerTraining.train(train, valid, four, Map.of(), dir.resolve("full"),
                false, Device.cpu(), s -> { }));
    }
}
