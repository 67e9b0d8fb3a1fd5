package dev.improv.dialogue.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.dialogue.DialogueExample;
import dev.improv.dialogue.Speaker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus readers on small files written here, in each corpus's own format. */
class NpcTrainingSetTest {

    private static final String SGD_DIALOGUE = """
            {"id":"1_%05d","services":["Restaurants_1"],"turns":[\
            {"speaker":"USER","utterance":"Find me a place to eat in San Jose.","actions":[]},\
            {"speaker":"SYSTEM","utterance":"How about Bazille in San Jose?","actions":[\
            {"act":"OFFER","slot":"restaurant_name","values":["Bazille"]},{"act":"OFFER","slot":"city","values":["San Jose"]}],\
            "service_call":{"method":"FindRestaurants","parameters":{"city":"San Jose"}},\
            "service_results":[{"city":"San Jose","phone_number":"408-261-5787","restaurant_name":"Bazille"},\
            {"city":"San Jose","phone_number":"408-292-4300","restaurant_name":"Billy Berk's"}]},\
            {"speaker":"USER","utterance":"What is their phone number?","actions":[]},\
            {"speaker":"SYSTEM","utterance":"You can call them at 408-261-5787.","actions":[\
            {"act":"INFORM","slot":"phone_number","values":["408-261-5787"]}]}]}
            """;

    @Test
    void sgdRepliesStateValuesThatStandInTheirFacts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, SGD_DIALOGUE.formatted(1) + "{not json\n");
        List<String> skipped = new ArrayList<>();
        List<DialogueExample> xs = SgdDialogues.read(file, List.of(), 1, skipped::add);
        assertEquals(List.of(file + ":2: not a JSON object"), skipped);
        assertEquals(2, xs.size());
        DialogueExample phone = xs.get(1);
        assertEquals("You can call them at 408-261-5787.", phone.reply());
        assertEquals(Speaker.PLAYER, phone.turns().get(phone.turns().size() - 1).speaker());
        assertTrue(phone.facts().contains("The phone number of Bazille is 408-261-5787."), phone.facts().toString());
        assertTrue(phone.facts().size() <= SgdDialogues.MAX_FACTS);
        assertTrue(xs.get(0).facts().stream().anyMatch(f -> f.contains("San Jose")), xs.get(0).facts().toString());
    }

    @Test
    void taskmasterCallsBecomeFactsForTheNextReply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dialogues.jsonl");
        Files.writeString(file, """
                {"id":"d1","turns":[{"speaker":"user","text":"A mocha with oat milk?","api_calls":[\
                {"method":"get_menu_items","request":{"query":"Mocha"},"response":{"menu_items":[{"menu_item_id":"m","name":"Mocha"}]}},\
                {"method":"get_addons","request":{},"response":{"attributes":[{"attribute_id":"milk","attribute_name":"Milk","options":["Whole Milk","Oat Milk"]}]}}]},\
                {"speaker":"assistant","text":"One mocha with oat milk, coming up."}]}
                """);
        List<DialogueExample> xs = TaskmasterDialogues.read(file, s -> { });
        assertEquals(1, xs.size());
        assertEquals(List.of("Mocha is on the menu.", "Milk options: Whole Milk, Oat Milk."), xs.get(0).facts());
    }

    @Test
    void casinoSidesSpeakFromTheirOwnPriorities(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, """
                {"dialogue_id":1,"chat_logs":[{"id":"mturk_agent_1","text":"Hi! I need water."},\
                {"id":"mturk_agent_2","text":"I can spare water, but I need firewood."},\
                {"id":"mturk_agent_1","text":"Submit-Deal"}],\
                "participant_info":{"mturk_agent_1":{"value2issue":{"High":"Water","Medium":"Food","Low":"Firewood"},"value2reason":{"High":"It is hot."}},\
                "mturk_agent_2":{"value2issue":{"High":"Firewood","Medium":"Food","Low":"Water"},"value2reason":{"High":"Cold nights."}}}}
                """);
        List<DialogueExample> xs = CasinoDialogues.read(file, s -> { });
        assertEquals(1, xs.size(), "the deal moves are not lines, and a first line has nothing to answer");
        assertEquals("I can spare water, but I need firewood.", xs.get(0).reply());
        assertEquals("I need firewood most: Cold nights.", xs.get(0).facts().get(0));
    }

    @Test
    void theSplitHoldsOutWholeConversations(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("sgd"));
        StringBuilder sgd = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sgd.append(SGD_DIALOGUE.formatted(i));
        }
        Files.writeString(root.resolve("sgd/train.jsonl"), sgd);
        List<String> log = new ArrayList<>();
        NpcTrainingSet a = NpcTrainingSet.read(root, 0.2, 3, log::add);
        NpcTrainingSet b = NpcTrainingSet.read(root, 0.2, 3, s -> { });
        assertEquals(a.valid(), b.valid(), "the split depends only on the seed");
        assertTrue(a.valid().size() > 40 && a.valid().size() < 120, "about a fifth held out: " + a.valid().size());
        Set<String> trainGroups = new HashSet<>();
        a.train().forEach(x -> trainGroups.add(x.group()));
        a.valid().forEach(x -> assertTrue(!trainGroups.contains(x.group()), "conversation in both splits: " + x.group()));
        assertTrue(log.stream().anyMatch(s -> s.contains("light")), "missing corpora are reported: " + log);
    }
}
