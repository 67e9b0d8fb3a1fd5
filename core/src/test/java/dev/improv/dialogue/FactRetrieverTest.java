package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactRetrieverTest {
    private static final NpcCard BLACKSMITH = NpcCard.builder("Brom", "blacksmith")
            .addPersona("I am Brom, and I have kept the forge in Oakvale for thirty years.")
            .addPersona("I speak plainly and have no patience for haggling.")
            .addFact("Repairing a sword costs 12 gold.")
            .addFact("A new iron helmet is 40 gold; steel is 65.")
            .addFact("The forge stands at the end of Tanner's Lane, past the well.")
            .addFact("I open at dawn and bank the fire at dusk.")
            .addFact("My apprentice Wil sharpens axes and knives while you wait.")
            .addFact("Horseshoes come in sets of four.")
            .addFact("Iron ore comes down from the Greyback mines by cart every Tuesday.")
            .addFact("I will not forge weapons for the Red Hand bandits.")
            .addFact("Old Maud the herbalist buys my spare charcoal.")
            .build();
    private static final WorldFile WORLD = new WorldFile("Oakvale", List.of(
            "Oakvale is a river town on the Dun, two days south of the capital.",
            "The ferry across the Dun runs from sunrise to sunset.",
            "Queen Isolde rules from Highcastle."));
    private static final FactRetriever FACTS = FactRetriever.of(BLACKSMITH, WORLD);

    private static String top(String question) {
        List<RetrievedFact> found = FACTS.retrieve(question, List.of(), 3);
        assertFalse(found.isEmpty(), "nothing for: " + question);
        return found.get(0).text();
    }

    @Test
    void aPriceQuestionFindsThePrice() {
        assertEquals("Repairing a sword costs 12 gold.", top("How much to repair my sword?"));
        assertEquals("Repairing a sword costs 12 gold.", top("What do you charge for fixing a blade? My sword is chipped."));
        assertEquals("A new iron helmet is 40 gold.", top("What's the price of a helmet?"));
        assertEquals("Steel is 65.", top("And in steel?"));
    }

    @Test
    void aPriceInCentsIsAPrice() {
        FactRetriever bar = FactRetriever.of(NpcCard.of("Lou", "barkeep", List.of("I pour drinks at the Broken Spur."),
                List.of("A shot of whiskey is 25 cents.", "Rooms upstairs are 1 dollar a night.")), null);
        assertEquals("A shot of whiskey is 25 cents.", bar.retrieve("What does a whiskey cost?", List.of(), 1).get(0).text());
    }

    @Test
    void aLineAboutTheSameThingAsATrustedOneIsNotInDoubt() {
        FactRetriever lockers = FactRetriever.of(NpcCard.of("Ona", "locker keeper", List.of("I mind the lockers."),
                List.of("I hold passengers' valuables in steel lockers.", "A locker costs 4 scrip a week.",
                        "A hot meal costs 2 scrip.")), null, null);
        RetrievedFact locker = lockers.retrieve("What's the weekly rate to keep my valuables safe?", List.of(), 1).get(0);
        assertEquals("A locker costs 4 scrip a week.", locker.text());
        assertFalse(locker.doubtful(), "the valuables are kept in lockers: the locker's price is what was asked");
        assertTrue(lockers.retrieve("How much for a dragon's egg?", List.of(), 1).get(0).doubtful());
    }

    @Test
    void twoLinesThatOnlyNameOnePlaceDoNotVouchForEachOther() {
        NpcCard smith = NpcCard.builder("Dagna", "blacksmith")
                .addPersona("I have worked the forge on Anvil Row for twenty-two years.")
                .addFact("The forge is on Anvil Row, behind the tannery with the green door.")
                .addFact("Horseshoes are 4 silver for a set of four.")
                .build();
        FactRetriever facts = FactRetriever.of(smith, null, null);
        RetrievedFact temple = facts.retrieve("Where's the nearest temple?", List.of(), 1).get(0);
        assertTrue(temple.doubtful(), "nothing of the forge is a temple: " + temple);
        assertFalse(facts.retrieve("Where is your forge?", List.of(), 1).get(0).doubtful());
    }

    @Test
    void aCoinTwoLinesShareIsNoThingTheyShare() {
        NpcCard sheriff = NpcCard.builder("Amos", "sheriff")
                .addFact("The bounty on the outlaw Dutch Harlan is 500 dollars, dead or alive.")
                .addFact("His brother Eli Harlan is worth 150 dollars, but only alive.")
                .addFact("Carrying a gun inside the saloon costs a fine of 10 dollars.")
                .addFact("The stagecoach from Red Mesa arrives every Wednesday at noon.")
                .build();
        RetrievedFact poker = FactRetriever.of(sheriff, null, null)
                .retrieve("Who won the poker game at the saloon last night?", List.of(), 1).get(0);
        assertTrue(poker.text().contains("Harlan") && poker.doubtful(),
                "the saloon's fine is in dollars too, which makes the bounty no more about poker: " + poker);
    }

    /** Asserts that each of {@code questions} finds {@code expected} first. */
    private static void findsFirst(FactRetriever retriever, String expected, String... questions) {
        for (String asked : questions) {
            assertEquals(expected, retriever.retrieve(asked, List.of(), 1).get(0).text(), asked);
        }
    }

    @Test
    void whereSomethingIsGotIsAsWellWhomFrom() {
        FactRetriever surgeon = FactRetriever.of(NpcCard.of("Zee", "street surgeon", List.of("I install chrome."),
                List.of("A new optic implant costs 900 credits.", "I buy my parts from a fence called Rook.",
                        "The clinic is under the Jade Dragon noodle shop.")), null, WORD_ENCODER);
        findsFirst(surgeon, "I buy my parts from a fence called Rook.", "Where do you get your parts?");
        findsFirst(surgeon, "The clinic is under the Jade Dragon noodle shop.", "Where is your clinic?");
    }

    @Test
    void whereYourThingIsAskedIsTheNpcsOwnPlaceNotAnotherPersons() {
        FactRetriever guide = FactRetriever.of(NpcCard.of("Sigrid", "ice-fishing guide", List.of("I guide anglers on the lake."),
                List.of("My brother Torvald Holm rents the green huts near the pressure ridge.",
                        "My shanties sit in a row off Gull Point.", "Bait is 2 pennies a cup.")), null, null);
        findsFirst(guide, "My shanties sit in a row off Gull Point.", "Where are your huts?", "where can i find you tomorrow");
        // asked of the other person, their place
        findsFirst(guide, "My brother Torvald Holm rents the green huts near the pressure ridge.",
                "Where are Torvald's huts?", "Where does your brother rent his huts?");
    }

    @Test
    void aWordOfTimeSaysWhenNotWhatIsAsked() {
        // "name-day" shared "day" with the rope's drying days, and the rope's price was taken to be the candle's
        FactRetriever cutter = FactRetriever.of(NpcCard.of("Ketil", "rope cutter", List.of("I cut walrus hide into rope."),
                List.of("A coil of walrus-hide rope, forty ells long, costs 3 ells of wadmal.",
                        "Stretched rope must dry for twelve days before a skipper can trust it at sea.")), null, null);
        RetrievedFact price = cutter.retrieve("I want a church candle for her name-day. what does one cost?", List.of(), 1).get(0);
        assertEquals("A coil of walrus-hide rope, forty ells long, costs 3 ells of wadmal.", price.text());
        assertTrue(price.doubtful(), "nothing of it is a candle");
        assertFalse(cutter.retrieve("What does a coil of rope cost?", List.of(), 1).get(0).doubtful());
    }

    @Test
    void anIrregularPluralIsItsWord() {
        // WordNet's exception lists (`improv train related-words --inflections`): Porter reads "wolv" and "wolf"
        FactRetriever hunter = FactRetriever.of(NpcCard.of("Ysolde", "huntress", List.of("I hunt the Thornwood."),
                List.of("Bandits pay 2 silver for any stolen horse.", "Captain Merrow pays 5 silver for every wolf pelt.",
                        "A good knife is 4 silver.", "A sword is 12 silver.")), null, null);
        findsFirst(hunter, "Captain Merrow pays 5 silver for every wolf pelt.", "Who pays for wolves?");
        findsFirst(hunter, "A good knife is 4 silver.", "How much are your knives?");
    }

    @Test
    void theWomensIsNotTheMens() {
        FactRetriever washer = FactRetriever.of(NpcCard.of("Edith", "washerwoman", List.of("I boil the linen."),
                List.of("Washing day for the men's ward is Monday, and the women's linen goes into the vats on Thursday.",
                        "Lye costs 2 pence a pot.")), null, null);
        findsFirst(washer, "The women's linen goes into the vats on Thursday.", "what day are the womens things washed",
                "When do you wash the ladies' linen?");
        findsFirst(washer, "Washing day for the men's ward is Monday.", "Which day is the men's washing?");
    }

    @Test
    void newsAsksWhatHasHappenedNotWhatIsNew() {
        FactRetriever smith = FactRetriever.of(NpcCard.of("Brom", "blacksmith", List.of("I am the blacksmith."),
                List.of("A new iron shortsword is 3 gold.", "The forge opens at first bell.",
                        "Wolves have been seen in the Thornwood east of town.")), null);
        findsFirst(smith, "Wolves have been seen in the Thornwood east of town.",
                "What's the news in town?", "Heard any rumours?", "Any news?");
    }

    @Test
    void aHandWithSomethingIsHelp() {
        FactRetriever keeper = FactRetriever.of(NpcCard.of("Hennet", "beekeeper", List.of("I keep forty hives."),
                List.of("Beeswax candles are 1 silver for a bundle of six.", "My nephew Corlo helps me smoke the hives.",
                        "I collect honey in late summer.")), null);
        findsFirst(keeper, "My nephew Corlo helps me smoke the hives.",
                "Who gives you a hand with the bees?", "Does anyone lend a hand with the hives?");
    }

    @Test
    void askedIfItIsSafeTheNpcTellsWhatThreatens() {
        FactRetriever master = FactRetriever.of(NpcCard.of("Yusuf", "caravan master", List.of("I lead caravans across the Amber Desert."),
                List.of("Passage to Qadir costs 15 silver.", "The crossing takes nine days.",
                        "Bandits raid near the Broken Pillars.")), null);
        findsFirst(master, "Bandits raid near the Broken Pillars.",
                "Is the desert dangerous?", "Is it safe to travel with you?", "Anything I should watch out for?");
    }

    @Test
    void aFactThatStatesTwoThingsIsRetrievedByTheOneAsked() {
        assertEquals(List.of("Repairing a sword costs 12 silver.", "A cracked blade costs 2 gold to reforge."),
                FactRetriever.clauses("Repairing a sword costs 12 silver; a cracked blade costs 2 gold to reforge."));
        assertEquals(List.of("A bed costs 6 silver.", "1 gold with a hot bath."),
                FactRetriever.clauses("A bed costs 6 silver, or 1 gold with a hot bath."));
        // No split inside a list, or where a part would be too short to stand alone.
        assertEquals(List.of("Bread, cheese and ale are sold here."), FactRetriever.clauses("Bread, cheese and ale are sold here."));
        assertEquals(List.of("Open late, and early."), FactRetriever.clauses("Open late, and early."));
        assertEquals(List.of("Villagers may gather fallen deadwood on the lower slopes, but only on the first and fifteenth of each month."),
                FactRetriever.clauses("Villagers may gather fallen deadwood on the lower slopes, but only on the first and fifteenth of each month."),
                "a part that only says when the first holds stays with it");
        assertEquals(List.of("Weapons are not kept here; they go to Sergeant Ida Vane at the armoury cage."),
                FactRetriever.clauses("Weapons are not kept here; they go to Sergeant Ida Vane at the armoury cage."),
                "a part that says 'they' for what the first names stays with it ('Who do I hand my pistol to?')");
        assertEquals(List.of("Master Edwin Gorridge owns the yard.", "It's his clerk Tobias Lunt who does the hiring."),
                FactRetriever.clauses("Master Edwin Gorridge owns the yard, but it's his clerk Tobias Lunt who does the hiring."),
                "'it' that points at nothing opens a part of its own");
    }

    @Test
    void wordsThePlayerUsesForWhatTheCardSaysInOthersStillFindIt() {
        FactRetriever guard = FactRetriever.of(NpcCard.of("Bram", "guard", List.of("I guard the gate of Oakvale."),
                List.of("A reward of 50 gold is posted for the bandit Magpie.", "The toll for a cart is 2 silver.",
                        "Captain Lise Varro commands the watch.")), null);
        assertEquals("A reward of 50 gold is posted for the bandit Magpie.",
                guard.retrieve("Is there a bounty on anyone?", List.of(), 1).get(0).text());
        assertEquals("Captain Lise Varro commands the watch.",
                guard.retrieve("Who is in charge here?", List.of(), 1).get(0).text());
    }

    @Test
    void settingOutIsLeaving() {
        // "What time do we set out?" found how long the crossing takes, not when the caravan leaves.
        FactRetriever caravan = FactRetriever.of(NpcCard.of("Yusuf", "caravan master", List.of(),
                List.of("The crossing to Qasr Dunya takes eleven days.", "Water is rationed to two skins a day per traveller.",
                        "We leave from the Well of Saba at moonrise.")), null);
        assertEquals("We leave from the Well of Saba at moonrise.",
                caravan.retrieve("What time do we set out?", List.of(), 1).get(0).text());
    }

    @Test
    void wordsWordNetRelatesFindAFactWrittenInOtherWords() {
        // Neither pair is in synonyms.txt: "raiders" is a broader word for "pirates"; "papers" is a synonym
        // of "documents" and "fake" of "forged".
        FactRetriever pilot = FactRetriever.of(NpcCard.of("Vera", "cargo pilot", List.of(),
                List.of("The Rusty Albatross is berthed in Hangar 9 on the lower ring.",
                        "Pirates have hit four freighters near the Vesta belt this month.",
                        "Forged travel papers take two days and cost 12 gold.",
                        "The Guild of Whispers is run by a woman called the Widow.",
                        "Ration packs are 6 credits each.")), null);
        assertEquals("Pirates have hit four freighters near the Vesta belt this month.",
                pilot.retrieve("How many ships have raiders jumped lately?", List.of(), 1).get(0).text());
        assertEquals("Forged travel papers take two days and cost 12 gold.",
                pilot.retrieve("Can you get me fake documents? How much?", List.of(), 1).get(0).text());
    }

    @Test
    void theShippedPeopleWordsAreTheRetrieversOwnStems() {
        // Stored as stems, like the related words: derived again by `improv train related-words --people`.
        for (String person : List.of("judges", "passengers", "cutters", "riders", "guys")) {
            assertTrue(RelatedWords.namesPerson(FactRetriever.terms(person, 1).get(0)), person);
        }
        for (String thing : List.of("districts", "willows", "dives", "pans", "parking")) {
            assertFalse(RelatedWords.namesPerson(FactRetriever.terms(thing, 1).get(0)), thing);
        }
    }

    @Test
    void theShippedRelatedWordsAreTheRetrieversOwnStems() {
        // The table is stored as stems; if the analyzer changes, `improv train related-words` must run again.
        List<String> pirates = RelatedWords.shipped().of(FactRetriever.terms("pirates", 1).get(0));
        assertTrue(pirates.contains(FactRetriever.terms("raider", 1).get(0)), pirates.toString());
        List<String> crate = RelatedWords.shipped().of(FactRetriever.terms("crates", 1).get(0));
        assertTrue(crate.contains(FactRetriever.terms("box", 1).get(0)), crate.toString());
        assertTrue(RelatedWords.shipped().size() > 40_000, "stems: " + RelatedWords.shipped().size());
        assertEquals(List.of(), RelatedWords.shipped().of("qwzx"));
        // `improv train related-words --opposites`: adjectives only, and those mostly used as adjectives
        assertTrue(RelatedWords.opposites(FactRetriever.terms("sweet", 1).get(0)).contains(FactRetriever.terms("sour", 1).get(0)));
        assertTrue(RelatedWords.opposites(FactRetriever.terms("cheap", 1).get(0))
                .contains(FactRetriever.terms("expensive", 1).get(0)));
        assertEquals(List.of(), RelatedWords.opposites(FactRetriever.terms("closed", 1).get(0)), "a verb first: close");
        assertEquals(List.of(), RelatedWords.opposites(FactRetriever.terms("buy", 1).get(0)), "not a verb's");
    }

    @Test
    void whereWhenAndWhoQuestionsFindTheirFacts() {
        assertEquals("The forge stands at the end of Tanner's Lane, past the well.", top("Where is your forge?"));
        assertEquals("I open at dawn and bank the fire at dusk.", top("When do you open?"));
        assertEquals("Iron ore comes down from the Greyback mines by cart every Tuesday.", top("When does the ore arrive?"));
        assertEquals("My apprentice Wil sharpens axes and knives while you wait.", top("Who sharpens knives?"));
        assertEquals("Old Maud the herbalist buys my spare charcoal.", top("Who is the herbalist?"));
        assertEquals("Queen Isolde rules from Highcastle.", top("Who rules this land? The queen?"));
    }

    @Test
    void aFactWithoutTheKindOfValueAskedForYieldsToOneWithIt() {
        FactRetriever scrapper = FactRetriever.of(NpcCard.of("Rook", "scrap trader", List.of(),
                List.of("Clean water is 5 caps a bottle.", "The water purifier is run by a man called Deacon.",
                        "Customs officer Bertil Crane inspects every cargo that comes up from the south.",
                        "The customs house is on Tarred Rope Wharf, next to the lighthouse stairs.")), null);
        // More shared words ("clean water") lose to the fact that names a person for "who"...
        assertEquals("The water purifier is run by a man called Deacon.",
                scrapper.retrieve("Who controls the clean water around here?", List.of(), 1).get(0).text());
        // ...and a place for "where" ("inspects" is shared with the officer's fact, which names no place).
        assertEquals("The customs house is on Tarred Rope Wharf, next to the lighthouse stairs.",
                scrapper.retrieve("Where do I go to get my goods inspected?", List.of(), 1).get(0).text());
        // A question that asks for no kind of value is left to the words.
        assertEquals("Clean water is 5 caps a bottle.",
                scrapper.retrieve("Tell me about the clean water.", List.of(), 1).get(0).text());
    }

    @Test
    void worldAndHistoryFactsCarryTheirSource() {
        List<RetrievedFact> ferry = FACTS.retrieve("When does the ferry run?", List.of(), 2);
        assertEquals(new RetrievedFact("The ferry across the Dun runs from sunrise to sunset.", FactRetriever.WORLD,
                ferry.get(0).score()), ferry.get(0));
        List<Turn> history = List.of(Turn.player("My horse is called Bramble."), Turn.npc("A fine name for a mare."),
                Turn.player("What is my horse called?"));
        List<RetrievedFact> horse = FACTS.retrieve("What is my horse called?", history, 3);
        assertEquals("My horse is called Bramble.", horse.get(0).text());
        assertEquals(FactRetriever.PLAYER, horse.get(0).source(), "the player's line, recalled as theirs");
        assertTrue(horse.stream().noneMatch(f -> f.text().equals("What is my horse called?")),
                "the line being answered is not its own answer: " + horse);
        List<RetrievedFact> npc = FACTS.retrieve("What mare?", history, 3);
        assertTrue(npc.stream().anyMatch(f -> f.text().equals("A fine name for a mare.") && f.source().equals(FactRetriever.HISTORY)),
                "the NPC's own line: " + npc);
        List<Turn> asked = List.of(Turn.player("How much for a horse like Bramble?"), Turn.npc("Ask the stable."));
        assertTrue(FACTS.retrieve("Is Bramble a good horse?", asked, 3).stream()
                .noneMatch(f -> f.text().startsWith("How much")), "an earlier question states nothing");
        for (int i = 1; i < horse.size(); i++) {
            assertTrue(horse.get(i - 1).score() >= horse.get(i).score(), "best first: " + horse);
        }
    }

    @Test
    void askedWhatTheNpcSellsItsPricedFactsComeBeforeItsPersona() {
        NpcCard jeweler = NpcCard.of("Samir", "jeweler", List.of("My father taught me the trade.",
                "I run a small jewelry shop in the old market."), List.of("Resizing a ring costs 25 dollars.",
                "A silver chain is 40 dollars.", "My cousin Nadia does the engraving."));
        for (String asked : List.of("What do you sell?", "What have you got for sale?", "whatcha got")) {
            List<RetrievedFact> found = FactRetriever.of(jeweler, null).retrieve(asked, List.of(), 2);
            assertEquals(Set.of("Resizing a ring costs 25 dollars.", "A silver chain is 40 dollars."),
                    Set.of(found.get(0).text(), found.get(1).text()), asked + ": " + found);
        }
    }

    @Test
    void unrelatedLinesFindNothing() {
        assertEquals(List.of(), FACTS.retrieve("Lovely weather!", List.of(), 3));
        assertEquals(List.of(), FACTS.retrieve("", List.of(), 3));
        assertEquals(List.of(), FACTS.retrieve("?!?! ...", List.of(), 3));
    }

    @Test
    void anyPlayerTextIsSafe() {
        for (String nasty : List.of("sword AND (gold OR", "\"unclosed", "*:*", "sword~2^10 /regex/ [a TO z]",
                "<|npc|> <|end|> repair <|persona|>", "\u0000\uD800 sword \uFFFF", "forge".repeat(10_000))) {
            FACTS.retrieve(nasty, List.of(Turn.player(nasty)), 3); // no exception is the assertion
        }
        assertEquals("Repairing a sword costs 12 gold.",
                FACTS.retrieve("<|end|><|npc|> how much to repair my sword? <|end|>", List.of(), 1).get(0).text());
        String huge = "How much to repair my sword? " + "blah ".repeat(200_000); // about 1 MB
        assertEquals("Repairing a sword costs 12 gold.", FACTS.retrieve(huge, List.of(Turn.npc(huge)), 1).get(0).text());
        assertTrue(FactRetriever.terms(huge, FactRetriever.MAX_QUERY_TERMS).size() <= FactRetriever.MAX_QUERY_TERMS);
    }

    /** Words hashed into a unit vector: lines that share words are alike, lines that share none are orthogonal. */
    private static final SentenceEncoder WORD_ENCODER = FixedEncoder.of("hashed words", text -> {
        float[] v = new float[256];
        for (String w : FactRetriever.terms(text, 64)) {
            v[Math.floorMod(w.hashCode(), v.length)] += 1f;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = norm == 0 ? 0f : (float) (v[j] / Math.sqrt(norm));
        }
        return v;
    });

    @Test
    void aFactThatMeansNoMoreThanTheRestOfTheCardIsDoubtful() {
        FactRetriever facts = FactRetriever.of(BLACKSMITH, null, WORD_ENCODER);
        // Only the kind asked (a price) finds a fact: nothing in its meaning singles it out.
        RetrievedFact dragon = facts.retrieve("How much for a dragon's egg?", List.of(), 1).get(0);
        assertTrue(dragon.doubtful(), dragon.toString());
        RetrievedFact sword = facts.retrieve("How much to repair my sword?", List.of(), 1).get(0);
        assertEquals("Repairing a sword costs 12 gold.", sword.text());
        assertFalse(sword.doubtful(), "the fact that shares the question's words stands out");
    }

    /** Meaning by keyword: a line's cosine with any question is the number given for a word of it, else 0.05. */
    private static SentenceEncoder cosines(java.util.Map<String, Float> byWord) {
        return FixedEncoder.of("cosines", text -> {
            String t = text.toLowerCase(java.util.Locale.ROOT);
            float c = t.endsWith("?") ? 1f : byWord.entrySet().stream().filter(e -> t.contains(e.getKey()))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(0.05f);
            return new float[] {c, (float) Math.sqrt(1 - c * c)};
        });
    }

    @Test
    void theNpcsPlaceOfWorkIsNotInDoubtWhateverWordItGoesBy() {
        NpcCard chandler = NpcCard.builder("Vance", "candle seller")
                .addFact("My stall is the orange cargo container bolted up beside the north airlock.")
                .addFact("I've got forty-two candles left on the shelf.")
                .build();
        FactRetriever facts = FactRetriever.of(chandler, null, cosines(java.util.Map.of("stall", 0.26f, "candles", 0.2f)));
        RetrievedFact stall = facts.retrieve("where is ur shop at", List.of(), 1).get(0);
        assertEquals("My stall is the orange cargo container bolted up beside the north airlock.", stall.text());
        assertFalse(stall.doubtful(), "asked where the NPC's shop is, its stall is: " + stall);
    }

    @Test
    void aLineReachedOnlyThroughANameIsReadWhenTheShopIsAsked() {
        // "Cleo Lightbourn" lifts her line, which shares no word with the question: it was read after the doubt was
        // weighed, and asking where the shop is threw a NullPointerException (fresh set 363, session 42)
        NpcCard agent = NpcCard.builder("Harold", "export agent")
                .addFact("My shop is kept with my partner Cleo Lightbourn.")
                .addFact("Cleo Lightbourn writes the letters of credit.")
                .addFact("A case of rye costs 9 dollars.")
                .build();
        List<RetrievedFact> found = FactRetriever.of(agent, null, null).retrieve("where is ur shop at", List.of(), 3);
        assertEquals("My shop is kept with my partner Cleo Lightbourn.", found.get(0).text());
        assertFalse(found.get(0).doubtful());
        assertTrue(found.stream().anyMatch(f -> f.text().startsWith("Cleo Lightbourn")), "lifted by her name: " + found);
    }

    @Test
    void initialsFindTheNameTheyStandFor() {
        NpcCard driver = NpcCard.builder("Harlan", "bus driver")
                .addFact("A ticket from here on to Albuquerque is 3 dollars and 15 cents.")
                .addFact("All the way through to Los Angeles is 21 dollars.")
                .addFact("The coach leaves at 7 in the morning.")
                .build();
        FactRetriever facts = FactRetriever.of(driver, null, null);
        assertEquals("All the way through to Los Angeles is 21 dollars.", facts.retrieve("fare to LA from here?", List.of(), 1)
                .get(0).text());
        assertEquals("A ticket from here on to Albuquerque is 3 dollars and 15 cents.",
                facts.retrieve("fare to Albuquerque from here?", List.of(), 1).get(0).text());
    }

    @Test
    void theLineNearestInMeaningIsTrustedFromAModestCosine() {
        NpcCard watch = NpcCard.builder("Hild", "reeve")
                .addFact("Ten watchmen with ash staves walk the streets for me today.")
                .addFact("The fair toll is 2 pennies a cart.")
                .addFact("I have kept the peace here for nine years.")
                .build();
        String asked = "how many guards you got on duty?";
        // no word of "guards on duty" is in the watchmen's line; its meaning is the card's nearest, at 0.37
        RetrievedFact nearest = FactRetriever.of(watch, null, cosines(java.util.Map.of("watchmen", 0.37f, "years", 0.2f)))
                .retrieve(asked, List.of(), 1).get(0);
        assertEquals("Ten watchmen with ash staves walk the streets for me today.", nearest.text());
        assertFalse(nearest.doubtful(), nearest.toString());
        // at 0.3 nothing singles it out enough; nor at 0.37 when another line of the card means more
        assertTrue(FactRetriever.of(watch, null, cosines(java.util.Map.of("watchmen", 0.3f, "years", 0.2f)))
                .retrieve(asked, List.of(), 1).get(0).doubtful());
        RetrievedFact second = FactRetriever.of(watch, null, cosines(java.util.Map.of("watchmen", 0.37f, "years", 0.39f)))
                .retrieve(asked, List.of(), 3).stream().filter(f -> f.text().contains("watchmen")).findFirst().orElseThrow();
        assertTrue(second.doubtful(), second.toString());
    }

    @Test
    void aFactThatSharesNothingWithWhatIsAskedAboutIsDoubtfulEvenByWordsAlone() {
        // Found by "how much" alone: the price is of something else.
        RetrievedFact dragon = FACTS.retrieve("How much for a dragon's egg?", List.of(), 1).get(0);
        assertTrue(dragon.doubtful(), dragon.toString());
        RetrievedFact sword = FACTS.retrieve("How much to repair my sword?", List.of(), 1).get(0);
        assertEquals("Repairing a sword costs 12 gold.", sword.text());
        assertFalse(sword.doubtful(), "it shares 'sword' with the question");
        // A line that names nothing but what it asks has no subject to miss.
        assertFalse(FACTS.retrieve("How much?", List.of(), 1).get(0).doubtful());
        // When the player asks is not what about.
        NpcCard cook = NpcCard.builder("Gus", "cook")
                .addFact("The night waitress, Darlene, has worked here for seventeen years.")
                .addFact("A slice of cherry pie is 4 dollars.")
                .build();
        RetrievedFact darlene = FactRetriever.of(cook, null, null).retrieve("Who won the ball game last night?", List.of(), 1)
                .get(0);
        assertTrue(darlene.doubtful(), "'night' is when the game was, not what it is about");
    }

    @Test
    void aCraftsmansShedIsHisWorkshop() {
        NpcCard twister = NpcCard.builder("Bazo", "rope twister")
                .addFact("A ten-fathom coil of anchor line costs 5 shell crowns.")
                .addFact("I have 4 nephews who gather husks for me on the windward beaches.")
                .addFact("My rope shed stands behind the Old Copra Warehouse, next to the broken canoe.")
                .build();
        RetrievedFact shed = FactRetriever.of(twister, null, null).retrieve("where can i find ur workshop?", List.of(), 1).get(0);
        assertEquals("My rope shed stands behind the Old Copra Warehouse, next to the broken canoe.", shed.text());
        assertFalse(shed.doubtful(), "a shed is where he works: the reply need not say 'rope shed' to answer");
    }

    @Test
    void whoseAsksForAnOwnerAndWhoOwnsStillAsksAboutWhatIsOwned() {
        NpcCard climber = NpcCard.builder("Idris", "date-palm climber")
                .addFact("The tallest palm in the grove is called Old Grandmother.")
                .addFact("The grove belongs to the widow Saffa Ilmareth, and I pay her one basket in every ten.")
                .addFact("I climb forty palms a day in the harvest month.")
                .build();
        RetrievedFact grove = FactRetriever.of(climber, null, null).retrieve("Whose trees are these you're picking from?", List.of(), 1).get(0);
        assertEquals("The grove belongs to the widow Saffa Ilmareth.", grove.text(), "its clause that says whose");
        NpcCard cook = NpcCard.builder("Dot", "diner cook")
                .addFact("The owner, Gus Petrakis, only comes in on Fridays to do the books.")
                .addFact("A slice of cherry pie is 4 dollars.")
                .build();
        RetrievedFact owner = FactRetriever.of(cook, null, null).retrieve("Who owns this place?", List.of(), 1).get(0);
        assertEquals("The owner, Gus Petrakis, only comes in on Fridays to do the books.", owner.text());
        assertFalse(owner.doubtful(), "'owns' is what the line asks about: the owner");
    }

    @Test
    void aFactThatSharesAWordWithWhatIsAskedAboutIsNotDoubtedForItsMeaning() {
        NpcCard keeper = NpcCard.builder("Maribel", "innkeeper")
                .addFact("Stable space for a horse is 3 silver a night; the stable boy is called Wren.")
                .addFact("A pint of dark ale is 1 silver.")
                .addFact("Supper is served from sundown until the curfew bell.")
                .build();
        RetrievedFact wren = FactRetriever.of(keeper, null, WORD_ENCODER).retrieve("Who looks after the horses?", List.of(), 1)
                .get(0);
        assertEquals("The stable boy is called Wren.", wren.text());
        assertFalse(wren.doubtful(), "its line says 'horse': 'Wren.' answers");
    }

    @Test
    void aNameLeadsFromTheLineThatDescribesItToTheLineThatAnswers() {
        NpcCard keeper = NpcCard.builder("Maribel", "innkeeper")
                .addPersona("I keep the Drowned Lantern, the oldest inn in town.")
                .addFact("The Drowned Lantern stands at the bottom of Net Street, by the fish market.")
                .addFact("Wolves have been seen in the Thornwood east of town.")
                .addFact("A bed for the night costs 6 silver.")
                .build();
        for (FactRetriever facts : List.of(FactRetriever.of(keeper, null, null), FactRetriever.of(keeper, null, WORD_ENCODER))) {
            RetrievedFact top = facts.retrieve("Where is your inn?", List.of(), 3).get(0);
            assertEquals("The Drowned Lantern stands at the bottom of Net Street, by the fish market.", top.text());
            assertFalse(top.doubtful(), "reached through the name, it is not in doubt");
        }
    }

    @Test
    void aQuestionWordsContractionAsksAsTheWholeWordDoes() {
        NpcCard distiller = NpcCard.builder("Mara", "rum distiller")
                .addFact("A bottle of my Black Tide rum costs 4 shells.")
                .addFact("My cooper, Fat Jacques Moreau, builds and repairs my barrels.")
                .addFact("The good rum ages in oak for three years.")
                .build();
        // "who's" is "who": the person intent and WordNet's keg-barrel find the cooper (was: nothing at all)
        findsFirst(FactRetriever.of(distiller, null, null), "My cooper, Fat Jacques Moreau, builds and repairs my barrels.",
                "arr who's the fella makin yer kegs", "Who is the fella making your kegs?");
    }

    @Test
    void aWordFoundInsideACompoundCounts() {
        NpcCard wright = NpcCard.builder("Bess", "shipwright")
                .addFact("Ol' Finch the sailmaker works out of the loft above the Salty Mermaid.")
                .addFact("Caulking a hull costs 40 doubloons.")
                .addFact("The stagecoach brings my tar every Thursday.")
                .addFact("I open at 7 am every day except Sunday.")
                .build();
        FactRetriever facts = FactRetriever.of(wright, null, null);
        findsFirst(facts, "Ol' Finch the sailmaker works out of the loft above the Salty Mermaid.", "Who makes sails around here?");
        // and "what day" is a weekday, not the hour the yard opens
        findsFirst(facts, "The stagecoach brings my tar every Thursday.", "What day does the stage come in?");
        assertEquals(List.of("sail", "maker", "make"), CompoundWords.parts("Sailmaker"));
        assertEquals(List.of("stage", "coach"), CompoundWords.parts("stagecoach"));
        assertEquals(List.of("shot", "gun"), CompoundWords.parts("shotgun"));
        assertEquals(List.of("sea", "horse"), CompoundWords.parts("seahorse"));
        assertEquals(List.of(), CompoundWords.parts("friendship"), "no 'ship' ending: a friend is no vessel");
        assertEquals(List.of(), CompoundWords.parts("decontaminated"), "no two whole words");
        assertEquals(List.of(), CompoundWords.parts("together"));
    }

    @Test
    void aPriceInACoinOnlyTheCardKnowsIsAPriceAfterFor() {
        NpcCard escort = NpcCard.builder("Lu Feiyan", "escort captain")
                .addFact("Escorting a cart of goods to the capital costs 30 taels of silver.")
                .addFact("A single traveler may ride with our convoy for 5 taels.")
                .addFact("The journey to the capital takes eighteen days.")
                .build();
        findsFirst(FactRetriever.of(escort, null, null), "A single traveler may ride with our convoy for 5 taels.",
                "what's the price for just me to travel along with your caravan");
    }

    @Test
    void whoseThingIsAskedAboutCountsLessThanTheThing() {
        NpcCard meg = NpcCard.builder("Salt Meg", "pirate quartermaster")
                .addFact("A share of the prize is 30 doubloons a head.")
                .addFact("The crew numbers 46 souls.")
                .addFact("Rum is rationed at one cup at eight bells.")
                .build();
        FactRetriever facts = FactRetriever.of(meg, null, null);
        assertEquals("A share of the prize is 30 doubloons a head.",
                facts.retrieve("How big is each man's share?", List.of(), 1).get(0).text());
        assertEquals("The crew numbers 46 souls.", facts.retrieve("How big is the crew?", List.of(), 1).get(0).text());
    }

    @Test
    void wordsPlayersUseForWhatCardsSayOtherwiseFindIt() {
        FactRetriever kennel = FactRetriever.of(NpcCard.of("Juno", "kennel owner", List.of("My dogs eat before I do."),
                List.of("Juno has 14 dogs in her pens right now.", "Dog feed is bought from Tomas Reyes, the rat farmer.",
                        "A trained scout dog costs 60 ration chits.")), null);
        findsFirst(kennel, "Dog feed is bought from Tomas Reyes, the rat farmer.", "Who sells you the dog chow?");
        FactRetriever florist = FactRetriever.of(NpcCard.of("Marisol", "florist", List.of("I love peonies."),
                List.of("My sister, Anouk Achterberg, makes the wedding bouquets on weekends.",
                        "My delivery driver, Tomasz Wilk, brings orders anywhere in the city before noon.")), null);
        findsFirst(florist, "My delivery driver, Tomasz Wilk, brings orders anywhere in the city before noon.",
                "Could you tell me who drops the flowers off at people's houses?");
        FactRetriever rental = FactRetriever.of(NpcCard.of("Juno", "rental clerk", List.of("Sign here."),
                List.of("SkyLoop Rentals is on Deck 7 of Meridian Spire.", "The Vanta GT luxury model rents for 450 credits per day.",
                        "The fleet technician is Harlan Mbeki, who works in Bay C.")), null);
        findsFirst(rental, "The fleet technician is Harlan Mbeki, who works in Bay C.", "Who fixes these rides?");
    }

    @Test
    void whoSellsYouAThingIsWhomItIsBoughtFrom() {
        FactRetriever binder = FactRetriever.of(NpcCard.of("Odile", "bookbinder", List.of("I bind books."),
                List.of("Odile buys her vellum from Henrik Dusselmoor, a tanner in the village of Fennick.",
                        "Odile has bound 214 books for the Arcane College library.")), null);
        findsFirst(binder, "Odile buys her vellum from Henrik Dusselmoor, a tanner in the village of Fennick.",
                "Who sells you the vellum your books are made of?");
        FactRetriever courier = FactRetriever.of(NpcCard.of("Kenji", "bike courier", List.of("I ride packages across Neo Osaka."),
                List.of("The depot is under the Kanda overpass.", "My dispatcher is Rina Sato.")), null);
        findsFirst(courier, "The depot is under the Kanda overpass.", "Where do you pick up your parcels?");
        // (a word the player does not say: "sends you" is "from")
        FactRetriever matches = FactRetriever.of(NpcCard.of("Ilka", "match-maker", List.of("I make matches."),
                List.of("My son Tobias carries the crates down to the valley market every Thursday.",
                        "The old match-maker before me, Widow Ysolde Crane, taught me the trick of adding powdered glass.",
                        "I get my brimstone sticks from the refinery and my pine splints from the woodcutter Gideon Marsh.")), null);
        findsFirst(matches, "I get my brimstone sticks from the refinery and my pine splints from the woodcutter Gideon Marsh.",
                "Who sends you the wood sticks?");
    }

    @Test
    void aLineThatOpensWithAPronounIsFoundByWhatTheLineBeforeNames() {
        FactRetriever scout = FactRetriever.of(NpcCard.of("Tam", "scout", List.of("Keep your head down."),
                List.of("The Rust Vipers camp by the dry riverbed, so we ride around it.", "Their leader is a man called Ozzie Crane.",
                        "The next well is at Dead Man's Pump.")), null);
        findsFirst(scout, "Their leader is a man called Ozzie Crane.", "who's in charge of the rust vipers?");
    }

    @Test
    void whichOfTwoPricesIsToldByWhatThePlayerWants() {
        FactRetriever baths = FactRetriever.of(NpcCard.of("Mags", "bathhouse keeper", List.of("Scrub behind your ears."),
                List.of("A hot soak in the common pool costs 3 shells.", "A private tub costs eight shells.")), null);
        findsFirst(baths, "A private tub costs eight shells.", PlayerText.asWritten("what's it cost fer a wash all to meself"));
        FactRetriever gym = FactRetriever.of(NpcCard.of("Rox", "gym trainer", List.of("Lift."),
                List.of("One hour in the 2-g chamber costs 30 credits.", "A full month pass is four hundred credits.")), null);
        findsFirst(gym, "A full month pass is four hundred credits.", "How much for thirty days of unlimited workouts?");
        FactRetriever water = FactRetriever.of(NpcCard.of("Ada", "water registrar", List.of("Next."),
                List.of("A registered water card costs 25 caps.", "Replacing a lost card costs sixty caps.")), null);
        findsFirst(water, "Replacing a lost card costs sixty caps.", "I dropped my card, what's it going to run me to get another?");
    }

    @Test
    void playersWordsForWhatAFactSaysOtherwise() {
        FactRetriever broker = FactRetriever.of(NpcCard.of("Ismene", "spice broker", List.of("I sell spices."), List.of(
                "My stall is under the red awning on the Spice Raft.",
                "If you want smuggled spices, you will find them at the Drowned Lantern tavern.",
                "The spice galley docks on the last day of each month.")), null);
        findsFirst(broker, "If you want smuggled spices, you will find them at the Drowned Lantern tavern.",
                "where can a guy get the untaxed stuff, no questions asked");
        FactRetriever warden = FactRetriever.of(NpcCard.of("Bram", "warden", List.of("I keep the walkways."), List.of(
                "If you see a loose plank, tell my deputy Wynn Harrow.",
                "Old Captain Ferris Mole built the first walkways here.")), null);
        findsFirst(warden, "If you see a loose plank, tell my deputy Wynn Harrow.",
                "I nearly fell through a rotten board on my way here. Who should I report that to?");
        FactRetriever brewer = FactRetriever.of(NpcCard.of("Ada", "brewer", List.of("I brew green ale."), List.of(
                "Tapping night is every fifth rest-day, from the tenth bell.",
                "Old Corwin plays the squeezebox in the corner most nights.")), null);
        findsFirst(brewer, "Tapping night is every fifth rest-day, from the tenth bell.", "when do u crack open the new kegs?");
    }

    @Test
    void playersPhrasesForWhatAFactSaysOtherwise() {
        FactRetriever carpenter = FactRetriever.of(NpcCard.of("Ole", "carpenter", List.of("I build barns."), List.of(
                "A new chicken coop is 40 pennies with timber included.",
                "I've put up nine barns in this valley.")), null);
        findsFirst(carpenter, "A new chicken coop is 40 pennies with timber included.",
                "How much would it cost to have a little house put up for my hens?");
        FactRetriever clerk = FactRetriever.of(NpcCard.of("Ada", "claims clerk", List.of("I record claims."), List.of(
                "Disputes over boundaries go before Judge Amos Whitcomb, who holds court on the first Monday of each month.",
                "You have ninety days after locating a claim to record it, or another man may jump it lawfully.")), null);
        assertTrue(clerk.retrieve("how long do i have before someone else can take my spot", List.of(), 1).get(0).text()
                .contains("ninety days"));
    }

    @Test
    void yourPlaceIsWhereTheNpcWorks() {
        FactRetriever chandler = FactRetriever.of(NpcCard.of("Hilde", "chandler", List.of("I make candles."), List.of(
                "The shop opens at the bell for Prime and closes when the curfew bell rings at dusk.",
                "My shop is the narrow one with green shutters at the bottom of Cobble Hill.",
                "My daughter Elsbeth minds the counter in the mornings.")), null);
        findsFirst(chandler, "My shop is the narrow one with green shutters at the bottom of Cobble Hill.",
                "Someone at the inn said you make candles. Where's your place?");
        FactRetriever broker = FactRetriever.of(NpcCard.of("Ona", "berth broker", List.of("I rent berths."), List.of(
                "My office is a converted cargo pod on Ring Level C, next to the north lift.",
                "The waiting queue for public berths is managed from the Beacon Tower.")), null);
        findsFirst(broker, "My office is a converted cargo pod on Ring Level C, next to the north lift.",
                "Excuse me, where is your place of business, if I need to come back and sign something?");
    }

    @Test
    void aLineAboutOneOfThoseIsReadWithTheLineBefore() {
        FactRetriever goldsmith = FactRetriever.of(NpcCard.of("Bice", "goldsmith", List.of("I keep the saint's reliquary."),
                List.of("A small festival medal of the saint costs 1 florin.", "A large one costs 9 florins.",
                        "My shop is the third one on the Ponte degli Orafi.")), null);
        findsFirst(goldsmith, "A large one costs 9 florins.", "How much is a large medal of the saint?");
    }

    @Test
    void whichDaysAsksADayNotAnyFactThatSaysDays() {
        FactRetriever keeper = FactRetriever.of(NpcCard.of("Bertil", "warehouse keeper", List.of("I keep the seized goods."),
                List.of("Seized goods are held for thirty days.",
                        "Claims are heard only on Tuesdays and Thursdays, between ten in the morning and two in the afternoon.",
                        "Right now I have 214 tagged items on the shelves.")), null);
        findsFirst(keeper, "Claims are heard only on Tuesdays and Thursdays, between ten in the morning and two in the afternoon.",
                "Which days can I come and ask for it back?", "what days r u here");
    }

    @Test
    void theCheapOneIsFoundForACheapOne() {
        FactRetriever brickworks = FactRetriever.of(NpcCard.of("Wil", "brickmaker", List.of("I burn bricks."), List.of(
                "A thousand seconds sell for 18 copper marks at the yard gate, but first-quality facing bricks cost 3 silver "
                        + "crowns the thousand.",
                "The kiln is drawn every Tuesday and Friday at dawn.")), null);
        findsFirst(brickworks, "A thousand seconds sell for 18 copper marks at the yard gate.", "wat do the cheap wonky bricks cost");
        FactRetriever depot = FactRetriever.of(NpcCard.of("Ida", "fuel clerk", List.of("I sell fuel."), List.of(
                "Standard heavy diesel goes for 4 depot marks a barrel; the clean blend for the generators is 7 depot marks a barrel.",
                "Fuel chits are signed in the blockhouse by the gate.")), null);
        findsFirst(depot, "The clean blend for the generators is 7 depot marks a barrel.", "What does the premium diesel cost?");
    }

    @Test
    void aLineAboutTheOppositeOfWhatIsAskedComesAfterOneAboutIt() {
        FactRetriever tapper = FactRetriever.of(NpcCard.of("Mele", "toddy tapper", List.of("I tap palms."), List.of(
                "During the lull the divers drift over around midday, and I sell out of sweet toddy by mid-afternoon.",
                "By order of the Elder, sour toddy may only be sold after the evening conch is blown.")), null);
        findsFirst(tapper, "By order of the Elder, sour toddy may only be sold after the evening conch is blown.",
                "what time can i buy the strong sour stuf");
        FactRetriever keeper = FactRetriever.of(NpcCard.of("Ilse", "lamplighter", List.of("I light the lanes."), List.of(
                "I light the lanes of the Whispering Tier every evening at moonrise.",
                "If a lantern goes dark on your doorstep, report it to Warden Ilsevel Thornquist at the Lanternhall.")), null);
        findsFirst(keeper, "If a lantern goes dark on your doorstep, report it to Warden Ilsevel Thornquist at the Lanternhall.",
                "The light outside my door died last night. Who do I complain to?");
    }

    @Test
    void aWordThatSaysTheSameSizeTellsTheOppositeSizeApart() {
        // "a little lamp" is the small one, though no line says "little" and the tall one shares more words
        FactRetriever chandler = FactRetriever.of(NpcCard.of("Oda", "chandler", List.of("I pour lamps."), List.of(
                "A tall brass oil lamp for the chapel costs 9 silver.",
                "A small clay lamp for a sickroom is 2 copper.")), null);
        findsFirst(chandler, "A small clay lamp for a sickroom is 2 copper.", "price of a little lamp for the chapel?");
        FactRetriever cells = FactRetriever.of(NpcCard.of("Rhee", "cell trader", List.of("I trade power cells."), List.of(
                "An empty cell with its casing intact gets you 3 scrip back at my counter.",
                "A charged cell sells for 30 scrip.")), null);
        findsFirst(cells, "A charged cell sells for 30 scrip.", "how much for a cell thats full?");
    }

    @Test
    void aLineThatSaysTheAskedWordIsNotSoComesAfterOneThatAnswers() {
        FactRetriever surveyor = FactRetriever.of(NpcCard.of("Amos", "surveyor", List.of("I survey claims."), List.of(
                "The flats east of the old mission are alkali and will not grow a thing.",
                "The best bottomland lies along Cutter's Run, below the ferry.")), null);
        findsFirst(surveyor, "The best bottomland lies along Cutter's Run, below the ferry.",
                "I want to grow beans, not weeds. Where's the richest dirt around here?");
        // "no longer than" is no "not"
        FactRetriever trader = FactRetriever.of(NpcCard.of("Ysa", "trader", List.of("I trade spice."), List.of(
                "Foreign traders may stay in the city no longer than a month.",
                "I sell pepper for 3 silver a bag.")), null);
        findsFirst(trader, "Foreign traders may stay in the city no longer than a month.", "How long can traders stay in the city?");
    }

    @Test
    void aPlaceNextToALandmarkIsNoPerson() {
        FactRetriever outfitter = FactRetriever.of(NpcCard.of("Ned", "outfitter", List.of("I outfit settlers."), List.of(
                "I keep a wheel lot next to the Old Mill, where broken carts get hauled for parts.",
                "My cousin Hal Moreno greases axles in the yard behind the store.")), null);
        findsFirst(outfitter, "My cousin Hal Moreno greases axles in the yard behind the store.",
                "my cart axle is squeakin bad, who can fix it");
    }

    @Test
    void theCheapHalfOfALineIsFoundForTheCheapestWayOrTheScraps() {
        FactRetriever driller = FactRetriever.of(NpcCard.of("Ola", "drill foreman", List.of("I run the drills."), List.of(
                "A new steel auger costs 90 scrip at the store, but a resharpened one from Dag's bench is only 25 scrip.",
                "The shaft house is at the end of Pit Row.")), null);
        findsFirst(driller, "A resharpened one from Dag's bench is only 25 scrip.",
                "My auger snapped yesterday. Whats the cheapest way to get a working one?");
        FactRetriever sailmaker = FactRetriever.of(NpcCard.of("Tom", "sailmaker", List.of("I make sails."), List.of(
                "I sell offcut canvas to anyone at 3 pence a yard, though the heavy navy sailcloth goes for 2 shillings a yard.",
                "A hammock costs a sailor 3 shillings.")), null);
        findsFirst(sailmaker, "I sell offcut canvas to anyone at 3 pence a yard.",
                "I only need some leftover scraps of sailcloth to patch my tent. What would that run me?");
    }

    @Test
    void whoIsInChargeWhenTheNpcIsAwayIsTheirDeputy() {
        FactRetriever dispatcher = FactRetriever.of(NpcCard.of("Brann", "dispatcher", List.of("I send the carts down."), List.of(
                "The Deepcut branch is closed every Fireday for track inspection.",
                "If I am off shift, my deputy Olga Stonehand takes the horn and the chalkboard.")), null);
        findsFirst(dispatcher, "If I am off shift, my deputy Olga Stonehand takes the horn and the chalkboard.",
                "I need to see whoever's in charge when you're not around. Who's that?");
        // a part whose "he" points back at the name before it stays with it
        FactRetriever foreman = FactRetriever.of(NpcCard.of("Ada", "foreman", List.of("I run the shaft."), List.of(
                "We ship the ore to the smelter on the east rim, where Supervisor Jon Hale weighs every load.",
                "My second-in-command is Piet Vos; if I'm not in the shaft house, he signs off on the tallies.")), null);
        findsFirst(foreman, "My second-in-command is Piet Vos; if I'm not in the shaft house, he signs off on the tallies.",
                "Who approves the counts when you're not around?");
    }

    @Test
    void mendingIsNotANewOne() {
        FactRetriever stitcher = FactRetriever.of(NpcCard.of("Samir", "net stitcher", List.of("I stitch nets."), List.of(
                "A new gauze net cut to fit your window costs 8 copper; patching a torn one is only 1 copper.")), null);
        findsFirst(stitcher, "Patching a torn one is only 1 copper.",
                "Some bug chewed a hole in the net over my window. What'll it cost to fix it?");
    }

    @Test
    void someoneSaidToBeAPersonAnswersWho() {
        // "Martha Tull, a Tlingit woman": things come from her, she is no place, so she answers "who"
        FactRetriever outfitter = FactRetriever.of(NpcCard.of("Ada", "winter outfitter", List.of("I sell winter kit."),
                List.of("My store is the Quayle Outfitting Company, the two-storey building at the head of the landing.",
                        "Snowshoes come from Martha Tull, a Tlingit woman who strings them by hand out at Sheep Camp.",
                        "My nephew Calvin Quayle handles the back counter and the credit book.")), null);
        findsFirst(outfitter, "Snowshoes come from Martha Tull, a Tlingit woman who strings them by hand out at Sheep Camp.",
                "who makes the snowshoes u sell");
    }

    @Test
    void aStretchOfTheDayIsReadAsWhatItLasts() {
        // "from dusk to dawn" is the whole night: it found the single bowl of water's price by "water"
        FactRetriever water = FactRetriever.of(NpcCard.of("Zahra", "keeper of the water shares", List.of("I time the channels."),
                List.of("A single kharrouba of water can be bought for 2 silver dirhams, but a whole night's flow costs 15 silver dirhams.",
                        "The channels are opened at the call to prayer.")), null);
        assertEquals("A whole night's flow costs 15 silver dirhams.",
                water.retrieve("Price for water from dusk to dawn?", List.of(), 1).get(0).text());
    }

    @Test
    void wordsOfTheSameMeaningTellTheHalvesOfALineApart() {
        FactRetriever tea = FactRetriever.of(NpcCard.of("Dawa", "butter-tea brewer", List.of("I brew tea for the porters."),
                List.of("A bowl of salted butter tea costs 1 copper pice, and a clay pot of sweet milky chai is 3 copper pice.")), null);
        assertEquals("A clay pot of sweet milky chai is 3 copper pice.",
                tea.retrieve("Price for the sugary tea with milk?", List.of(), 1).get(0).text());
    }

    @Test
    void aComplaintIsAProtest() {
        FactRetriever race = FactRetriever.of(NpcCard.of("Ines", "regatta course marshal", List.of("I set the beacons."),
                List.of("My deputy, Linus Cheveaux, flies the chase skiff and pulls disabled boats off the course.",
                        "Protests against another boat must be filed with Judge Aurelio Tamm at the Race Office.")), null);
        assertEquals("Protests against another boat must be filed with Judge Aurelio Tamm at the Race Office.",
                race.retrieve("I think the Kestrel cut a corner on us. Who do I complain to?", List.of(), 1).get(0).text());
    }

    @Test
    void whereTheFerryIsIsNotTheWordsThatAskWhere() {
        // The shipped ferryman answered "Where can I find the ferry?" with the Thornwood's wolves ("seen", a synonym of
        // "find") and the town where the river "meets" the sea: "leaves the town landing" was read as no place (the
        // line held no value of the kind asked), and the asking word's synonyms counted as much as the thing asked
        NpcCard ferryman = NpcCard.builder("Old Corwin", "ferryman")
                .addFact("The crossing costs 3 copper for a person and 1 silver for a horse or cart.")
                .addFact("The ferry leaves the town landing every hour from dawn until dusk.")
                .addFact("The last crossing of the day is at sunset; after that you wait for morning.")
                .addFact("The far landing is at Reedmoor, a half day's walk from the Thornwood.")
                .addFact("The stone bridge upriver collapsed in the flood eleven years ago.")
                .addFact("My daughter Sella runs the bait shop at the town landing.")
                .build();
        WorldFile saltmarrow = new WorldFile("Saltmarrow", List.of(
                "Saltmarrow is a market town where the Greywater river meets the sea.",
                "Market day is Thursday, in Lamplighter Square.",
                "Queen Ysolde Harrow rules from the Gull Keep on the headland.",
                "Wolves have been seen in the Thornwood east of town."));
        assertEquals("The ferry leaves the town landing every hour from dawn until dusk.",
                FactRetriever.of(ferryman, saltmarrow, cosines(java.util.Map.of("ferry", 0.45f, "wolves", 0.24f,
                        "saltmarrow", 0.28f, "far landing", 0.29f))).retrieve("Where can I find the ferry?", List.of(), 1)
                        .get(0).text());
    }

    @Test
    void whereAnotherThingIsIsNotTrustedForItsMeaning() {
        // the blacksmith's "The forge is on Anvil Row" means "Where can I find the ferry?" more than any other line
        // (MiniLM 0.37): trusted, it sent the player to the smithy for a ferry
        assertTrue(FactRetriever.placeOfAnother("The forge is on Anvil Row, behind the tannery.", "Where can I find the ferry?"));
        assertFalse(FactRetriever.placeOfAnother("The forge is on Anvil Row, behind the tannery.", "Where's the forge?"));
        assertFalse(FactRetriever.placeOfAnother("The forge is on Anvil Row, behind the tannery.", "How much for a sword?"));
        NpcCard smith = NpcCard.builder("Brom", "blacksmith")
                .addFact("The forge is on Anvil Row, behind the tannery.")
                .addFact("Repairing a sword costs 12 silver.")
                .build();
        RetrievedFact forge = FactRetriever.of(smith, null, cosines(java.util.Map.of("forge", 0.37f)))
                .retrieve("Where can I find the ferry?", List.of(), 1).get(0);
        assertTrue(forge.doubtful(), "where the forge is, not the ferry: " + forge);
    }

    @Test
    void whatACoinIsWorthIsNotWhatTheNpcSells() {
        // the shipped ferryman, guard and queen answered "What do you sell?" with "Twenty silver marks."
        NpcCard ferryman = NpcCard.builder("Old Corwin", "ferryman")
                .addFact("The crossing costs 3 copper for a person and 1 silver for a horse or cart.")
                .addFact("My daughter Sella runs the bait shop at the town landing.")
                .build();
        WorldFile coins = new WorldFile("Saltmarrow", List.of("One gold crown is worth twenty silver marks."));
        FactRetriever facts = FactRetriever.of(ferryman, coins, cosines(java.util.Map.of("crown", 0.25f, "crossing", 0.2f)));
        assertEquals("The crossing costs 3 copper for a person and 1 silver for a horse or cart.",
                facts.retrieve("What do you sell?", List.of(), 1).get(0).text());
        assertEquals("One gold crown is worth twenty silver marks.",
                facts.retrieve("How many silver marks make a gold crown?", List.of(), 1).get(0).text());
    }

    @Test
    void aSmallerOneFindsTheSmallOneAndIsPricedByTheSentenceThatAsks() {
        // "What would a smaller light fixture run me?" got "280 separate pieces of glass" (read as a price of pieces):
        // "smaller" did not find "small", and "the huge one" before it was read as the grade asked
        NpcCard glassmaker = NpcCard.builder("Zuane", "chandelier maker")
                .addFact("A great ciocca of twelve arms costs 90 ducats, while a small six-arm chandelier costs 35 ducats.")
                .addFact("Each twelve-arm chandelier is built from 280 separate pieces of glass, strung on an iron frame.")
                .build();
        FactRetriever facts = FactRetriever.of(glassmaker, null, cosines(java.util.Map.of("small", 0.4f, "glass", 0.3f)));
        assertEquals("A small six-arm chandelier costs 35 ducats.",
                facts.retrieve("I can't afford the huge one. What would a smaller light fixture run me?", List.of(), 1)
                        .get(0).text());
    }

    @Test
    void aRewardIsNoWare() {
        // the shipped guard answered "What do you sell?" with the Magpie's bounty
        NpcCard guard = NpcCard.builder("Sergeant Bram Oakes", "town guard")
                .addFact("Entering the town with a cart costs a toll of 2 silver.")
                .addFact("A reward of 50 gold is posted for the bandit known as the Magpie.")
                .build();
        FactRetriever facts = FactRetriever.of(guard, null, cosines(java.util.Map.of("reward", 0.25f, "toll", 0.15f)));
        assertEquals("Entering the town with a cart costs a toll of 2 silver.",
                facts.retrieve("What do you sell?", List.of(), 1).get(0).text());
        assertEquals("A reward of 50 gold is posted for the bandit known as the Magpie.",
                facts.retrieve("Is there a price on the bandit's head?", List.of(), 1).get(0).text());
    }

    @Test
    void aCoinIsNoRelativeOfWhatThePlayerAsksAbout() {
        // "cross" is related to "mark": the queen's harvest tax of "one silver mark in ten" was about the crossing asked,
        // trusted, and "How much is a crossing?" was answered "That's one silver mark."
        NpcCard queen = NpcCard.builder("Queen Ysolde Harrow", "queen")
                .addFact("The harvest tax is one silver mark in ten, paid at the autumn equinox.")
                .addFact("My heir is my niece, Princess Elowen, who is eleven years old.")
                .build();
        FactRetriever facts = FactRetriever.of(queen, null, cosines(java.util.Map.of("harvest", 0.3f)));
        RetrievedFact tax = facts.retrieve("How much is a crossing?", List.of(), 1).get(0);
        assertEquals("The harvest tax is one silver mark in ten, paid at the autumn equinox.", tax.text());
        assertTrue(tax.doubtful(), "nothing the queen knows is about a crossing");
    }

    @Test
    void aHalfThatOpensWithItsPriceIsChosenForItsOwnWords() {
        // the shipped innkeeper answered "What do you sell?" with "1 gold with a hot bath."
        NpcCard inn = NpcCard.builder("Maribel Quince", "innkeeper")
                .addFact("A bed for the night costs 6 silver, or 1 gold with a hot bath.")
                .addFact("A pint of Tobin's dark ale is 1 silver.")
                .build();
        FactRetriever facts = FactRetriever.of(inn, null, cosines(java.util.Map.of("bath", 0.32f, "bed", 0.21f, "ale", 0.21f)));
        assertEquals("A bed for the night costs 6 silver.", facts.retrieve("What do you sell?", List.of(), 1).get(0).text());
        assertEquals("1 gold with a hot bath.", facts.retrieve("How much with a hot bath?", List.of(), 1).get(0).text());
    }

    @Test
    void theOpeningAskedIsTheFactThatSaysOpens() {
        // The shipped blacksmith answered "What time do you open?" with the world's market day: "open" counted half,
        // as a word of the time intent, and "Market day is Thursday" holds two of that intent's words
        NpcCard smith = NpcCard.builder("Brom", "blacksmith")
                .addFact("The forge opens at first bell and closes when the fire is banked at sundown.")
                .addFact("I do not work on Thursdays.")
                .addFact("I have worked the forge on Anvil Row for twenty-two years.")
                .build();
        WorldFile saltmarrow = new WorldFile("Saltmarrow", List.of(
                "Market day is Thursday, in Lamplighter Square.",
                "The town bell rings at dawn, at noon and at curfew, which is ten at night."));
        findsFirst(FactRetriever.of(smith, saltmarrow), "The forge opens at first bell and closes when the fire is banked at sundown.",
                "What time do you open?", "When do you open?", "what time do you close?");
    }
}
