package dev.improv.dialogue.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.dialogue.DialogueExample;
import dev.improv.dialogue.Turn;
import dev.improv.model.SeededRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LIGHT's fantasy characters, rooms and objects, made into NPC cards and questions about them.
 *
 * <p>LIGHT has no dialogue here, only world text. Each card takes a character's persona and a handful
 * of facts about LIGHT's own objects, rooms and invented townsfolk: prices, places, times and people,
 * the four kinds of thing a player asks an NPC. A player question about one fact is answered with a
 * line that states it, in one of several phrasings (the question forms and reply phrasings are the
 * project's own, listed below). This is the one synthetic part of the training mix; it is what ties
 * the model's answers to game-style cards, and it is a minority of the examples (see the model card).
 */
public final class LightWorld {
    private final List<List<String>> personas = new ArrayList<>();
    private final List<String> objects = new ArrayList<>();
    private final List<String> rooms = new ArrayList<>();

    private LightWorld() {
    }

    /** Reads {@code characters.json}, {@code rooms.json} and {@code objects.json} from {@code dir}. */
    public static LightWorld read(Path dir) throws IOException {
        LightWorld w = new LightWorld();
        for (JsonNode c : tree(dir.resolve("characters.json"))) {
            for (JsonNode p : c.path("persona")) {
                List<String> lines = sentences(p.asText(), 3);
                if (!lines.isEmpty()) {
                    w.personas.add(lines);
                }
            }
        }
        for (JsonNode r : tree(dir.resolve("rooms.json"))) {
            String name = r.path("name").asText().strip();
            if (!name.isEmpty() && name.split(" ").length <= 4) {
                w.rooms.add(name.toLowerCase(Locale.ROOT).startsWith("the ") ? name.substring(4) : name);
            }
        }
        for (JsonNode o : tree(dir.resolve("objects.json"))) {
            String name = o.path("name").asText().strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && name.split(" ").length <= 3 && name.matches("[a-z' -]+")) {
                w.objects.add(name);
            }
        }
        if (w.personas.isEmpty() || w.rooms.isEmpty() || w.objects.isEmpty()) {
            throw new IOException(dir + ": expected characters, rooms and objects in the LIGHT files");
        }
        return w;
    }

    private static JsonNode tree(Path file) throws IOException {
        try {
            return JsonLines.JSON.readTree(Files.newBufferedReader(file));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Character personas, each a few first-person sentences. */
    public List<List<String>> personas() {
        return personas;
    }

    /** {@code count} question-and-answer examples on generated cards. */
    public List<DialogueExample> examples(int count, long seed) {
        List<DialogueExample> out = new ArrayList<>();
        SeededRandom r = new SeededRandom(seed);
        while (out.size() < count) {
            int cardId = out.size() / 4;
            List<String> persona = personas.get(r.nextInt(personas.size()));
            List<Fact> facts = new ArrayList<>();
            int n = 3 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                facts.add(fact(r));
            }
            // A few questions per card, each about one of its facts.
            for (int q = 0; q < 4 && out.size() < count; q++) {
                Fact asked = facts.get(r.nextInt(facts.size()));
                List<String> shown = shownAsRetrieved(facts, asked, r);
                List<Turn> turns = new ArrayList<>();
                if (r.nextDouble() < 0.3) {
                    turns.add(Turn.player(pick(r, GREETINGS)));
                    turns.add(Turn.npc(pick(r, WELCOMES)));
                }
                turns.add(Turn.player(phrased(asked.question, r)));
                out.add(new DialogueExample(persona, shown, turns, asked.reply, "light", "light:" + seed + ":" + cardId));
            }
        }
        return out;
    }

    /**
     * {@code count} questions on generated cards, each about one of the card's facts, for evaluation:
     * use another seed than training did, and the names, prices, places and times differ.
     */
    public List<GroundingQuestion> questions(int count, long seed) {
        List<GroundingQuestion> out = new ArrayList<>();
        SeededRandom r = new SeededRandom(seed);
        while (out.size() < count) {
            List<String> persona = personas.get(r.nextInt(personas.size()));
            List<Fact> facts = new ArrayList<>();
            int n = 6 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                facts.add(fact(r));
            }
            Fact asked = facts.get(r.nextInt(facts.size()));
            List<String> shown = new ArrayList<>();
            facts.forEach(f -> shown.add(f.sentence));
            out.add(new GroundingQuestion("character", persona, shown, List.of(), asked.question, asked.value, "light"));
        }
        return out;
    }

    /**
     * The facts as a game's NPC is given them: most often what retrieval hands over (three, the asked
     * one first), sometimes the whole card in its own order, so the model learns to answer from the
     * fact that fits the question wherever it stands.
     */
    private static List<String> shownAsRetrieved(List<Fact> facts, Fact asked, SeededRandom r) {
        List<String> shown = new ArrayList<>();
        if (r.nextDouble() < 0.35) {
            facts.forEach(f -> shown.add(f.sentence));
            return shown;
        }
        List<Fact> others = new ArrayList<>(facts);
        others.remove(asked);
        shown.add(asked.sentence);
        for (int i = 0; i < 2 && !others.isEmpty(); i++) {
            shown.add(others.remove(r.nextInt(others.size())).sentence);
        }
        if (r.nextDouble() < 0.3) {
            java.util.Collections.swap(shown, 0, 1 + r.nextInt(shown.size() - 1));
        }
        return shown;
    }

    /** A question as players put it: now and then with a lead-in or a tail. */
    private static String phrased(String question, SeededRandom r) {
        double d = r.nextDouble();
        if (d < 0.2) {
            String q = pick(r, LEAD_INS) + " " + Character.toLowerCase(question.charAt(0)) + question.substring(1);
            return Character.toUpperCase(q.charAt(0)) + q.substring(1);
        }
        return d < 0.3 ? question + " " + pick(r, TAILS) : question;
    }

    /** A fact, a question it answers, a reply that states it, and the value the reply must contain. */
    private record Fact(String sentence, String question, String reply, String value) { }

    private Fact fact(SeededRandom r) {
        String thing = objects.get(r.nextInt(objects.size()));
        String room = "the " + rooms.get(r.nextInt(rooms.size())).toLowerCase(Locale.ROOT);
        return switch (r.nextInt(5)) {
            case 4 -> {
                String things = pick(r, COUNTED);
                int n = 2 + r.nextInt(r.nextDouble() < 0.6 ? 18 : 98);
                String count = n <= 19 && r.nextDouble() < 0.5 ? NUMBER_WORDS.get(n) : String.valueOf(n);
                String f = fill(pick(r, COUNT_FACTS), things, count).replace("{room}", room);
                yield new Fact(f, fill(pick(r, COUNT_QUESTIONS), things, count).replace("{room}", room),
                        r.nextDouble() < 0.3 ? f : fill(pick(r, COUNT_REPLIES), things, count).replace("{room}", room), count);
            }
            case 0 -> {
                String price = (1 + r.nextInt(r.nextDouble() < 0.5 ? 20 : 200)) + " " + pick(r, COINS);
                String f = fill(pick(r, PRICE_FACTS), thing, price);
                yield new Fact(f, fill(pick(r, PRICE_QUESTIONS), thing, price),
                        r.nextDouble() < 0.3 ? f : fill(pick(r, PRICE_REPLIES), thing, price), price);
            }
            case 1 -> {
                String f = fill(pick(r, PLACE_FACTS), thing, room);
                yield new Fact(f, fill(pick(r, PLACE_QUESTIONS), thing, room),
                        r.nextDouble() < 0.3 ? f : fill(pick(r, PLACE_REPLIES), thing, room), room.substring(4));
            }
            case 2 -> {
                String time = pick(r, TIMES).replace("{h}", String.valueOf(1 + r.nextInt(12)));
                String event = pick(r, EVENTS).replace("{room}", room);
                String template = pick(r, TIME_FACTS);
                String f = fill(template, event, time);
                // asked with the fact's own verb: "When does the market open?" of "The market closes at the first bell"
                // had the closing time for its answer (session 38), which the answer check rightly turns down
                String verb = template.split(" ")[1].replaceAll("s$", "");
                yield new Fact(f, fill(pick(r, TIME_QUESTIONS).replace("{verb}", verb), event, time),
                        r.nextDouble() < 0.3 ? f : fill(pick(r, TIME_REPLIES), event, time), time);
            }
            default -> {
                String name = name(r);
                String role = pick(r, ROLES);
                String f = fill(pick(r, PERSON_FACTS), role, name).replace("{room}", room);
                yield new Fact(f, fill(pick(r, PERSON_QUESTIONS), role, name).replace("{room}", room),
                        r.nextDouble() < 0.3 ? f : fill(pick(r, PERSON_REPLIES), role, name).replace("{room}", room), name);
            }
        };
    }

    private static String fill(String template, String thing, String value) {
        String s = template.replace("{thing}", thing).replace("{value}", value);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pick(SeededRandom r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** A made-up given name from syllables, so names in facts are not always the same few. */
    private static String name(SeededRandom r) {
        String s = pick(r, ONSETS) + pick(r, NUCLEI) + (r.nextDouble() < 0.6 ? pick(r, CODAS) : "");
        if (r.nextDouble() < 0.4) {
            s += pick(r, NUCLEI) + pick(r, CODAS);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<String> sentences(String text, int max) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.!?])\\s+")) {
            if (!s.isBlank() && out.size() < max) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static final List<String> COINS = List.of("gold", "silver", "copper", "coins", "gold pieces",
            "silver pieces", "crowns", "marks");
    private static final List<String> PRICE_FACTS = List.of("The {thing} costs {value}.", "I sell the {thing} for {value}.",
            "A {thing} is {value}.", "Repairing a {thing} costs {value}.", "The {thing} sells for {value}.",
            "I charge {value} for the {thing}.");
    private static final List<String> PRICE_QUESTIONS = List.of("How much is the {thing}?", "What does the {thing} cost?",
            "How much for the {thing}?", "What's the price of the {thing}?", "I want the {thing}. How much?",
            "How much do you want for the {thing}?", "Can I buy the {thing}? What does it cost?",
            "What would you charge for a {thing}?");
    private static final List<String> PRICE_REPLIES = List.of("That will be {value}.", "It costs {value}.",
            "{value}, friend.", "For you, {value}.", "The {thing} is {value}.", "{value}, and not a coin less.",
            "I ask {value} for it.", "{value}. A fair price.");
    private static final List<String> PLACE_FACTS = List.of("The {thing} is kept in {value}.",
            "You can find the {thing} in {value}.", "The {thing} lies in {value}.", "I left the {thing} in {value}.");
    private static final List<String> PLACE_QUESTIONS = List.of("Where can I find the {thing}?", "Where is the {thing}?",
            "Do you know where the {thing} is?", "I'm looking for the {thing}.", "Have you seen the {thing}?");
    private static final List<String> PLACE_REPLIES = List.of("In {value}.", "Look in {value}.",
            "You'll find it in {value}.", "The {thing} is in {value}.", "Try {value}.", "It's in {value}, last I saw.");
    private static final List<String> EVENTS = List.of("the market", "the ferry", "the gate", "the feast",
            "the tavern", "the night watch", "the temple", "the caravan", "{room}");
    private static final List<String> TIMES = List.of("dawn", "dusk", "noon", "midnight", "sunset", "sunrise",
            "{h} o'clock", "the third bell", "the first bell");
    private static final List<String> TIME_FACTS = List.of("{thing} opens at {value}.", "{thing} leaves at {value}.",
            "{thing} closes at {value}.", "{thing} starts at {value}.");
    private static final List<String> TIME_QUESTIONS = List.of("When does {thing} {verb}?", "What time is {thing}?",
            "When should I go to {thing}?", "When is {thing}?", "Is {thing} open now?");
    private static final List<String> TIME_REPLIES = List.of("At {value}.", "Come back at {value}.",
            "{thing}? At {value}.", "Not until {value}.", "{value}, as always.");
    private static final List<String> ROLES = List.of("smith", "healer", "captain", "miller", "priest",
            "ferryman", "innkeeper", "hunter", "witch", "merchant", "baker", "tailor");
    private static final List<String> PERSON_FACTS = List.of("The {thing} is called {value}.",
            "{value} is the {thing} here.", "{value} the {thing} lives in {room}.", "Ask {value} the {thing} for help.");
    private static final List<String> PERSON_QUESTIONS = List.of("Who is the {thing}?", "Is there a {thing} here?",
            "Who can help me? I need a {thing}.", "Do you know the {thing}?", "What's the {thing}'s name?");
    private static final List<String> PERSON_REPLIES = List.of("That's {value}.", "Ask {value}.",
            "{value} is the {thing}.", "You want {value}.", "Go see {value}.");
    private static final List<String> COUNTED = List.of("guards", "ships", "wolves", "horses", "barrels", "rooms",
            "travellers", "sheep", "soldiers", "candles", "bandits", "crates", "wagons", "apprentices", "boats");
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen");
    private static final List<String> COUNT_FACTS = List.of("There are {value} {thing} in {room}.",
            "{value} {thing} came through this week.", "We have {value} {thing} left.", "I counted {value} {thing} at dawn.");
    private static final List<String> COUNT_QUESTIONS = List.of("How many {thing} are there?", "How many {thing} do you have?",
            "Are there many {thing} about?", "How many {thing}?", "What number of {thing} are we talking about?");
    private static final List<String> COUNT_REPLIES = List.of("{value}.", "{value} {thing}, last I counted.",
            "There are {value}.", "About {value} {thing}.", "{value} of them.");
    private static final List<String> LEAD_INS = List.of("Tell me,", "Say,", "Excuse me,", "Quick question:",
            "Friend,", "I was wondering,", "Listen,", "By the way,");
    private static final List<String> TAILS = List.of("I'm in a hurry.", "Thanks.", "Be honest.", "It's important.",
            "I've come a long way.");
    private static final List<String> GREETINGS = List.of("Hello there.", "Good day!", "Hi.", "Greetings, stranger.",
            "Hey, got a moment?");
    private static final List<String> WELCOMES = List.of("Welcome, traveller.", "Good day to you.",
            "What do you need?", "Well met.", "Ah, a customer.");
    private static final List<String> ONSETS = List.of("b", "br", "d", "dr", "f", "g", "gr", "h", "k", "l", "m",
            "n", "r", "s", "t", "th", "v", "w", "el", "al", "or");
    private static final List<String> NUCLEI = List.of("a", "e", "i", "o", "u", "ai", "ea", "y");
    private static final List<String> CODAS = List.of("n", "m", "r", "l", "s", "th", "d", "ric", "wyn", "ra");
}
