package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as answering a player's question from the facts retrieval found. */
class AnswerCheckTest {
    private static final String PIM = "My apprentice Pim sharpens knives and axes for 1 silver each.";

    private static AnswerCheck check(String question, String... facts) {
        return AnswerCheck.of(List.of(facts), List.of(facts), question);
    }

    @Test
    void aWhoQuestionIsAnsweredByTheNameNotByThePrice() {
        AnswerCheck who = check("Who can sharpen my axe?", PIM);
        assertTrue(who.problem("That costs 1 silver.") != null, "a price does not say who");
        assertNull(who.problem("Pim does that."));
        AnswerCheck price = check("How much to sharpen my axe?", PIM);
        assertNull(price.problem("1 silver each."));
        assertTrue(price.problem("Ask Pim.") != null, "a name does not say how much");
    }

    @Test
    void aPlaceFromAFactInDoubtIsSaidWithWhatIsThereNotWithItsLandmarks() {
        String forge = "The forge is on Anvil Row, behind the tannery with the green door.";
        AnswerCheck temple = AnswerCheck.of(KnownFacts.of(List.of(forge)), List.of(forge), "Where's the nearest temple?",
                java.util.Set.of(forge), java.util.Set.of());
        assertNotNull(temple.problem("On Anvil Row, behind the tannery."), "the tannery is how to find it, not what is there");
        assertNull(temple.problem("The forge is on Anvil Row."));
    }

    @Test
    void aNumberThatSaysWhichOneCountsNothing() {
        AnswerCheck flares = check("How many big blasts has that sunspot thrown so far?",
                "Active region 4127 has thrown three X-class flares this week.");
        assertNotNull(flares.problem("4127."), "which region, not how many flares");
        assertNull(flares.problem("Three."));
    }

    @Test
    void aTimeCalledByWhatIsDoneThenIsSaidWhole() {
        AnswerCheck dinner = check("When do you guys serve dinner?",
                "Supper of millet couscous and camel stew is served after the evening prayer, in the vaulted hall.");
        assertNotNull(dinner.problem("The evening prayer."), "after it, not at it");
        assertNull(dinner.problem("After the evening prayer."));
        AnswerCheck tale = check("Which night do you sing the sad one?",
                "I sing the tale of the lost caravan only on the last night of the market.");
        assertNotNull(tale.problem("Night of the market."), "any night of it is not the last");
        assertNull(tale.problem("On the last night of the market."));
    }

    @Test
    void theLeastAskedIsASumNotAnyAmount() {
        AnswerCheck stake = check("whats the least i can put down?",
                "My book is kept in the back booth of the Ballast Bar, two doors down from the laundry on Ring Three.");
        assertNotNull(stake.problem("Two doors!"), "a distance is no stake");
        assertNull(check("What's the least I can put down on the wheel?", "The wheel takes bets from 50 credits up.")
                .problem("50 credits."));
    }

    @Test
    void thePriceOfAJobIsNoCountOfALineThatPricesNothing() {
        assertNotNull(check("How much to mend a hole like that?", "The wind tore the roof felt off four gers last night.")
                .problem("Four gers."), "four tents torn is no price");
        assertNull(check("How much to cross by skiff?", "Toll for a skiff is 2 washers.").problem("2 washers."),
                "a toll in the card's own coin is");
    }

    @Test
    void onlyYearsSayHowOldSomeoneIs() {
        assertNotNull(check("How old are you?", "Five of my crew got flatlined last month.").problem("Five."));
        assertTrue(check("How old are you?", "Five of my crew got flatlined last month.").unanswered());
        assertNotNull(check("How old are you?", "I have worked the forge for twenty-two years.").problem("Twenty-two years."),
                "how long she has worked is not her age");
        assertNull(check("How old is the codex?", "The Tern Codex was written nine hundred years ago.")
                .problem("Nine hundred years."));
    }

    @Test
    void aFactWithNoValueIsAnsweredWithMoreThanOneOfItsWords() {
        AnswerCheck bow = check("Can I bring my bow into town?", "Bows stay at the guardhouse.");
        assertNotNull(bow.problem("Stay."), "one word of the fact answers nothing");
        assertNotNull(bow.problem("Guardhouse."));
        assertNull(bow.problem("They stay at the guardhouse."));
    }

    @Test
    void aWhoQuestionAboutANameTheFactStatesIsAnswered() {
        String magpie = "A reward of 50 gold is posted for the bandit known as the Magpie.";
        assertFalse(check("Who is the Magpie?", magpie).unanswered(), "the fact is about the name asked");
        assertTrue(check("Who commands the Magpie's men?", "The royal treasury pays 200 gold.").unanswered());
    }

    @Test
    void aReplyToAQuestionNothingAnswersMustBeAboutIt() {
        AnswerCheck opinion = AnswerCheck.of(List.of(), List.of(), "What do you think of the innkeeper?");
        assertFalse(opinion.speaksOfTopic("Not until the moves.", java.util.Set.of()));
        assertTrue(opinion.speaksOfTopic("The innkeeper waters her ale.", java.util.Set.of()));
        AnswerCheck wares = AnswerCheck.of(List.of(), List.of(), "What do you sell?");
        assertTrue(wares.speaksOfTopic("Apples.", AnswerCheck.topicWords(List.of("I sell apples at the market."))), "the persona is on topic");
    }

    @Test
    void theQuestionsFirstCueSaysWhatKindItAsks() {
        assertEquals(QuestionKind.TIME, QuestionKind.of("When's the deadline to pay up?"));
        assertEquals(QuestionKind.MONEY, QuestionKind.of("What would you charge per day?"));
        assertEquals(QuestionKind.COUNT, QuestionKind.of("How many ships have paid the toll?"));
        assertEquals(QuestionKind.NAME, QuestionKind.of("Who do I pay when the tax is due?"));
        assertEquals(QuestionKind.NONE, QuestionKind.of("Is the road safe?"));
        assertEquals(QuestionKind.TIME, QuestionKind.of("What's the latest I can drop my crates off?"));
        assertEquals(QuestionKind.PLACE, QuestionKind.of("whats the closest spot to fill my canteens out there"));
        assertEquals(QuestionKind.NAME, QuestionKind.of("Is there a physician anywhere nearby?"), "whom to see");
        assertEquals(QuestionKind.PLACE, QuestionKind.of("Is there a well anywhere nearby?"));
        assertEquals(QuestionKind.NONE, QuestionKind.of("What's the town like?"), "a place asked about, not for");
        assertEquals(QuestionKind.COUNT, QuestionKind.of("How much does that big kettle of yours hold?"), "an amount, no price");
        assertEquals(QuestionKind.TIME, QuestionKind.of("What hours are you open?"));
        assertEquals(QuestionKind.COUNT, QuestionKind.of("How many hours does the crossing take?"));
        AnswerCheck deadline = check("When's the deadline to pay up?",
                "Merchants pay a market levy of 1 gold per stall each month.");
        assertTrue(deadline.problem("1 gold.") != null, "a price does not say when");
    }

    @Test
    void aCountOfWaresSoldIsNoPrice() {
        // "I charge 20 pairs." passed for what the boots cost: "sell 20 pairs" was read as a price in pairs
        AnswerCheck boots = check("How much are the high boots for the cold months?", "I sell 20 pairs every ship day.");
        assertNotNull(boots.problem("I charge 20 pairs."));
        assertNotNull(boots.problem("20 pairs!"), "the count's own word says nothing of what the line is about");
        assertNull(boots.problem("20 pairs every ship day."), "said as the fact has it, the count answers as an aside");
        assertTrue(boots.doubtsFacts());
    }

    @Test
    void aTimeOfYearIsAMonthOrASeasonNotTheHour() {
        assertEquals(QuestionKind.TIME, QuestionKind.of("Which time of year do the logs come floating downstream?"));
        assertEquals(QuestionKind.TIME, QuestionKind.of("What season do the logs come?"));
        AnswerCheck logs = check("Which time of year do the logs come floating downstream?",
                "The ties float down the river when the snow melts in late May, and land at 6 in the evening.");
        assertNull(logs.problem("Late May."));
        assertNotNull(logs.problem("6 in the evening."), "the hour they land is no time of year");
        assertNotNull(logs.problem("May."), "'late May' said whole");
        AnswerCheck hour = check("What time do the logs come?",
                "The ties float down the river when the snow melts in late May, and land at 6 in the evening.");
        assertNull(hour.problem("6 in the evening."));
    }

    @Test
    void aPlaceNamedForWhatComesFromItIsWhereItComesFrom() {
        AnswerCheck salt = check("where u get ur salt from",
                "My salt comes down by rope-lift from the Grey Salt Seam, two levels above the harbour.");
        assertNull(salt.problem("The Grey Salt Seam."));
        assertNotNull(salt.problem("The harbour."), "the harbour is how to find it");
        // asked where a thing is, a place named for it is still what was asked about
        AnswerCheck rocks = check("Where are the dangerous rocks?", "The Needle Rocks lie north of the harbour mouth.");
        assertNotNull(rocks.problem("The Needle Rocks."));
    }

    @Test
    void aCountIsNeitherAClockTimeNorAPrice() {
        AnswerCheck stations = check("How many stations until we reach the ocean?",
                "The Westbound Express leaves Millford Station at 7:15 every morning.");
        assertTrue(stations.problem("7:15.") != null, "a departure time counts no stations");
        AnswerCheck dragons = check("How many dragons live in the hills?",
                "I'll guide you through the Thornback Hills for 2 gold a day.");
        assertTrue(dragons.problem("2 gold.") != null, "a price counts no dragons");
        AnswerCheck slots = check("How many open slots do you have for my ship?",
                "Ships with unpaid fees are clamped at Berth Zero until the debt is settled.");
        assertTrue(slots.problem("Zero.") != null, "a number in a name counts nothing");
        assertFalse(QuestionKind.holdsAskedKind("The dining car is the fifth car back and serves supper until 9.",
                "How many stops are there?"), "a position and a closing hour count nothing");
        assertTrue(QuestionKind.holdsAskedKind("The line has fourteen stops.", "How many stops are there?"));
        AnswerCheck trip = check("How far is it to Io?", "The run to Io takes three days.");
        assertNull(trip.problem("Three days."), "a span still answers how far");
    }

    @Test
    void ofTwoPricesTheOneForWhatIsAskedInOtherWordsToo() {
        AnswerCheck box = check("What's a whole box of food packs going for?",
                "Ration packs are 6 credits each, or 60 credits for a crate of twelve.");
        assertNull(box.problem("60 credits."));
        assertTrue(box.problem("6 credits.") != null, "one pack's price is not the box's");
    }

    @Test
    void ofTwoPricesTheOneWhosePartNamesWhatIsAsked() {
        String seats = "A seat costs 4 silver, a box seat 10 silver.";
        AnswerCheck box = check("How much is a box seat?", seats);
        assertNull(box.problem("10 silver."));
        assertTrue(box.problem("4 silver.") != null, "a plain seat's price is not the box's");
        AnswerCheck seat = check("How much is a seat?", seats);
        assertNull(seat.problem("4 silver."));
        assertTrue(seat.problem("10 silver.") != null, "the box seat is more than was asked for");
        // A price's qualifier ends with its part: "4 silver" is not "for a box seat".
        AnswerCheck rooms = check("What does a bed cost?", "A bed costs 2 copper, with supper 5 copper.");
        assertNull(rooms.problem("2 copper."));
    }

    @Test
    void aTitleBesideAFullNameIsAnsweredByTheName() {
        AnswerCheck key = check("Who has the key to the cellar?",
                "Only the Archivist, Brother Tamsin Orle, holds the cellar key.");
        assertNull(key.problem("Brother Tamsin Orle."));
        assertTrue(key.problem("The Archivist.") != null, "his title names no one the player can find");
        AnswerCheck widow = check("Who runs the guild?", "The Guild of Whispers is run by a woman called the Widow.");
        assertNull(widow.problem("The Widow."), "a title alone is the name");
    }

    @Test
    void aCountIsSaidWithWhatItCounts() {
        AnswerCheck road = check("Is the road ahead safe?", "There are 3 monsters on the road ahead.",
                "The road ahead has 2 pits.");
        assertNull(road.problem("3 monsters."));
        assertNull(road.problem("There are 3 monsters."));
        assertTrue(road.problem("Not until 3 gold.") != null);
        assertTrue(road.problem("About 3.") != null, "three of what?");
        assertEquals("3 monsters.", road.upToAnswer("At 3 monsters."));
        assertEquals("Twelve days.", check("How often do you bring in the wheat?", "The wheat is harvested every twelve days.")
                .upToAnswer("At the twelve days."));
        assertEquals("It's Pip.", check("Who looks after the horses?", "The stable boy Pip looks after the horses.",
                "Stabling a horse costs 2 copper.").upToAnswer("It's Pip is 2 copper."), "a second value ends the line");
        assertEquals("It's 510-208-5253.", check("What is their phone number?", "Their number is 510-208-5253.")
                .upToAnswer("It's 510-208-5253."), "not the same number going on");
        assertEquals("3 monsters.", road.upToAnswer("I have 3 monsters."), "the guard does not own them");
        AnswerCheck station = check("Where can I find the ranger station?", "The ranger station is beside the old mill.");
        assertEquals("Old mill.", station.upToAnswer("Sure, you. Old mill."), "an opener left on a pronoun is cut");
        assertEquals("Sure. Old mill.", station.upToAnswer("Sure. Old mill."));
        AnswerCheck boat = check("When's the last boat across?", "The last crossing is at dusk.");
        assertEquals("At dusk.", boat.upToAnswer("The night watch? At dusk."), "an opener that asks is cut");
        AnswerCheck watch = check("What would you give me for this watch?", "I pay 20 dollars for a good wristwatch.");
        assertEquals("20 dollars.", watch.upToAnswer("20 dollars for a good."), "a copy that stops inside the fact's phrase");
        assertEquals("20 dollars for a good wristwatch.", watch.upToAnswer("20 dollars for a good wristwatch."));
        AnswerCheck venue = check("What's the address of the venue?",
                "The address of the venue is 1844 Southwest Morrison Street.");
        assertFalse(venue.problem("Nothing.").contains("1844 southwest"), "an address is no count: " + venue.problem("Nothing."));
        assertTrue(road.problem("Nothing.").contains("3 monsters"), road.problem("Nothing."));
        AnswerCheck crew = check("How many hands do you have?", "We have 34 hands aboard.");
        assertEquals("We have 34 hands.", crew.upToAnswer("We have 34 hands."), "a fact that has them");
        AnswerCheck coins = check("Any coins around here?", "There are 7 coins hidden on the road ahead.");
        assertNull(coins.problem("7 coins."), "the answer holds what was asked about");
        assertTrue(coins.problem("7.") != null);
    }

    @Test
    void aNumberOfAPlaceNameIsNoPlace() {
        AnswerCheck ship = check("Where's your ship parked?", "The Rusty Albatross is berthed in Hangar 9 on the lower ring.");
        assertNull(ship.problem("Hangar 9."));
        assertTrue(ship.problem("At 9.") != null, "sounds like a time, says no place");
    }

    @Test
    void whichThingIsAnsweredByTheNameTheFactGivesIt() {
        AnswerCheck horse = check("Which horse is the quickest?",
                "The fastest horse in the stable is a grey mare called Whisper.");
        assertNull(horse.problem("Whisper."));
        assertNull(horse.problem("The grey mare, Whisper."));
        assertTrue(horse.problem("The grey mare.") != null, "the horse is named");
        assertEquals("Whisper.", horse.upToAnswer("We have whisper."), "judged with the name as the fact spells it");
        AnswerCheck channel = check("Which frequency do I hail you on to get permission to land?",
                "Clearance must be requested on channel 7 before you come within ten kilometres.");
        assertTrue(channel.problem("Clearance.") != null, "a capital that opens the fact names nothing");
    }

    @Test
    void numbersJoinedByDashesAreSaidOnlyAsAFactSaysThemWhole() {
        AnswerCheck crew = check("How many sailors are aboard?", "The crew numbers 34 hands.",
                "A berth on the Red Gull costs 12 doubloons to Port Saffron.");
        assertTrue(crew.problem("34-12.") != null, crew.problem("34-12."));
        assertNull(crew.problem("34."));
        AnswerCheck hours = check("When are you open?", "The shop is open 9-5 every day but Sunday.");
        String open = String.valueOf(hours.problem("9-5."));
        assertFalse(open.contains("whole"), "a range the fact says may be said: " + open);
        AnswerCheck phone = check("What's their phone number?", "The phone number of Sino is 408-247-8880.");
        assertNull(phone.problem("Sino is 408-247-8880."));
        assertTrue(phone.problem("Sino is 408-247.") != null, "part of a phone number is a wrong number");
        assertTrue(phone.problem("415-924-924-1192.") != null);
        assertTrue(phone.problem("408-247-408-247-247-8880.") != null);
    }

    @Test
    void aReactionOrAYesOpensNoAnswerToAWhQuestion() {
        AnswerCheck who = check("Who is the postmaster?", "The postmaster is Hobb Greenly.");
        assertEquals("Hobb Greenly.", who.upToAnswer("Me too! Hobb Greenly."));
        assertEquals("Sure. Hobb Greenly.", who.upToAnswer("Sure. Hobb Greenly."));
        AnswerCheck when = check("What time do you set off?", "I leave for Millbrook at noon every day.");
        assertEquals("Noon.", when.upToAnswer("I love that! Noon."));
        assertEquals("Noon.", when.upToAnswer("I love it. Noon."));
        AnswerCheck far = check("How long a ride is it to Harrowfield?", "The road to Harrowfield takes two days on horseback.");
        assertEquals("Two days.", far.upToAnswer("Yes, it's right? At two days."), "nor is \"at\" before a span");
        AnswerCheck price = check("How much to hire a horse?", "Renting a horse costs 6 silver a day.");
        assertEquals("6 silver.", price.upToAnswer("Yes, 6 silver."));
        assertEquals("For you, 6 silver.", price.upToAnswer("For you, 6 silver."));
        AnswerCheck dock = check("Where do I catch the shuttle to Mars?", "The shuttle to Mars leaves from dock 7.");
        assertEquals("Dock 7.", dock.upToAnswer("I love to! Dock 7."));
        AnswerCheck hexed = check("I think I've been hexed. What will it cost to be rid of it?", "Lifting a hex costs 30 gold.");
        assertEquals("30 gold.", hexed.upToAnswer("Yes, it's 30 gold."), "the question is the line's last sentence");
        // To a yes-or-no question, "Yes" is the answer's start.
        AnswerCheck doctor = check("Is there a doctor at the mine?", "The mine's doctor is Old Wenna.");
        assertEquals("Yes, Old Wenna.", doctor.upToAnswer("Yes, Old Wenna."));
    }

    @Test
    void twoArticlesOrASubjectWithoutAVerbAreNoEnglish() {
        AnswerCheck reward = check("What is the reward for reopening the pass?",
                "The royal treasury pays 200 gold to whoever reopens Kestrel Pass.");
        assertTrue(reward.problem("The a 200 gold.") != null);
        assertTrue(reward.problem("I 200 gold.") != null);
        assertTrue(reward.problem("The for you, 200 gold.") != null, "an article before a preposition");
        AnswerCheck masks = check("Where are the oxygen masks?", "The oxygen masks are stored in locker C.",
                "Locker A is for the spare suits.");
        assertNull(masks.problem("Not locker A, it's locker C."), "a capital letter that names is no article");
        assertNull(reward.problem("It's 200 gold."));
        AnswerCheck court = check("When do you hold court?", "I hold open court in the Great Hall every Monday at noon.");
        assertTrue(court.problem("I Monday.") != null);
        assertNull(court.problem("I hold it on Monday."));
        assertNull(court.problem("Monday. I'll be there."), "a subject with a verb after it");
    }

    @Test
    void placesSourcesMaterialsAndHoursAsPlayersAskForThem() {
        AnswerCheck range = check("Is there somewhere I can practice shooting?", "The shooting range is behind the livery stable.");
        assertTrue(range.problem("The range.") != null, "somewhere asks for a place");
        assertNull(range.problem("Behind the livery stable."));
        assertTrue(range.problem("In the livery stable.") != null, "behind the stable is not in it");
        assertNull(range.problem("The livery stable."));
        AnswerCheck key = check("Where is the key?", "I keep the key in the old well.");
        assertNull(key.problem("In the old well."), "a fact that says 'in'");
        AnswerCheck rocks = check("Where are the dangerous rocks?", "The Needle Rocks lie north of the harbour mouth.");
        assertTrue(rocks.problem("The Needle Rocks.") != null, "the rocks asked about are not where they are");
        assertNull(rocks.problem("North of the harbour mouth."));
        AnswerCheck pelt = check("What will you give me for a fox pelt?", "A fox pelt sells for 6 silver.");
        assertTrue(pelt.problem("That will be 6 silver.") != null, "the trapper pays, the player does not");
        assertTrue(pelt.problem("For you, 6 silver.") != null);
        assertNull(pelt.problem("6 silver."));
        assertNull(pelt.problem("I'd give 6 silver."));
        assertNull(check("How much is a fox pelt?", "A fox pelt sells for 6 silver.").problem("That will be 6 silver."));
        AnswerCheck moon = check("How much is a ticket to the moon?", "A second-class ticket to Grand Ridge is 4 dollars.");
        assertTrue(moon.problem("It costs 4 dollars.") != null, "a ticket to another place");
        assertNull(moon.problem("A ticket to Grand Ridge is 4 dollars."), "said which ticket, the player can tell");
        assertTrue(moon.doubtsFacts(), "the fallback offers it as an aside");
        // "this flight" is the one the fact is about: no other one, nothing to hedge (was "Closest I've got. There are…")
        AnswerCheck locks = check("how many locks in this flight anyway", "There are twenty-one locks in the flight.");
        assertFalse(locks.doubtsFacts());
        assertNull(locks.problem("Twenty-one locks."));
        AnswerCheck ridge = check("How much is a ticket to Grand Ridge?", "A second-class ticket to Grand Ridge is 4 dollars.");
        assertNull(ridge.problem("It costs 4 dollars."), "the ticket asked about");
        assertNull(check("How much is a room for the night?", "A bed for the night costs 5 silver.").problem("5 silver."));
        AnswerCheck parts = check("Where do you get your parts?", "I buy my parts from a fence called Rook.");
        assertNull(parts.problem("From Rook."), "where something is got is whom it is bought from");
        AnswerCheck ink = check("What is your ink made from?", "We make our ink from oak galls.");
        assertTrue(ink.problem("Make.") != null);
        assertTrue(ink.problem("Oak.") != null);
        assertNull(ink.problem("Oak galls."));
        AnswerCheck gates = check("When do the gates open?", "The monastery gates open at prime.");
        assertNull(gates.problem("At prime."));
        assertTrue(gates.problem("The monastery.") != null, "prime is the hour");
        AnswerCheck spot = check("When do you fish?", "I fish from a prime spot on the pier at dawn.");
        assertNull(spot.problem("At dawn."));
        assertTrue(spot.problem("Prime.") != null, "'a prime spot' is no hour");
    }

    /** The check for {@code question} over {@code facts} turns {@code wrong} down and lets {@code right} be said. */
    private static void saysOnly(String question, String right, String wrong, String... facts) {
        AnswerCheck check = check(question, facts);
        assertNotNull(check.problem(wrong), wrong);
        assertNull(check.problem(right), right);
    }

    @Test
    void whichWeekdayOfTheMonthIsPartOfTheTime() {
        // "When does the supply boat come?" was answered "Tuesday." ×5: it comes on one Tuesday a month.
        saysOnly("When does the supply boat come?", "On the second Tuesday of each month.", "Tuesday.",
                "The supply boat comes from Port Anselm on the second Tuesday of each month.");
        saysOnly("When does the boat come out?", "Every second Thursday.", "Thursday.",
                "The supply boat comes out from Porthaven every second Thursday.");
        assertNull(check("When is market day?", "Market day is Thursday, in Lamplighter Square.").problem("Thursday."));
    }

    @Test
    void theDayAFactLeavesOutIsNoAnswer() {
        // "when do you close" was answered "Sunday." from "I close at 9 every night except Sunday…"
        saysOnly("When do you close?", "At 9 every night.", "Sunday.",
                "I close at 9 every night except Sunday, when I don't open at all.");
        // asked about that day, the answer is no: "is the shop open sundays" got "9 every night."
        saysOnly("Is the shop open sundays?", "No, not on Sunday.", "9 every night.",
                "I close at 9 every night except Sunday, when I don't open at all.");
        AnswerCheck sundays = check("Is the shop open sundays?", "I close at 9 every night except Sunday, when I don't open at all.");
        assertNotNull(sundays.problem("Yes, on Sunday."));
        assertNotNull(sundays.problem("Not until Sunday."), "it does not open then");
        assertNotNull(sundays.problem("No, Sunday."));
    }

    @Test
    void aQuestionAboutANamedPersonIsAnsweredByTheirFact() {
        // "who is joey" got the fact about Joey as an aside: "…If that's not it, ask someone else."
        assertFalse(check("Who is Joey?", "My nephew Joey watches the counter on Saturdays.").doubtsFacts());
    }

    @Test
    void whatTheNpcPaysIsNotCharged() {
        // the service answered "how much do you lend on a watch" with "I charge 40 dollars." (an opening for a price)
        AnswerCheck lend = check("How much do you lend on a watch?", "I will lend 40 dollars on a good wristwatch.");
        assertNotNull(lend.problem("I charge 40 dollars."));
        assertNotNull(lend.problem("That will be 40 dollars."));
        assertNull(lend.problem("40 dollars."));
        assertTrue(lend.openings().stream().noneMatch(o -> o.equals("I charge") || o.equals("That will be")), lend.openings().toString());
        List<String> dust = check("What will you give me for gold dust?", "I buy clean gold dust at 18 dollars an ounce.")
                .openings();
        assertTrue(dust.stream().noneMatch(o -> o.equals("I ask") || o.equals("It costs")), dust.toString());
    }

    @Test
    void aDayOfASeasonIsTheTimeNotTheSeason() {
        // "When's the fishing festival this year?" was answered "Summer." for "Summer 14"
        saysOnly("When's the fishing festival this year?", "On Summer 14.", "Summer.",
                "The Fishing Festival is held on Summer 14.");
    }

    @Test
    void aTimeThatNamesTheThingAskedIsNoAnswer() {
        // "The autumn mushroom fair." passed as the answer to "When's the mushroom fair?"
        saysOnly("When's the mushroom fair?", "On the first Saturday of Harvestmoon.", "The autumn mushroom fair.",
                "The autumn mushroom fair is held on the first Saturday of Harvestmoon.");
        assertNull(check("When does the ferry leave?", "The ferry leaves at dawn.").problem("At dawn."));
    }

    @Test
    void aSpanDoesNotSayWhatTime() {
        // "What time do we set out?" was answered "Eleven days." from how long the crossing takes.
        saysOnly("What time do we set out?", "At moonrise.", "Eleven days.",
                "The crossing to Qasr Dunya takes eleven days.", "We leave from the Well of Saba at moonrise.");
        assertNull(check("How long is the crossing?", "The crossing to Qasr Dunya takes eleven days.").problem("Eleven days."));
    }

    @Test
    void aPointInTimeDoesNotSayHowLong() {
        // "How long do ye let the strong stuff sit…?" was answered "After sunset.", and a bird's training "Thursday."
        saysOnly("how long do ye let the strong stuff sit before it's fit to drink?", "Three years.", "After sunset.",
                "The good rum ages in oak for three years.", "I sell only after sunset, from 8 in the evening.");
        saysOnly("How long until a young bird learns to come back to my hand?", "About six weeks.", "Thursday.",
                "I fly the birds over Barley Moor every Thursday.", "Training a hawk to return to the glove takes about six weeks.");
        // an ordinal day is when, not how long: "how long does a mound go for?" is not "the fourth day"
        saysOnly("How long does one of them smoking mounds go for?", "Three days and three nights.", "The fourth day.",
                "I open a clamp on the morning of the fourth day, never sooner.", "A clamp burns for three days and three nights.");
        // hours answer how long a place is open
        assertNull(check("How long are you open tonight?", "I close at 10 pm.").problem("Until 10 pm."));
    }

    @Test
    void anHourSaidInWordsAnswersWhatHour() {
        // "at what hour does your vessel depart?" got "Morning."
        saysOnly("Excuse me, Captain, at what hour does your vessel depart?", "At half past seven.", "Morning.",
                "We cast off from Mooring Tower Nine at half past seven every morning.");
        assertNotNull(check("At what hour do we depart?", "We cast off at half past seven every morning.").problem("Seven."),
                "half an hour early");
    }

    @Test
    void whichLevelAsksWhere() {
        assertEquals(QuestionKind.PLACE, QuestionKind.of("Which level of the station do I head to for the fights?"));
        saysOnly("Which level of the station do I head to for the fights?", "Deck 9.", "At 21:00.",
                "Fights start every night at 21:00 station time.", "The pits are on Deck 9 of Kessler Station.");
    }

    @Test
    void noOpeningIsOfferedWhereSeveralValuesAnswer() {
        // An opening made for one value leads the model to the other as easily: on held-out SGD records "What is the
        // phone number?" got "It's at 510-752-6706.", another record's number.
        assertFalse(check("Who runs the mill?", "Hetty runs the mill.").openings().isEmpty());
        assertEquals(List.of(), check("Who runs the mill?", "Hetty Brandt and Bram Osk run the mill.").openings());
    }

    @Test
    void howLongSomethingTakesDoesNotSayWhen() {
        // "When do y'all pick the fruit?" got "Four years." from how long a sapling takes to bear
        saysOnly("When do y'all pick the fruit?", "At the end of summer.", "Four years.",
                "A sapling takes four years to bear its first fruit.", "We pick the apples at the end of summer.");
        assertNull(check("When will my boots be ready?", "Your boots will be ready in two days.").problem("In two days."));
    }

    @Test
    void aSpanWithAWordBeforeItsUnitIsSaidWhole() {
        // "Two full." passed for "two full moons"
        saysOnly("How long would it take you to break in a jaguar cub?", "Two full moons.", "Two full.",
                "Taming a young jaguar takes two full moons.");
    }

    @Test
    void anAdjectiveWithANoNounEndsNoSentence() {
        saysOnly("How much for the lamp?", "That's 40 dollars, but a good lamp.", "That's 40 dollars, but not a good.",
                "The brass lamp costs 40 dollars.");
        assertNull(check("How much for the lamp?", "The brass lamp costs 40 dollars.").problem("40 dollars. A fair price."),
                "a noun after it");
    }

    @Test
    void aSentenceDoesNotOpenOnAPrepositionCutOffByAComma() {
        // "To, Jenna Cho." passed for "my iguana's been acting weird, who should i take him to"
        saysOnly("Who should I take my iguana to?", "Jenna Cho.", "To, Jenna Cho.",
                "Our receptionist, Jenna Cho, books all appointments.");
        assertNull(check("When do you open?", "We open at dawn.").problem("At dawn, as ever."), "'At dawn,' is whole");
    }

    @Test
    void aModalTakesNoSOnItsVerb() {
        // "It will costs, 5 pearls." passed, written after the opening "It will cost"
        saysOnly("What's your hourly rate?", "It will cost 5 pearls.", "It will costs, 5 pearls.",
                "Renting a saddle seahorse costs 5 pearls per hour.");
    }

    @Test
    void aCoinNamedInTwoCoinWordsIsSaidWhole() {
        // "I charge three silver." passed for "three silver crowns"
        saysOnly("What would you charge to fix my soles?", "I charge three silver crowns.", "I charge three silver.",
                "Resoling old boots costs three silver crowns a pair.");
    }

    @Test
    void howFarAheadAsksALengthOfTimeBeforeSomething() {
        // "How far ahead should I come to you about the flowers?" was answered "Fifteen years."
        saysOnly("How far ahead should I come to you about the flowers?", "About three weeks.", "Fifteen years.",
                "I've run this little flower shop for fifteen years.", "Wedding arrangements take about three weeks to plan.");
    }

    @Test
    void anHourBetweenTwoIsAClockTime() {
        // "What time do you start up in the day?" got "The morning." from "between 10 in the morning and 4…"
        saysOnly("What time do you start up in the day?", "At 10 in the morning.", "The morning.",
                "I only charge between 10 in the morning and 4 in the afternoon, when the sun is high.");
    }

    @Test
    void whatDayIsNotAnsweredByAnHour() {
        // "what day do your supplies come in on the stage?" got "I open at 7 am every day except Sunday."
        saysOnly("What day do your supplies come in?", "Every Thursday.", "7 am.",
                "I open at 7 am every day except Sunday.", "The stagecoach brings my gun parts every Thursday.");
    }

    @Test
    void aPlaceDoesNotSayWho() {
        // "who on your crew keeps us pointed the right way" was answered "Ironspire.", a lost bird's finder "Barley Moor."
        saysOnly("My bird got loose over the fields, who can help me find it?", "Wenna Pike.", "Barley Moor.",
                "I fly the birds over Barley Moor every Thursday.",
                "Lost birds are tracked down by old Wenna Pike, the village trapper, for twelve silver.");
        assertNotNull(check("Who keeps us pointed the right way?", "A seat on the Copper Swallow to Ironspire costs 25 brass cogs.")
                .problem("Ironspire."));
    }

    @Test
    void whatDoYouWantToFixItAsksAPrice() {
        assertEquals(QuestionKind.MONEY, QuestionKind.of("My coat's torn, what do you want to fix it?"));
        assertEquals(QuestionKind.MONEY, QuestionKind.of("what would you take for the mare"));
        assertEquals(QuestionKind.MONEY, QuestionKind.of("Four of us in one boat, what's the hourly rate for that?"));
        assertEquals(QuestionKind.NONE, QuestionKind.of("What do you want to do tonight?"));
        // counted in a coin: "yo how many caps to get my face smooth" got "I don't know, and I don't care to."
        assertEquals(QuestionKind.MONEY, QuestionKind.of("yo how many caps to get my face smooth?"));
        assertFalse(check("How many caps to get my face smooth?", "A shave is 4 caps.", "A haircut costs 6 caps.").unanswered());
        assertEquals(QuestionKind.COUNT, QuestionKind.of("How many guards are on the wall?"));
    }

    @Test
    void aMonthIsATime() {
        // Months were no time: "When do you shear them?" got a hedged aside of the very fact that answers it.
        AnswerCheck shearing = check("When do you shear them?", "Shearing starts in early June.");
        assertFalse(shearing.doubtsFacts());
        assertNull(shearing.problem("In early June."));
        assertTrue(shearing.problem("At the first bell.") != null);
        AnswerCheck moon = check("When does the tournament start?", "The tournament begins at the next full moon.");
        assertTrue(moon.problem("The next full.") != null, "the moon is the time");
        assertNull(moon.problem("At the next full moon."));
        AnswerCheck fair = check("When does the fair come?", "The fair comes to town in May.");
        assertNull(fair.problem("In May."));
        // "may" and "march" are months only where a time would stand
        AnswerCheck visit = check("When can I visit?", "You may visit any morning.");
        assertTrue(visit.problem("May.") != null, "'You may' is no month");
        assertNull(visit.problem("Any morning."));
    }

    @Test
    void askedWhatTheNpcSellsAPricedFactAnswersByNamingWhatItPrices() {
        AnswerCheck sell = check("What do you sell?", "A box of cartridges is 75 cents.", "I fix rifles in a dusty shop.");
        assertFalse(sell.doubtsFacts(), "the fallback states it as the answer, not as an aside");
        assertTrue(sell.problem("It costs 75 cents.") != null, "names nothing sold");
        assertNull(sell.problem("A box of cartridges is 75 cents."));
        assertNull(sell.problem("Cartridges, 75 cents a box."));
    }

    @Test
    void thePlayersOwnNameAsksForNoName() {
        AnswerCheck engrave = check("Can you engrave my name on it?", "My cousin Nadia does the engraving.");
        assertTrue(engrave.problem("Nadia.") != null, "a bare name answers no request");
        assertNull(engrave.problem("My cousin Nadia does the engraving."));
        assertNull(check("What's the name of your horse?", "My horse is called Storm.").problem("Storm."));
    }

    @Test
    void theHalfOfTheDayIsTheFactsOrUnsaid() {
        AnswerCheck news = check("What time is the news on?", "I broadcast the news at 9 every night.");
        assertTrue(news.problem("At 9 am until the time.") != null, "the fact says night");
        assertNull(news.problem("At 9."));
        AnswerCheck shop = check("When do you open?", "The shop opens at 9am and closes at 5 p.m.");
        assertNull(shop.problem("At 9am."));
        assertNull(check("When do you close?", "The shop opens at 9am and closes at 5 p.m.").problem("At 5 p.m."));
        assertNull(check("When does the train leave?", "The train leaves at 7:15 pm.").problem("At 7:15 pm."));
    }

    @Test
    void aTimeKeepsThePrepositionOfItsKind() {
        AnswerCheck shearing = check("When do you shear them?", "Shearing starts in early June.");
        assertTrue(shearing.problem("At early June.") != null, "a month is 'in', not 'at'");
        assertNull(shearing.problem("Early June."));
        AnswerCheck ferry = check("When is the last crossing?", "The last crossing is at dusk.");
        assertTrue(ferry.problem("On dusk.") != null);
        assertTrue(ferry.problem("It's on dusk.") != null);
        assertNull(ferry.problem("At dusk."));
        assertNull(ferry.problem("Dusk."));
    }

    @Test
    void whereSomethingIsIsNotWhereItIsReckonedFrom() {
        AnswerCheck where = check("Where does the ferry land on the other side?",
                "The far landing is at Reedmoor, a half day's walk from the Thornwood.");
        assertTrue(where.problem("Thornwood.") != null, "the Thornwood is where the walk starts");
        assertNull(where.problem("Reedmoor."));
        AnswerCheck from = check("Where does the caravan come from?", "The caravan from the Saltflats stops at Dunmere.");
        assertNull(from.problem("The Saltflats."), "asked where from, the origin answers");
    }

    @Test
    void aWhereQuestionIsAnsweredByAPlaceWithNoNameToo() {
        AnswerCheck where = check("Where is the holy water?", "I left the holy water in the torture chamber.");
        assertTrue(where.problem("Left.") != null, "a word of the fact is not where it is");
        assertNull(where.problem("In the torture chamber."));
        AnswerCheck well = check("Where did you hide the key?", "The key is under the old well, behind the mill.");
        assertNull(well.problem("Under the old well."));
    }

    @Test
    void whenIsNotAnsweredByHowLongSomethingHasGoneOn() {
        String years = "I have sold pots at the fair in Brightwater for thirty years.";
        assertNotNull(check("When do you bake your pots?", years).problem("Thirty years."));
        assertNull(check("How long have you sold pots?", years).problem("Thirty years."));
        assertNull(check("When does the caravan come?", "The caravan comes in two days.").problem("In two days."));
    }

    @Test
    void centsAreMoney() {
        AnswerCheck whiskey = check("What does a whiskey cost?", "A shot of whiskey is 25 cents.");
        assertNull(whiskey.problem("25 cents."));
        assertNotNull(whiskey.problem("A shot of whiskey."), "the price is the answer");
    }

    @Test
    void whoIsAnsweredByTheNameNotByAWordThatOpensTheFact() {
        AnswerCheck fit = check("I need a new robotic arm. Who can fit one?",
                "Cybernetic limb fitting is done by Dr. Amara Kwan, not by me.");
        assertNull(fit.problem("Amara Kwan."));
        assertNotNull(fit.problem("Cybernetic."));
        assertNotNull(fit.problem("Dr."));
        // Alone in its fact, a name that opens it is the answer.
        assertNull(check("Who sells loaves?", "Hetty sells bread on market day.").problem("Hetty."));
    }

    @Test
    void anAnswerTakesTheArticleTheFactsGiveIt() {
        AnswerCheck who = check("Who can sharpen my axe?", PIM);
        assertTrue(who.problem("The Pim.") != null, "no article before a person's name");
        assertNull(who.problem("Pim."));
        AnswerCheck widow = check("Who's the boss of the thieves?", "The guild is run by a woman called the Widow.");
        assertNull(widow.problem("The Widow."), "the fact writes 'the Widow'");
        AnswerCheck inn = check("Where is your inn?", "The Drowned Lantern stands at the bottom of Net Street.");
        assertTrue(inn.problem("The Net Street.") != null);
        assertNull(inn.problem("Net Street."));
        AnswerCheck court = check("When do you hold court?", "I hold court every Monday at noon.");
        assertTrue(court.problem("It's a noon.") != null);
    }

    @Test
    void ofTwoPricesTheOneForWhatIsAsked() {
        String ferry = "The crossing costs 3 copper for a person and 1 silver for a horse or cart.";
        AnswerCheck me = check("What do you charge to take me across?", ferry);
        assertTrue(me.problem("1 silver.") != null, "the horse's price is not the player's");
        assertNull(me.problem("3 copper."));
        AnswerCheck cart = check("How much to take my cart over?", ferry);
        assertNull(cart.problem("1 silver."));
        assertTrue(cart.problem("3 copper.") != null);
        AnswerCheck either = check("How much is the crossing?", ferry);
        assertNull(either.problem("3 copper."), "nothing tells them apart: either answers");
        assertNull(either.problem("1 silver."));
    }

    @Test
    void twoTimesWithoutOpeningOrClosingWordsAreToldApartByThePartOfTheDayAsked() {
        String chain = "The harbour chain is raised across the mouth at midnight and lowered at sunrise.";
        AnswerCheck night = check("What time does the port close off for the night?", chain);
        assertNull(night.problem("Midnight."));
        assertTrue(night.problem("Sunrise.") != null, "the night's time, not the morning's");
        AnswerCheck morning = check("When can boats get out in the morning?", chain);
        assertNull(morning.problem("Sunrise."));
        AnswerCheck either = check("When is the chain moved?", chain);
        assertNull(either.problem("Midnight."), "nothing tells them apart: either");
        assertNull(either.problem("Sunrise."));
    }

    @Test
    void whatTimeWantsTheHourNotTheDay() {
        AnswerCheck time = check("What time do the traders usually arrive?",
                "The caravan from the Saltflats rolls in every seventh day at sundown.");
        assertTrue(time.problem("Seventh day.") != null, "the day they come is not the time");
        assertNull(time.problem("Sundown."));
    }

    @Test
    void aNearFactMayAnswerOnlyWithWhatWasAskedFor() {
        AnswerCheck when = check("When does the port close?", "The harbour chain is raised at midnight.",
                "Mooring costs 10 silver a night.");
        assertNull(when.problem("At midnight."));
        assertTrue(when.problem("Not until 10 silver.") != null, "a price from the other fact is no time");
    }

    @Test
    void aNearFactsValueDoesNotAnswerWhenTheBestFactHoldsOneOfTheKindAsked() {
        AnswerCheck cost = check("What will it cost to lift a curse?", "Lifting a curse costs 30 gold.",
                "A blessing for a newborn costs 5 silver.");
        assertTrue(cost.problem("It's 5 silver.") != null, "the other fact's price is the wrong price");
        assertNull(cost.problem("It's 30 gold."));
        assertEquals(0, cost.answeringFact());
    }

    @Test
    void whenOnlyANearFactHoldsTheKindAskedItAnswersAndLeads() {
        AnswerCheck who = check("Who controls the clean water?", "Clean water is 5 caps a bottle.",
                "The water purifier is run by a man called Deacon.");
        assertTrue(who.problem("I charge 5 caps.") != null, "a price does not say who");
        assertNull(who.problem("Deacon does."));
        assertEquals(1, who.answeringFact());
    }

    @Test
    void aWhoQuestionWantsThePersonAndAWhereQuestionThePlace() {
        String bread = "My wife Hetty bakes bread and sells it on market day in Oakhollow.";
        AnswerCheck who = check("Who sells loaves around here?", bread);
        assertTrue(who.problem("Oakhollow.") != null, "a town does not say who");
        assertNull(who.problem("Hetty does."));
        AnswerCheck where = check("Where can I buy bread?", bread);
        assertTrue(where.problem("Hetty does.") != null, "a person does not say where");
        assertNull(where.problem("In Oakhollow."));
        AnswerCheck day = check("Who carries your potions?", "My apprentice Tamsin carries potions every Friday.");
        assertTrue(day.problem("I was a Friday.") != null, "a weekday is nobody");
    }

    @Test
    void aQuestionForANameNoFactHoldsAndTheBestFactBarelyTouchesIsUnanswered() {
        AnswerCheck guard = check("Who commands the royal guard?",
                "The royal treasury pays 200 gold to whoever reopens Kestrel Pass.");
        assertTrue(guard.unanswered(), "the fact shares only 'royal' and names no one");
        AnswerCheck taxes = check("Who should I see about my taxes?", "Lord Everard Thane collects the taxes.");
        assertFalse(taxes.unanswered());
        AnswerCheck close = check("Who sells bread in the village?", "My wife bakes bread for the whole village.");
        assertFalse(close.unanswered(), "no name, but the fact is about the question: answered in words");
        AnswerCheck where = check("Where is the guard house?", "The royal treasury pays 200 gold.");
        assertFalse(where.unanswered(), "places and times are answered without a name: never judged unknown");
    }

    @Test
    void howMuchOfSomethingThatIsNoPriceAsksForTheAmount() {
        AnswerCheck blood = check("How much blood is there?", "Only eight blood packs are left.");
        assertNull(blood.problem("Eight."));
        assertTrue(blood.problem("Plenty.") != null);
        assertFalse(blood.unanswered());
    }

    @Test
    void aReplyThatMakesUpANumberIsRejectedWithTheReason() {
        assertEquals("states fifteen gold, found in no card, world or conversation",
                check("How much to sharpen my axe?", PIM).problem("That is fifteen gold."));
    }

    @Test
    void aReplyWithAMadeUpWordIsDrawnAgainButTheCardsOwnWordsPass() {
        AnswerCheck c = check("Hello!", "The crossing to Reedmoor costs 3 copper.");
        assertEquals("makes up the word 'canteenging'", c.problem("It's a canteenging day."));
        assertEquals("makes up the word 'tenging'", c.problem("Tenging that is not free."));
        assertNull(c.problem("The crossing to Reedmoor is a fine trip."));
    }

    @Test
    void aPriceInAnotherCoinIsAnotherPrice() {
        assertEquals("states 75 silver, found in no card, world or conversation",
                check("How much for a patch-up?", "A standard patch-up costs 75 credits.").problem("That's 75 silver."));
    }

    @Test
    void aWhenQuestionIsAnsweredByTheHalfOfTheFactItAsksAbout() {
        String forge = "The forge opens at dawn and closes at sundown.";
        AnswerCheck open = check("When does the forge open?", forge);
        assertNull(open.problem("At dawn."));
        assertTrue(open.problem("Sundown.") != null, "the closing time does not say when it opens");
        AnswerCheck close = check("Till what time is the forge open?", forge);
        assertNull(close.problem("Until sundown."));
    }

    @Test
    void whenSomethingWillBeReadyIsHowLongItTakes() {
        AnswerCheck order = check("If I order a new saddle, when will it be ready?", "A custom saddle takes 6 days to stitch.");
        assertNull(order.problem("In 6 days."));
        assertTrue(order.problem("Days.") != null, "a unit without its number says nothing");
    }

    @Test
    void aQuestionForWhenTheNpcIsAwayIsAnsweredByTheDayLeftOut() {
        AnswerCheck away = check("which night are you not here?", "I cook every night except Tuesday, when I visit my mother.");
        assertNull(away.problem("Tuesday."));
        assertTrue(away.problem("Every night.") != null, "the nights it is there are not the answer");
    }

    @Test
    void aDateIsTheAnswerNotTheSeasonItIsFor() {
        AnswerCheck leave = check("when are you heading off for the cold months?", "I close the stall on the second of November for the winter.");
        assertNull(leave.problem("On the second of November."));
        assertTrue(leave.problem("The winter.") != null, "what the day is for is not when");
    }

    @Test
    void howDeepOrHighIsAMeasureAndAGroundIsAPlace() {
        AnswerCheck deep = check("how deep is the old well?", "The old well goes down 40 feet to the spring.");
        assertNull(deep.problem("40 feet."));
        assertTrue(deep.problem("The spring.") != null, "a place is no depth");
        AnswerCheck fishing = check("where should I go fishing for eels?",
                "The best fishing ground for eels is the Black Vents, two miles east of the wharf.");
        assertNull(fishing.problem("The Black Vents."));
        assertTrue(fishing.problem("East of the wharf.") != null, "the wharf is what the place is reckoned from");
    }

    @Test
    void aPlaceBesideAnotherIsSaidWithItsWordAndAMeasureWithItsUnit() {
        AnswerCheck wagon = check("where's your wagon?", "My wagon is parked behind the Rusty Nail Saloon.");
        assertNull(wagon.problem("Behind the Rusty Nail Saloon."));
        for (int choice = 0; choice < 2; choice++) {
            assertEquals("Behind the Rusty Nail Saloon.", wagon.asTheFactSays("The Rusty Nail Saloon.", choice),
                    "the player would walk into the saloon");
        }
        AnswerCheck deep = check("how deep is the mine shaft?", "The main shaft goes down 600 feet below the camp.");
        assertNull(deep.problem("600 feet deep."));
        assertTrue(deep.problem("There are 600.") != null, "600 of what?");
    }

    @Test
    void aPlaceKeepsItsRoomAndAnHourAfterNoonIsSaidWhole() {
        AnswerCheck scraps = check("where do your leftover pies end up?", "Spare pies go to the Lantern Hall kitchen for the poor.");
        assertNull(scraps.problem("The Lantern Hall kitchen."));
        assertTrue(scraps.problem("Lantern Hall.") != null, "the hall is not where, its kitchen is");
        AnswerCheck curfew = check("What hour must I be home by?", "The gates shut at the ninth hour after noon.");
        assertNull(curfew.problem("The ninth hour after noon."));
        assertTrue(curfew.problem("After noon.") != null, "half of the hour");
    }

    @Test
    void aRateOrAWordNoFactSaysAfterTheValueIsTurnedDown() {
        AnswerCheck berth = check("What's the rate to park my sub here?", "Docking a submarine at Bay C costs 20 credits per day.");
        assertNull(berth.problem("20 credits per day."));
        assertTrue(berth.problem("20 credits per person.") != null, "a rate the fact does not give");
        AnswerCheck pawn = check("how long till you sell their stuff?", "A client who skips gets 48 hours before I sell the goods.");
        assertNull(pawn.problem("48 hours before I sell."), "the fact's own words");
        assertNull(pawn.problem("48 hours, friend."));
        assertTrue(pawn.problem("That's 48 hours sells.") != null, "a stray verb after the value");
        AnswerCheck water = check("where's the nearest water?", "The next safe water is the Dry Well, 2 days east.");
        assertNull(water.problem("The Dry Well, 2 days east."));
        assertNull(water.problem("The Dry Well, friend."));
        assertTrue(water.problem("Dry Well, and the day.") != null, "a clause ending on a word no fact says");
        assertTrue(water.problem("Dry Well, and its in the day.") != null);
    }

    @Test
    void wagesAreWhatTheNpcPaysAndWhomAThingComesFromIsNoPlace() {
        AnswerCheck shift = check("If I work a shift at the kilns, what's the pay?", "Day laborers get paid 12 ration credits per shift.");
        assertNull(shift.problem("12 ration credits."));
        assertTrue(shift.problem("That will be 12 ration credits.") != null, "the player is paid, not charged");
        AnswerCheck dye = check("where do you get your dye from?", "I buy my indigo only from Farid al-Hakim, who brings it across the Saltglass Flats.");
        assertTrue(dye.problem("It's in Farid al-Hakim.") != null, "a person is no place to be in");
    }

    @Test
    void aCountOfThingsIsNoLengthOfTime() {
        AnswerCheck kites = check("How many of your flying machines are up on a calm day?", "A great storm passes here once every 9 years.",
                "I keep 8 gliders aloft when the wind is calm.");
        assertTrue(kites.problem("9 years.") != null, "nine years counts no machines");
        assertNull(kites.problem("8 gliders."));
    }

    @Test
    void aTimeQuestionWantsThePreciseTime() {
        AnswerCheck show = check("What time does your show start tonight?",
                "I perform at the Laughing Goat every evening at eight.");
        assertNull(show.problem("At eight, friend."));
        assertTrue(show.problem("Every evening.") != null, "the evening is not the time");
        AnswerCheck day = check("What day does the coach come?", "The stagecoach arrives every Wednesday at noon.");
        assertNull(day.problem("On Wednesday."));
        assertTrue(day.problem("At noon.") != null, "noon is not a day");
    }

    @Test
    void aNameOfSeveralWordsMustBeSaidWhole() {
        AnswerCheck where = check("Where was the boar seen?", "The boar has been seen near Mossy Ford.");
        assertNull(where.problem("Near Mossy Ford."));
        assertTrue(where.problem("The Mossy.") != null, "half a place name is no answer");
        AnswerCheck who = check("Who made your lute?", "My lute was made by the luthier Agnes Thorne of Brightwater.");
        assertNull(who.problem("Agnes Thorne made it."));
        assertTrue(who.problem("Agnes did.") != null, "a first name alone does not say who");
    }

    @Test
    void theLastOrFirstOfARunIsItsEndOrItsStart() {
        String ferry = "The ferry leaves the town landing every hour from dawn until dusk.";
        AnswerCheck last = check("When does the last ferry leave?", ferry);
        assertTrue(last.problem("Dawn, as always.") != null, "the last ferry is not the dawn one");
        assertNull(last.problem("At dusk."));
        AnswerCheck first = check("When does the first ferry leave?", ferry);
        assertNull(first.problem("Dawn, as always."));
    }

    @Test
    void chatterAroundTheAnswerIsCut() {
        AnswerCheck trip = check("How long is the trip to Io?", "The run to Io takes three days.");
        assertEquals("Three days!", trip.upToAnswer("Three days! It's a great day."));
        assertEquals("Hm. Three days.", trip.upToAnswer("Hm. Three days."));
        assertEquals("It's a great day.", trip.upToAnswer("It's a great day."));
        assertEquals("Three days.", trip.upToAnswer("That's nice! I'm glad to go to do. Three days."),
                "a long sentence before the answer goes too");
        assertEquals("Aye, friend. Three days.", trip.upToAnswer("Well! I like it here. Aye, friend. Three days."),
                "a short one just before it stays");
        assertEquals("Three days.", trip.upToAnswer("The dining room. Three days."),
                "unless it says something off the topic");
        assertTrue(check("When does the shift start?", "The shift bell rings at six in the morning.").problem("Bell.") != null,
                "a bell is no time of day");
        assertTrue(check("How long is the crossing?", "The crossing takes nine days.").problem("The nine days.") != null,
                "no fact opens the span with 'the'");
        AnswerCheck fair = check("When is the harvest fair?", "The harvest fair is on the last day of autumn.");
        assertTrue(fair.problem("Autumn.") != null, "the season is not the day");
        assertNull(fair.problem("On the last day of autumn."));
        AnswerCheck hours = check("What hours are you open?", "I'm open from midnight until dawn.");
        assertEquals("Midnight.", hours.upToAnswer("Midnight, I'm from."), "the fact's own joining words say nothing after it");
        assertEquals("From midnight until dawn.", hours.upToAnswer("From midnight until dawn."));
        // a clause of its own after the answer is chatter, whatever word of the topic it says
        AnswerCheck helper = check("Who can help? My arm is broken.", "The sheriff, Abel Crane, drinks here most evenings.");
        assertEquals("Abel Crane.", helper.upToAnswer("Abel Crane, what do you like to help."));
        AnswerCheck water = check("Is there any other water out here? Where?",
                "The nearest other water is at the Rusted Dam, two days' ride east.");
        assertEquals("Rusted Dam.", water.upToAnswer("Rusted Dam, and You want to the day."));
        assertEquals("At the Rusted Dam, two days' ride east.", water.upToAnswer("At the Rusted Dam, two days' ride east."));
    }

    @Test
    void anArticleThatDoesNotFitTheWordAfterItIsNoEnglish() {
        AnswerCheck pie = check("What do you want for a piece of the cherry pie?", "A slice of cherry pie is 4 dollars.");
        assertTrue(pie.problem("It's a 4 dollars.") != null);
        assertTrue(check("How many ships are in?", "Four ships are in harbour today.").problem("The Four.") != null);
        assertNull(pie.problem("That will be 4 dollars."));
        assertTrue(check("When do the traders arrive?", "The caravan rolls in at sundown.").problem("An sundown.") != null);
        assertNull(check("When do the traders arrive?", "The caravan rolls in within an hour.").problem("Within an hour."));
        assertNull(check("When does the library open?", "The library opens at the ninth hour.").problem("At the ninth hour."),
                "an ordinal after 'the' is English");
    }

    @Test
    void aLineThatLoopsIsDrawnAgain() {
        assertEquals("i don't know", AnswerCheck.repeatedPhrase("I'm not sure yet, I don't know if I don't know if I'm sure."));
        assertNull(AnswerCheck.repeatedPhrase("Three days, if the drive holds. Three days is long."));
        AnswerCheck chat = check("Tell me about yourself.", "I have kept the forge for thirty years.");
        assertTrue(chat.problem("I'm not sure yet, I don't know if I don't know if I'm not sure if.") != null);
    }

    @Test
    void aClauseAfterTheAnswerGoesWhenItSharesNoWordWithTheFactsOrQuestion() {
        AnswerCheck trip = check("How long is the trip to Io?", "The run to Io takes three days if the drive holds.");
        assertEquals("Three days!", trip.upToAnswer("Three days, it's a great day!"));
        assertEquals("Three days.", trip.upToAnswer("Three days, I was a pope"));
        assertEquals("Three days, if the drive holds.", trip.upToAnswer("Three days, if the drive holds."),
                "a clause about the fact stays");
        assertEquals("For you, three days.", trip.upToAnswer("For you, three days."), "a comma before the answer is no tail");
    }

    @Test
    void wordsOffTheTopicAroundTheAnswerGo() {
        AnswerCheck lute = check("Who crafted that instrument of yours?", "My lute was made by the luthier Agnes Thorne of Brightwater.");
        assertEquals("Agnes Thorne.", lute.upToAnswer("Agnes Thorne is a great day."));
        assertEquals("Agnes Thorne of Brightwater made it.", lute.upToAnswer("Agnes Thorne of Brightwater made it."),
                "words of the fact stay");
        assertEquals("Agnes Thorne.", lute.upToAnswer("Agnes Thorne of the practitioner are really nice day!").replace("!", "."),
                "the first word off the topic ends the line");
        assertEquals("Agnes Thorne.", lute.upToAnswer("Agnes Thorne, and there."), "joining words left at the end go");
        AnswerCheck phone = check("How much for a throwaway phone?", "A burner comm with one week of service is 150 credits.");
        assertEquals("150 credits.", phone.upToAnswer("The average temperature is 150 credits."), "an off-topic lead-in goes");
        assertEquals("It's 150 credits.", phone.upToAnswer("It's 150 credits."), "a lead-in of joining words stays");
        assertEquals("I charge 150 credits.", phone.upToAnswer("I charge 150 credits."),
                "the words of the kind asked (a price) are on topic");
        assertEquals("Aye, friend, 150 credits.", phone.upToAnswer("Aye, friend, 150 credits."), "a short address stays");
    }

    @Test
    void aYesOrNoQuestionWantsWhatTheFactSaysNotJustItsNumber() {
        AnswerCheck safe = check("Is the road ahead safe?", "There are 2 gaps and 3 goblins on the next stretch.");
        assertTrue(safe.problem("2, they do you do you?") != null, "a bare number says nothing about the road");
        assertTrue(check("Is the road safe?", "Three travellers went missing on the road.").problem("I'm not sure. Three.") != null,
                "a number word is no more than the number");
        assertNull(safe.problem("Mind the 2 gaps."));
        assertNull(safe.problem("Watch out, 3 goblins!"));
    }

    @Test
    void anAnswerFromADoubtfulFactMustSayWhatItIsAbout() {
        String commander = "Commander Ilse Varga must approve any weapons requisition.";
        AnswerCheck sure = AnswerCheck.of(KnownFacts.of(List.of(commander)), List.of(commander),
                "Who has to sign off before I can get a gun?");
        assertNull(sure.problem("Ilse Varga."));
        AnswerCheck doubt = AnswerCheck.of(KnownFacts.of(List.of(commander)), List.of(commander),
                "Who cooks the food in the mess hall?", java.util.Set.of(commander), java.util.Set.of());
        assertTrue(doubt.problem("Ilse Varga.") != null, "a bare name would be taken for the cook");
        assertNull(doubt.problem("Commander Ilse Varga must approve weapons."));
    }

    @Test
    void aLeadInPeopleNeverSayBeforeSuchAValueIsCut() {
        AnswerCheck rations = check("What do ration packs cost?", "Ration packs are 6 credits each.");
        assertEquals("6 credits.", rations.upToAnswer("There are 6 credits."), "'there are' opens counts, not prices");
        assertEquals("6 credits.", rations.upToAnswer("For you think about 6 credits."));
        assertEquals("It costs 6 credits.", rations.upToAnswer("It costs 6 credits."));
        assertEquals("That will be 6 credits.", rations.upToAnswer("That will be 6 credits."));
        AnswerCheck meal = check("Which day can hungry folk come for a meal?", "The temple feeds the poor every Sunday.");
        assertEquals("Sunday.", meal.upToAnswer("You want me to Sunday."));
        assertEquals("It's Sunday.", meal.upToAnswer("It's Sunday."));
        assertEquals("Every Sunday.", meal.upToAnswer("Every Sunday."), "the fact's own words before the value stand");
        // A short sentence before the answer stays if it is an interjection or opens such values in the corpora.
        assertEquals("Sunday.", meal.upToAnswer("You should. Sunday."));
        assertEquals("Hm. Sunday.", meal.upToAnswer("Hm. Sunday."));
    }

    @Test
    void aPriceForWhatWasAskedIsTakenFromTheClauseAfterTheBestOne() {
        // Retrieval splits "Ration packs are 6 credits each, or 60 credits for a crate of twelve." in two.
        AnswerCheck box = check("What's a whole box of food packs going for?", "Ration packs are 6 credits each.",
                "60 credits for a crate of twelve.");
        assertTrue(box.states("That will be 60 credits."));
        assertFalse(box.states("6 credits."));
        assertEquals(1, box.answeringFact());
        AnswerCheck one = check("What do ration packs cost?", "Ration packs are 6 credits each.",
                "60 credits for a crate of twelve.");
        assertTrue(one.states("6 credits."), "asked for no crate: the best clause's price");
        // Another fact's price is for another thing, whatever its qualifier says.
        AnswerCheck horse = check("How much to hire a horse I can ride?", "Renting a riding horse costs 5 silver a day.",
                "Shoeing costs 3 silver for a horse.");
        assertTrue(horse.states("5 silver."));
        assertFalse(horse.states("3 silver."));
    }

    @Test
    void whatIsLeftOnceChatterIsCutStillReadsAsEnglish() {
        AnswerCheck blood = check("How much blood have you got in stock?", "Only eight blood packs are left.");
        assertEquals("Eight.", blood.upToAnswer("The eight tonight."), "'The eight.' lost the noun its article was for");
        assertEquals("The eight packs.", blood.upToAnswer("The eight packs."));
        AnswerCheck lute = check("Who crafted that instrument of yours?", "My lute was made by the luthier Agnes Thorne.");
        assertEquals("Agnes Thorne.", lute.upToAnswer("Agnes Thorne you."));
        assertEquals("Agnes Thorne made it.", lute.upToAnswer("Agnes Thorne made it."));
    }

    @Test
    void aLeadInThatSaysSomethingElseIsNoPartOfTheAnswer() {
        AnswerCheck owner = check("Who owns this place?", "The owner, Gus Petrakis, only comes in on Fridays to do the books.");
        assertTrue(owner.problem("Your Gus Petrakis.") != null, "no fact says 'your Gus Petrakis'");
        assertEquals("Gus Petrakis.", owner.upToAnswer("Your Gus Petrakis."));
        assertNull(check("What are you carrying?", "I am carrying a rusty sword.").problem("My rusty sword."),
                "a thing of one's own is English with a possessive");
        AnswerCheck brother = check("What's the reward for bringing in the younger brother?",
                "His brother Eli Harlan is worth 150 dollars, but only alive.");
        assertTrue(brother.problem("Harlan is not 150 dollars.") != null, "it denies the fact's own value");
        assertNull(brother.problem("150 dollars, but only alive."));
        AnswerCheck shut = check("When does the forge close?", "The forge does not close until sundown.");
        assertNull(shut.problem("Not until sundown."), "a fact's own 'not until' is no denial");
        AnswerCheck runner = check("Who brings your brews over to the soldiers?",
                "My apprentice Tamsin carries potions to the barracks every Friday.");
        assertEquals("Tamsin.", runner.upToAnswer("I like Tamsin."), "a liking is not the answer's lead-in");
        AnswerCheck deer = check("What time of day should I look for deer?", "Deer come down to drink at Silverbirch Pond at dusk.");
        assertEquals("Dusk.", deer.upToAnswer("For you with me to do you, dusk."), "words that say nothing");
        assertEquals("For you, dusk.", deer.upToAnswer("For you, dusk."));
    }

    @Test
    void thereIsSaysOneThing() {
        AnswerCheck books = check("How big is your collection?", "The library holds over forty thousand volumes.");
        assertTrue(books.problem("There is forty thousand.").contains("more than one"), books.problem("There is forty thousand."));
        assertNull(books.problem("There are forty thousand."));
        assertNull(books.problem("Forty thousand."));
    }

    @Test
    void whoAsksForThePersonNotTheGroupTheFactAlsoNames() {
        AnswerCheck boss = check("Who's the boss of the thieves around here?",
                "The Guild of Whispers is run by a woman called the Widow.");
        assertTrue(boss.states("The Widow."));
        assertFalse(boss.states("Guild."));
        assertFalse(boss.states("The Guild of Whispers."));
        // A group is still the answer when the fact names no one else.
        AnswerCheck who = check("Who rules the docks?", "The docks belong to the Ash Gang.");
        assertTrue(who.states("The Ash Gang."));
    }

    @Test
    void ofAPlaceAndTheOneItStandsInTheNearerAnswersWhere() {
        AnswerCheck deals = check("Where do you do your dealing?",
                "I trade from the back room of the Sour Plum tavern in the Rat Warrens.");
        assertTrue(deals.states("The Sour Plum."));
        assertFalse(deals.states("The Rat Warrens."));
        AnswerCheck meet = check("Where can we meet to talk business?",
                "I meet clients at the Neon Koi noodle bar in Sector 12, back booth.");
        assertTrue(meet.states("The Neon Koi."));
        assertFalse(meet.states("Sector 12."));
        // Two places side by side: either answers.
        AnswerCheck ferry = check("Where does the ferry go?", "The ferry runs between Dunmere and Reedmoor.");
        assertTrue(ferry.states("Dunmere."));
        assertTrue(ferry.states("Reedmoor."));
    }

    @Test
    void aYesNoQuestionTheFactSpeaksToIsNotAnsweredAsAnAside() {
        assertFalse(check("Seen any monsters today?", "I saw 7 monsters on the road ahead.").doubtsFacts());
        assertTrue(check("What's your favourite colour?", "A mug of ale is 2 copper.").doubtsFacts());
        assertTrue(check("How many dragons live in the hills?", "I guide you through the hills for 2 gold a day.")
                .doubtsFacts(), "a count asked, only a price known");
    }

    @Test
    void aLeadInThatDropsTheArticleTheFactsGiveTheNameIsCut() {
        AnswerCheck boss = check("Who's the boss of the thieves?", "The guild is run by a woman called the Widow.");
        assertEquals("Widow.", boss.upToAnswer("That's Widow."));
        assertEquals("That's the Widow.", boss.upToAnswer("That's the Widow."));
        assertEquals("Widow.", boss.upToAnswer("Widow."));
        assertEquals("Widow.", boss.upToAnswer("It's in the Widow."), "a person, as the fact says, is no place to be in");
        AnswerCheck inn = check("Where is your inn?", "The Drowned Lantern stands at the bottom of Net Street.");
        assertEquals("It's on Net Street.", inn.upToAnswer("It's on Net Street."), "the facts write it bare");
    }

    @Test
    void corpusMarkupIsNoSpeech() {
        AnswerCheck hello = check("Hello there!", "A bed for the night costs 6 silver.");
        assertTrue(hello.problem("Oh, I'm [user 2.").contains("'['"), hello.problem("Oh, I'm [user 2."));
        assertNull(hello.problem("Oh, hello! Welcome in."));
        assertNotNull(hello.problem("🙂? Welcome in."), "emoji are chat habits, not an NPC's");
    }

    @Test
    void aBeforeThePluralOfAWordTheFactWritesSingularIsDrawnAgain() {
        AnswerCheck box = check("What's a whole box of food packs going for?", "60 credits for a crate of twelve.");
        assertTrue(box.problem("60 credits for a crates.").contains("a crate"), box.problem("60 credits for a crates."));
        assertNull(box.problem("60 credits for a crate."));
        assertNull(box.problem("It's a bargain, 60 credits."), "'a' before a word that is no plural of the fact's");
    }

    @Test
    void aTimeIsSaidWholeNotByItsLastWord() {
        AnswerCheck open = check("When do you open?",
                "The forge opens at first bell and closes when the fire is banked at sundown.");
        assertNotNull(open.problem("Bell?"), "'bell' alone is no time of day");
        assertNotNull(open.problem("Not until Bell."));
        assertNull(open.problem("Not until the first bell."));
        assertNotNull(open.problem("Sundown."), "when it closes is not when it opens");
        AnswerCheck deer = check("What time of day should I look for deer?", "Deer come down to drink at the pond at dusk.");
        assertNull(deer.problem("Dusk."), "a time word that stands alone in the fact still answers");
    }

    @Test
    void anAnswerIsSaidNotOfferedAsAQuestion() {
        AnswerCheck lute = check("Who crafted that instrument of yours?", "My lute was made by the luthier Agnes Thorne.");
        assertNotNull(lute.problem("Do you like Agnes Thorne."));
        assertNotNull(lute.problem("How about Agnes Thorne?"));
        assertNull(lute.problem("Agnes Thorne."));
        assertNull(lute.problem("Agnes Thorne?"), "a bare value with a question mark still answers");
        AnswerCheck make = check("Hello! What do you make here?", "I forge swords and horseshoes.");
        assertNotNull(make.problem("What do forge?"));
        assertNull(make.problem("Swords and horseshoes."));
    }

    @Test
    void anOffTopicLeadInWithAnArticleIsNoAddressAndIsCut() {
        AnswerCheck room = check("How much for a room tonight?", "A bed for the night costs 6 silver, or 1 gold with a hot bath.");
        assertEquals("6 silver.", room.upToAnswer("The wooden soldiers, 6 silver."));
        assertEquals("Aye, friend, 6 silver.", room.upToAnswer("Aye, friend, 6 silver."), "an address stays");
    }

    @Test
    void anAddressIsInterjectionsOrWordsThatSayNothingElseItIsCut() {
        AnswerCheck room = check("How much for a room tonight?", "A bed for the night costs 6 silver, or 1 gold with a hot bath.");
        assertEquals("6 silver.", room.upToAnswer("Go confirmation, 6 silver."));
        assertEquals("6 silver.", room.upToAnswer("Bill you, 6 silver."));
        assertEquals("For you, 6 silver.", room.upToAnswer("For you, 6 silver."));
        assertEquals("Aye, 6 silver.", room.upToAnswer("Aye, 6 silver."));
        assertEquals("6 silver.", room.upToAnswer("Yes, 6 silver."), "\"How much…?\" is not a yes-or-no question");
    }

    @Test
    void aLampIsLitAtOneTimeAndPutOutAtTheOther() {
        AnswerCheck lamp = check("When do you light the lamp?", "The lamp is lit at dusk and put out at dawn.");
        assertNull(lamp.problem("At dusk."));
        assertNotNull(lamp.problem("At dawn."), "dawn is when it is put out");
        AnswerCheck out = check("When is the lamp put out?", "The lamp is lit at dusk and put out at dawn.");
        assertNull(out.problem("At dawn."));
        assertNotNull(out.problem("At dusk."));
    }

    @Test
    void aReplyThatBreaksOffAFactsClauseIsDrawnAgain() {
        AnswerCheck lamp = check("When do you light the lamp?", "The lamp is lit at dusk and put out at dawn.");
        assertTrue(lamp.problem("Dusk and put.").contains("breaks off"), lamp.problem("Dusk and put."));
        AnswerCheck sell = check("What do you sell?", "Bread and ale are sold at the counter.");
        assertNull(sell.problem("Bread and ale."), "a list of things is whole");
    }

    @Test
    void aSentenceDoesNotStopOnAWordThatNeedsAnother() {
        // fresh set 12: "That is 25 dollars per." and "100 gold, and it costs." passed
        AnswerCheck rate = check("So what do you charge per day?", "My rate is 25 dollars a day, plus expenses.");
        assertTrue(rate.problem("That is 25 dollars per.").contains("ends a sentence on 'per'"));
        assertNull(rate.problem("25 dollars a day."));
        AnswerCheck seeds = check("How much are strawberry seeds?", "Strawberry seeds cost 100 gold a packet.");
        assertNotNull(seeds.problem("100 gold, and it costs."));
        assertNull(seeds.problem("It costs 100 gold."));
    }

    @Test
    void aRepeatedAnswerMayOpenOnlyAsTheFactAllows() {
        // Openings tried when the model says the same answer again: none that tells of another event ("It leaves
        // at midnight." for when a club opens) or another preposition than the fact's ("At the hollow oak.").
        List<String> club = check("What time does the orchid open its doors?",
                "The Blue Orchid club opens at midnight and closes when the last drunk goes home.").openings();
        assertTrue(club.contains("It's at"), club.toString());
        assertTrue(club.stream().noneMatch(o -> o.contains("leaves") || o.contains("arrives")), club.toString());
        List<String> honey = check("When do you collect the honey?", "Honey is harvested on the last day of summer.").openings();
        assertTrue(honey.contains("It's on"), honey.toString());
        assertTrue(honey.stream().noneMatch(o -> o.contains("from")), "a day is no place: " + honey);
        List<String> oak = check("Where are the goblins hiding?", "The goblins camp in the hollow oak past the second milestone.")
                .openings();
        assertTrue(oak.contains("It's in"), oak.toString());
        assertTrue(oak.stream().noneMatch(o -> o.endsWith("at") || o.endsWith("on")), oak.toString());
        List<String> hives = check("How many hives have you got?", "I keep nine hives behind the old windmill.").openings();
        assertTrue(hives.stream().noneMatch(o -> o.contains("have")), "the fact keeps them: " + hives);
    }

    @Test
    void aVerbKeepsTheEndingTheFactGivesIt() {
        AnswerCheck pumps = check("Who do I talk to about a leaking pump?", "Technician Pavel Orlov fixes the water pumps.");
        assertNotNull(pumps.problem("Technician Pavel Orlov fix."));
        assertNull(pumps.problem("Technician Pavel Orlov."));
        assertNull(pumps.problem("Technician Pavel Orlov fixes them."));
    }

    @Test
    void twoNumbersTogetherAreNoValue() {
        // "There are 40 nine days." passed: 40 is the harvest's, nine the seedlings'
        AnswerCheck seeds = check("How long until the seeds come up?", "Seedlings take nine days to sprout.",
                "We harvest the wheat every 40 days.");
        assertTrue(seeds.problem("There are 40 nine days.").contains("two numbers"));
        assertNull(seeds.problem("Nine days."));
    }

    @Test
    void lateSummerIsNotAnySummer() {
        AnswerCheck honey = check("When do you take the honey from the hives?", "I collect honey in late summer.");
        assertNull(honey.problem("Late summer."));
        assertNotNull(honey.problem("Summer."), "the fact says which part of the summer");
    }

    @Test
    void whatAThingWillFetchAsksItsPrice() {
        AnswerCheck hide = check("What will a deer hide fetch?", "A deer hide sells for 6 silver.", "I have taken 14 wolves this winter.");
        assertNull(hide.problem("6 silver."));
        assertNotNull(hide.problem("14 wolves."));
    }

    @Test
    void aWordOfAnInterjectionAloneOrALoveDeclarationIsCut() {
        AnswerCheck sail = check("When do you set sail?", "We sail on the evening tide.");
        assertEquals("Evening tide.", sail.upToAnswer("Let. Evening tide."));
        assertEquals("Let me think... Evening tide.", sail.upToAnswer("Let me think... Evening tide."));
        AnswerCheck shuttle = check("Where do I catch the shuttle to Mars?", "The Mars shuttle leaves from dock 7.");
        assertEquals("Dock 7.", shuttle.upToAnswer("I love you. Dock 7."));
    }

    @Test
    void theEarliestOfTwoTimesIsTheFirstTheFactGivesTheLatestTheLast() {
        String fact = "The hovercraft Skadi crosses Ligeia Mare twice a day, leaving at 0600 and 1800.";
        assertNotNull(check("when's the earliest boat over the lake", fact).problem("1800."));
        assertNull(check("when's the earliest boat over the lake", fact).problem("0600."));
        assertNull(check("When's the last boat?", fact).problem("1800."));
        assertNull(check("When does the boat leave?", fact).problem("1800."), "either, asked for neither");
        String raid = "The last raid they pulled was on a Thursday, just after midnight.";
        assertNull(check("when did the feds last bust a place round here", raid).problem("On a Thursday."), "when it last was");
    }

    @Test
    void anAmountInTheCardsCoinIsAPriceWithoutAWordOfPrice() {
        List<String> card = List.of("A laying hen is 3 shell strings.", "A young sow costs 20 shell strings.");
        AnswerCheck hen = AnswerCheck.of(card, card, "price on a hen that lays?");
        assertNull(hen.problem("3 shell strings."));
        assertNotNull(hen.problem("20 shell strings."), "the sow's price is no hen's");
        // and a number that is half of a word is no price: "three-ply" is how the cord is made
        List<String> rope = List.of("The thick three-ply cord for the hull lashings is 9 shell strings a coil.",
                "A coil of fine sennit for the outrigger booms costs 4 shell strings.");
        AnswerCheck cord = AnswerCheck.of(rope, rope, "how much for a roll of the heavy rope for tying the hulls together?");
        assertNull(cord.problem("9 shell strings."));
        assertNotNull(cord.problem("Three."));
    }

    @Test
    void aGroupNamedByTheWordAfterItIsNoOneWhoLeads() {
        assertNotNull(check("who's leading the band at the dances?",
                "The band on the dance floor is the Blue Waves ensemble, led by the accordion player Yuri Kostenko.")
                .problem("The Blue Waves."));
    }

    @Test
    void aDayWithItsPartOfTheDayAnswersWhichNight() {
        assertNull(check("which night does the bennis girl get dressed up?",
                "The bride of the Bennis house, Lalla Salma Bennis, will be dressed on Thursday night.").problem("Thursday night."));
    }

    @Test
    void valuesAsTheFactMeansThem() {
        // what a word of price is, is a price, in any coin
        assertNull(check("what does it cost to enter my bird?", "Entry is 15,000 tugrik per bird, paid at the registration table.")
                .problem("15,000 tugrik."));
        // "close to ninety" is no hour
        assertNull(check("how many people u cram in there on the weekend", "On a Saturday we squeeze in close to ninety.")
                .problem("Close to ninety."));
        // "how much flour" is the amount of flour
        String flour = "Over the three festival days I go through forty kilos of flour and two buckets of sheep fat.";
        assertNull(check("how much flour do you go thru over the festival?", flour).problem("Forty kilos."));
        assertNotNull(check("how much flour do you go thru over the festival?", flour).problem("Three."));
        // a place something is found by is no place it is at
        assertNotNull(check("where do u grab the canadian hooch from?",
                "I pick up the loads at a boathouse in Wyandotte, just downriver from Detroit.").problem("From Detroit."));
        // one of some people is someone
        assertNull(check("Which of your crew knows the way through the rocks up north?",
                "Anders Krog has sailed the northern skerries for thirty years.").problem("Anders Krog."));
        assertNotNull(check("who taught u to make these",
                "I learned the craft from old Tobiah Marr at Olympus Market, who still buys my best pieces.").problem("Olympus Market."));
    }

    @Test
    void aWordOfPriceSaysNothingOfWhatWasAskedWhenNoPriceWas() {
        String sword = "Repairing a sword costs 12 silver; a cracked blade costs 2 gold to reforge.";
        assertNotNull(check("What's your favourite colour?", sword).problem("It costs 12 silver."));
        assertNull(check("How much to repair my sword?", sword).problem("It costs 12 silver."));
    }

    @Test
    void aCountAfterToIsNoHour() {
        // "comes to two bolts of silk" prices the sutra; "By when do I need to ask?" is not answered "Two."
        String price = "The long Lotus Sutra comes to two bolts of plain silk.";
        assertNotNull(check("By when do I need to ask?", price).problem("Two."));
        assertNull(check("When do you close?", "We are open from 9 to 5 daily.").problem("5."), "an hour stands before it");
    }

    @Test
    void ofARangeFromOneTimeToAnotherTheCloseIsTheSecond() {
        String hours = "The med bay is open from 0800 to 2000 ship time.";
        assertNull(check("When does the med bay close?", hours).problem("2000."));
        assertNotNull(check("When does the med bay close?", hours).problem("0800."), "0800 is when it opens");
        assertNull(check("When does the med bay open?", hours).problem("0800."));
    }

    @Test
    void aShareOfAnHourIsHowLong() {
        AnswerCheck crossing = check("How long is the crossing?", "The crossing takes a quarter of an hour.",
                "The first ferry leaves at sunrise and the last at dusk.");
        assertNull(crossing.problem("A quarter of an hour."));
        assertNotNull(crossing.problem("Sunrise."));
    }

    @Test
    void aMonthIsNoAddress() {
        AnswerCheck funerals = check("When are the funerals?", "Funerals are held on Sunday afternoons.");
        assertEquals("Sunday afternoons.", funerals.upToAnswer("May, Sunday afternoons."));
        assertEquals("Aye, Sunday afternoons.", funerals.upToAnswer("Aye, Sunday afternoons."));
    }

    @Test
    void aMeasureIsNotCountedLikeThings() {
        AnswerCheck wall = check("How tall will the wall be?", "The new wall will be 30 feet high.");
        assertEquals("30 feet.", wall.upToAnswer("There are 30 feet."));
        assertEquals("30 feet.", wall.upToAnswer("At 30 feet."));
        assertEquals("30 feet.", wall.upToAnswer("The 30 feet."));
        assertEquals("About 30 feet.", wall.upToAnswer("About 30 feet."));
    }

    @Test
    void theHoursAMonasteryKeepsAreTimes() {
        AnswerCheck library = check("When does the library close?",
                "The library opens after morning prayers and closes at vespers.");
        assertNull(library.problem("Vespers."));
        assertNotNull(library.problem("Morning."), "the morning is when it opens");
    }

    @Test
    void whatIsOverHasClosed() {
        String hours = "Happy hour runs from 1700 to 1900.";
        assertNull(check("When is happy hour over?", hours).problem("1900."));
        assertNotNull(check("When is happy hour over?", hours).problem("1700."), "1700 is when it starts");
        assertNotNull(check("When does happy hour finish?", hours).problem("1700."));
    }

    @Test
    void aSizeMayBeASum() {
        AnswerCheck share = check("How big is each man's share?", "A share of the prize is 30 doubloons a head.");
        assertNull(share.problem("30 doubloons."));
        assertNotNull(share.problem("Aye."), "the size of the share is its sum");
        AnswerCheck herd = check("How big is your herd?", "I keep 30 cows, each worth 10 gold.");
        assertNotNull(herd.problem("10 gold."), "a count answers first");
    }

    @Test
    void aTimeOrAnAmountIsNotWhatThePlayerWants() {
        AnswerCheck library = check("When does the library close?", "The library closes at vespers.");
        assertEquals("Vespers.", library.upToAnswer("You want vespers."));
        AnswerCheck mine = check("How deep does the mine go?", "The mine goes 400 feet down.");
        assertEquals("400 feet.", mine.upToAnswer("You want 400 feet."));
        AnswerCheck stable = check("Which horse is your fastest?", "The best horse here is a grey mare named Ashwind.");
        assertEquals("You want Ashwind.", stable.upToAnswer("You want Ashwind."));
        AnswerCheck deer = check("What time of day should I look for deer?", "Deer come down to drink at the pond at dusk.");
        assertEquals("You want dusk.", deer.upToAnswer("You want dusk."), "the player asked when to go");
    }

    @Test
    void aValueLeftAloneIsSaidAsTheFactSaysIt() {
        AnswerCheck wolves = check("Where have the wolves been spotted?", "Wolves have been spotted near the old watchtower.");
        assertEquals("The old watchtower.", wolves.asTheFactSays("Old watchtower.", 0));
        assertEquals("Near the old watchtower.", wolves.asTheFactSays("Old watchtower.", 1));
        assertEquals("Near the old watchtower.", wolves.asTheFactSays("The old watchtower.", 1));
        assertEquals("It's near the old watchtower.", wolves.asTheFactSays("It's near the old watchtower.", 1),
                "a line that says more than the value is the model's");
        AnswerCheck crossing = check("How long is the crossing?", "The crossing takes a quarter of an hour.");
        assertEquals("A quarter of an hour.", crossing.asTheFactSays("Quarter of an hour.", 1));
        AnswerCheck library = check("When does the library close?", "The library closes at vespers.");
        assertEquals("At vespers!", library.asTheFactSays("Vespers!", 1));
        AnswerCheck boss = check("Who's the boss of the thieves?", "The thieves answer to a woman called the Widow.");
        assertEquals("The Widow.", boss.asTheFactSays("Widow.", 1), "only a place or a time takes the preposition");
        AnswerCheck sail = check("When do you set sail?", "We sail on the evening tide.");
        assertEquals("On the evening tide.", sail.asTheFactSays("Evening.", 1), "'the' and 'on' are the tide's: said whole");
        assertEquals("The evening tide.", sail.asTheFactSays("Evening.", 0));
        AnswerCheck lantern = check("Where can I get a lantern?", "Lanterns are handed out at the lamp house by the gate.");
        // (with where it stands, as the fact says: "the lamp house" could be any)
        assertEquals("At the lamp house by the gate.", lantern.asTheFactSays("Lamp house.", 1));
        AnswerCheck troll = check("Where was the troll spotted?", "The troll was spotted under the Greystone bridge.");
        assertEquals("Under the Greystone bridge.", troll.asTheFactSays("Greystone.", 1), "'the' and 'under' are the bridge's");
        AnswerCheck clinic = check("Where's your clinic?", "The clinic is under the Jade Dragon noodle shop.");
        assertEquals("Under the Jade Dragon noodle shop.", clinic.asTheFactSays("Jade Dragon.", 0),
                "under it, whichever the choice: the clinic is not the noodle shop");
        AnswerCheck rifle = check("When's the new rifle coming in?", "The new rifle arrives on the Thursday train every week.");
        assertEquals("On the Thursday train.", rifle.asTheFactSays("Thursday.", 1));
        AnswerCheck boat = check("Where is your boat?", "The Grey Gull waits by the pier.");
        assertEquals("Grey Gull.", boat.asTheFactSays("Grey Gull.", 0), "a verb is no part of the name's phrase");
        AnswerCheck fog = check("When does the fog lift?", "The morning fog lifted by noon yesterday.");
        assertEquals("Morning.", fog.asTheFactSays("Morning.", 0), "nor is a past tense");
        AnswerCheck price = check("How much is the sword?", "The sword costs 12 silver.");
        assertEquals("12 silver.", price.asTheFactSays("12 silver.", 1));
    }

    @Test
    void aTimeOnOneSideOfAnotherOrPartOfADayIsSaidWhole() {
        AnswerCheck trade = check("When do you do business?", "I trade only after midnight.");
        assertNull(trade.problem("After midnight."));
        assertNotNull(trade.problem("At midnight."), "he trades after midnight, not at it");
        AnswerCheck funerals = check("When are the funerals?", "Funerals are held on Sunday afternoons.");
        assertNull(funerals.problem("Sunday afternoons."));
        assertNotNull(funerals.problem("Sunday."), "the fact says which part of Sunday");
        AnswerCheck burials = check("Which day are the burials?", "Burials are on Tuesday mornings.");
        assertNull(burials.problem("Tuesday mornings."));
    }

    @Test
    void aCountIsSaidWithWhatItCountsAndIsNotAtAnywhere() {
        AnswerCheck harbour = check("How many vessels are docked right now?", "Four merchant ships are tied up in harbour today.");
        assertEquals("Four.", harbour.asTheFactSays("Four.", 0));
        assertEquals("Four merchant ships.", harbour.asTheFactSays("Four.", 1));
        AnswerCheck crew = check("How many are in the crew?", "The crew numbers 46 souls this year.");
        assertEquals("46 souls.", crew.asTheFactSays("46.", 1));
        AnswerCheck year = check("How many are in the crew?", "We took on 46 this year.");
        assertEquals("46.", year.asTheFactSays("46.", 1), "'this' is counted by nothing");
        AnswerCheck sailors = check("How many sailors are aboard?", "The crew numbers 34 hands.");
        assertEquals("34.", sailors.upToAnswer("At 34."));
        assertEquals("We have 34.", sailors.upToAnswer("We have 34."));
    }

    @Test
    void whoseThingAFactIsAboutDoesNotAnswerWho() {
        AnswerCheck wax = check("Who's the beekeeper you get your wax off?",
                "Marta's wax comes from the apiary of Old Bertram Hollins in Clover Dell.");
        assertNotNull(wax.problem("Marta's."));
        assertNull(wax.problem("Bertram Hollins."));
        assertNull(wax.problem("Old Bertram Hollins, in Clover Dell."));
    }

    @Test
    void aPlaceIsTheNearerOfTwo() {
        AnswerCheck shop = check("Where's your shop?", "Chisel's workshop is on Barnacle Wharf in the port of Saltmarrow.");
        assertNull(shop.problem("On Barnacle Wharf."));
        assertNotNull(shop.problem("Saltmarrow."), "the port holds many wharves");
        AnswerCheck deck = check("Which level of the station is the casino on?", "The casino is on Deck 9 of Halcyon Station.");
        assertNull(deck.problem("Deck 9."));
    }

    @Test
    void theLeastOrMostOfSomethingIsAnsweredByTheAmount() {
        AnswerCheck bet = check("What's the least I can put down on the roulette wheel?",
                "The minimum bet at the zero-g roulette table is 50 credits.");
        assertNull(bet.problem("It's 50 credits."));
    }

    @Test
    void aMadeUpDayAnswersWhatDayAndAnHourKeepsItsPartOfTheDay() {
        AnswerCheck shut = check("Which day of the week are you shut?", "The shop is closed every Moonday for dipping.");
        assertNull(shut.problem("Moonday."));
        assertNotNull(shut.problem("Tuesday."));
        AnswerCheck open = check("When do you open in the morning?", "I open at 7 am every day except Sunday.");
        assertNotNull(open.problem("Sunday."), "the day it does not open");
        AnswerCheck charge = check("What time do you start up in the day?",
                "I only charge between 10 in the morning and 4 in the afternoon, when the sun is high.");
        assertNull(charge.problem("From 10 in the morning."));
        assertNotNull(charge.problem("10."), "ten at night is ten too");
    }

    @Test
    void aContractionNoWordHasAndAPairSaidTwiceAreBroken() {
        AnswerCheck ice = check("How long does a block last?", "A block wrapped in burlap lasts 3 days before it melts down.");
        assertNotNull(ice.problem("Then't last 3 days."));
        assertNotNull(ice.problem("It lasts 3 days, do not do not."));
        assertNull(ice.problem("It doesn't last past 3 days."));
    }

    @Test
    void whichSettlementAsksAPlaceAndWhichLevelAStorey() {
        AnswerCheck critters = check("Which settlement do your critters come from?",
                "Her livestock comes from the ranchers of Dry Creek Holdout, led by Abel Crowe.");
        assertNotNull(critters.problem("Abel Crowe."), "a person is no settlement");
        AnswerCheck office = check("Where's your office?", "The office is upstairs from Hatfield's Mercantile on Main Street in Dry Gulch.");
        assertNotNull(office.problem("Main Street!"), "the street holds many shops");
        AnswerCheck pods = check("Which level of the ship are the sleeper pods on?", "Cryo Bay C holds 64 pods.",
                "The cryo bay is on Deck 11, past the hydroponics ring.");
        assertNotNull(pods.problem("Cryo Bay C."), "a bay is no level");
    }

    @Test
    void aTimeOfDayIsNoDay() {
        AnswerCheck grounded = check("Which day are you grounded every week?", "The last flight of the day leaves at 6 in the evening.");
        assertNotNull(grounded.problem("The evening."));
    }

    @Test
    void aNamedBuildingIsWhereAndAShipIsNoOne() {
        AnswerCheck shed = check("where can i find ur workshop?", "My rope shed stands behind the Old Copra Warehouse, next to the broken canoe.");
        assertNull(shed.problem("Behind the Old Copra Warehouse."));
        assertNotNull(shed.problem("The broken canoe."), "what stands next to it is not where the shed is");
        AnswerCheck whales = check("who hauls all these dead whales in for u anyway",
                "Captain Ysolde Marrow of the whaler Grey Lament brings in most of the carcasses I render.");
        assertNull(whales.problem("Captain Ysolde Marrow."));
        assertNotNull(whales.problem("The Grey Lament."), "a whaler is a ship");
        AnswerCheck boss = check("Who's the boss of this joint?", "The joint is owned by Lucinda \"Lucky\" Farrow.");
        assertNotNull(boss.problem("Lucinda."), "her name is all three words");
        assertNull(boss.problem("Lucinda \"Lucky\" Farrow."));
        AnswerCheck gate = check("Where's the Pacific Clipper depart from?", "The Pacific Clipper liner leaves from Gate 7 every Tuesday at noon.");
        assertNotNull(gate.problem("Gate."), "which gate");
        assertNull(gate.problem("Gate 7."));
    }

    @Test
    void aWeeklyTimeSaysItsDaysAllOfThem() {
        AnswerCheck wagon = check("When does the helium wagon roll in?", "The helium wagon from the Ridgeback Wells arrives every Thursday at dawn.");
        assertNotNull(wagon.problem("Dawn."), "which dawn");
        assertNull(wagon.problem("Every Thursday at dawn."));
        AnswerCheck band = check("Which nights can I catch your band?", "The Skyline Syncopators play the Zephyr Ballroom every Friday and Saturday night.");
        assertNotNull(band.problem("Friday."), "Saturday left out");
        assertNull(band.problem("Friday and Saturday night."));
        AnswerCheck tale = check("On which night does the Serpent King tale play?",
                "The Lamp-and-Lattice Barge shows The Drowning of the Serpent King every Rainsday at moonrise.");
        assertNotNull(tale.problem("Moonrise."), "which night is a day");
        assertNull(tale.problem("Every Rainsday at moonrise."));
    }

    @Test
    void aCoinDescribedIsStillMoneyAndAJobAskedWhatItTakesIsPriced() {
        AnswerCheck prize = check("whats the jackpot if me n my gal win the dance-off", "The dance contest prize is 50 gilt crowns.");
        assertNotNull(prize.problem("50 gilt."), "the coin is cut short");
        assertNull(prize.problem("50 gilt crowns."));
        AnswerCheck ducks = check("what'd it take to send ur birds over for an arvo?",
                "I drive a flock of 212 ducks from barge to barge.", "Hiring my flock for an afternoon costs 8 cowries.");
        assertNotNull(ducks.problem("212 ducks."), "a count is no price");
        assertNull(ducks.problem("8 cowries."));
    }

    @Test
    void aTimeGoneByAnswersNoWhenAheadAndAnExceptionToClosingIsWhenItOpens() {
        AnswerCheck ship = check("yo when does ur ship leave?", "I lost my first ship in the storm that buried the Salt Road twelve years ago.",
                "The Amber Jackal casts off from the Sunken Quay every Moonday at first light.");
        assertNotNull(ship.problem("Twelve years."), "twelve years ago is when it sank");
        assertNull(ship.problem("Every Moonday at first light."));
        AnswerCheck visit = check("when can visitors see the scriptorium?", "The scriptorium is closed to visitors except on Sundays after the noon bell.");
        assertNull(visit.problem("Sundays after the noon bell."));
        assertNotNull(visit.problem("The noon bell."), "which day is the answer");
    }

    @Test
    void dronesSomeoneRunsAreCountedAndWhatIsOwedIsAPrice() {
        AnswerCheck drones = check("how many gurney drones u got?", "I run 14 gurney drones out of the Arrival Hall at the Tether Docks.");
        assertNotNull(drones.problem("The Arrival Hall."), "a hall is no count");
        assertNull(drones.problem("14 gurney drones."));
        AnswerCheck grease = check("what do i owe u to grease her up?", "A fresh coat of runner grease lasts 20 leagues.",
                "A full waxing of both runners costs 5 copper dinars and a jar of date wine.");
        assertNotNull(grease.problem("20 leagues."), "owing asks a price");
        AnswerCheck goat = check("How much weight can one goat carry?", "Each goat carries no more than 4 stone.");
        assertNotNull(goat.problem("4."), "4 of what");
        assertNull(goat.problem("4 stone."));
    }

    @Test
    void aDayAloneIsSaidWithHowOftenAndAtWhatHourAsTheFactSaysIt() {
        AnswerCheck goats = check("when do ur goats head out?", "We leave from the Lowmeadow salt cross every Thursday at first light.");
        assertEquals("Every Thursday at first light.", goats.asTheFactSays("Thursday.", 0));
        assertEquals("Every Thursday at first light.", goats.asTheFactSays("On Thursday.", 1));
        AnswerCheck fruit = check("how often do u get fresh fruit?", "Fresh fruit arrives on the supply shuttle once every 10 days.");
        assertEquals("Once every 10 days.", fruit.asTheFactSays("10 days.", 0));
        AnswerCheck stairs = check("which day do the stairs close?", "The stairs close every Monday until noon while the mortar sets.");
        assertEquals("Every Monday until noon!", stairs.asTheFactSays("Monday!", 0), "not 'while the mortar sets'");
        AnswerCheck wagon = check("When does the helium wagon roll in?", "The helium wagon from the Ridgeback Wells arrives every Thursday at dawn.");
        assertEquals("Every Thursday at dawn.", wagon.asTheFactSays("Thursday at dawn.", 0), "the day and its hour, and how often");
        AnswerCheck boats = check("when do the pearl boats come in?", "The pearl boats come in every Thursday at low tide.");
        assertEquals("Every Thursday at low tide.", boats.asTheFactSays("Every Thursday.", 1));
        AnswerCheck shut = check("Which day are you shut?", "I'm closed every Sunday cycle for the colony-wide air audit.");
        assertEquals("Every Sunday cycle.", shut.asTheFactSays("Sunday.", 0));
    }

    @Test
    void aNameAloneIsSaidWithTheTitleTheFactGivesIt() {
        AnswerCheck tub = check("who's in charge of this tub anyway?", "Captain Odalie Marchbanks has run the Belle for eleven seasons.");
        assertEquals("Captain Odalie Marchbanks.", tub.asTheFactSays("Odalie Marchbanks.", 0));
        AnswerCheck paint = check("who makes that fancy blue paint?", "Brother Anselm Tarrow mixes the blue pigment.");
        assertEquals("Brother Anselm Tarrow.", paint.asTheFactSays("Anselm Tarrow.", 1));
        AnswerCheck canal = check("which day is the canal closed to barges?", "The canal is closed to barges every Wednesday while I work the deep channel.");
        assertEquals("Every Wednesday.", canal.asTheFactSays("Wednesday.", 0), "a day's phrase ends where a clause of its own begins");
        AnswerCheck logs = check("my hours were logged wrong, who should I take that up with?",
                "Disputes over shift logs go to the shift supervisor, Ansel Brightwater-Kade.");
        assertNotNull(logs.problem("Ansel Brightwater."), "half a double-barrelled name");
        assertNull(logs.problem("Ansel Brightwater-Kade."));
    }

    @Test
    void anHourAloneIsSaidWithItsDaysAndWhichNobleAsksAName() {
        AnswerCheck raids = check("When do the copyright raids usually happen?", "Corporate copyright sweeps hit the market every Thursday at 23:00.");
        assertEquals("Every Thursday at 23:00.", raids.asTheFactSays("23:00.", 0));
        AnswerCheck practice = check("when do i gotta show up for practice?", "We train every day at dawn, before the sand gets too hot for bare feet.");
        assertEquals("Every day at dawn.", practice.asTheFactSays("Dawn.", 0));
        AnswerCheck noble = check("which noble wears ur stuff?", "Prince Harsu Ammerai wears nothing but my cloth and pays in advance.");
        assertEquals("Prince Harsu Ammerai.", noble.asTheFactSays("Harsu Ammerai.", 0));
        assertNotNull(noble.problem("My cloth."), "which noble asks who");
        AnswerCheck wagon = check("where do i catch the hay wagon?", "The wagon fits 12 riders at a time.",
                "Rides leave from the Lantern Post at the end of the market row.");
        assertNotNull(wagon.problem("At a time."), "'at a time' is no place");
        assertNull(wagon.problem("From the Lantern Post."));
    }

    @Test
    void aVerbCutFromWhatItActsOnEndsNoSentence() {
        AnswerCheck lamp = check("what happens if i smash a lamp?", "I light the lamps every evening at dusk and put them out at dawn.");
        assertNotNull(lamp.problem("Dusk and put."), "cut from 'put them out'");
        assertNull(lamp.problem("I light the lamps every evening at dusk and put them out at dawn."));
    }

    @Test
    void fresh45to47AnswersTheValueAskedFor() {
        // "what time … shut" asks when it closes, not which day it is closed; Sunday's own hours are Sunday's
        AnswerCheck shut = check("what time u shut down tonight?", "The office opens at 7 in the morning and I close the key at "
                + "9 at night, except Sundays, when I open only from noon to 2.");
        assertNotNull(shut.problem("Sundays."));
        assertNotNull(shut.problem("I have 2."));
        assertNull(shut.problem("9 at night."));
        AnswerCheck pick = check("price on a pick?", "A good steel pick costs 2 dollars and 50 cents, and a long-handled "
                + "shovel is 1 dollar and 75 cents.");
        assertNotNull(pick.problem("2 dollars!"), "half the price");
        assertNull(pick.problem("2 dollars and 50 cents."));
        AnswerCheck kids = check("how many kids u got in ur class?", "I teach twenty-three children, from the little ones "
                + "of five up to the fourteen-year-olds.");
        assertNotNull(kids.problem("Five."), "an age, not a count");
        assertNull(kids.problem("Twenty-three."));
        AnswerCheck boat = check("when does the boat from down south show up with new stock?",
                "The spice galley from the south docks at the delta mouth on the last day of each month.");
        assertNotNull(boat.problem("The spice galley."), "names the boat, says no time");
        assertNull(boat.problem("On the last day of each month."));
        AnswerCheck school = check("What time should I bring him in the mornings?",
                "School starts at third bell each shift-day and lets out at the eighth bell.");
        assertNotNull(school.problem("At the eighth bell."), "bringing him in is when school starts");
        assertNull(school.problem("At third bell."));
        AnswerCheck suit = check("how long til its ready?", "A brand new hull suit takes me nine shift-days to finish.");
        assertNotNull(suit.problem("Nine shift."));
        assertNull(suit.problem("Nine shift-days."));
    }

    @Test
    void ofPricesInTwoClausesTheOneForWhoOrWhatIsAsked() {
        AnswerCheck crew = check("How much for a whole box of dynamite? Got a crew of 6",
                "A stick of giant powder costs 35 cents from me.", "A full case of fifty goes for 14 dollars if you're buying for a crew.");
        assertNotNull(crew.problem("35 cents."), "a stick's price, found by meaning alone");
        assertNull(crew.problem("14 dollars."));
        AnswerCheck sister = check("I need to get my sister down the mountain to the smelter town. What'll that cost me?",
                "I haul ore down to the smelter at Cutbank for 9 dollars a ton.",
                "I'll carry a passenger on the wagon seat for 2 dollars if they don't complain.");
        assertNotNull(sister.problem("9 dollars."), "the ore's price by the ton");
        assertNull(sister.problem("2 dollars."));
        AnswerCheck ore = check("What do you charge to haul my ore down to the smelter?",
                "I haul ore down to the smelter at Cutbank for 9 dollars a ton.",
                "I'll carry a passenger on the wagon seat for 2 dollars if they don't complain.");
        assertNull(ore.problem("9 dollars."));
    }

    @Test
    void fresh48to50AnswersTheValueAskedFor() {
        AnswerCheck floor = check("how many machines on the ground floor?",
                "We've got eighty-eight machines on the main floor and twelve high-roller machines upstairs.");
        assertNotNull(floor.problem("Twelve."), "the machines upstairs");
        assertNull(floor.problem("Eighty-eight."));
        AnswerCheck pears = check("How many pear ones you got growing?",
                "The orchard has forty-two apple trees and eleven pear trees, all planted by my grandmother.");
        assertNotNull(pears.problem("Forty-two!"));
        assertNull(pears.problem("Eleven pear trees."));
        AnswerCheck cows = check("What time do you do the cows at night?",
                "We milk our twenty-six cows twice a day, at five in the morning and again at six in the evening.");
        assertNotNull(cows.problem("Five in the morning."));
        assertNull(cows.problem("Six in the evening."));
        AnswerCheck order = check("Our purser wants the whole crew's grog ready for when we sail on Saturday. "
                + "What's the last day I can put the order in?",
                "Any ship's purser wanting a whole rum ration for the crew must order by Thursday to have it by the Saturday tide.");
        assertNotNull(order.problem("By the Saturday tide."), "the player said Saturday");
        assertNull(order.problem("By Thursday."));
        AnswerCheck shearing = check("When does the big haircut season start?",
                "I can shear a sheep in under three minutes; my record is one hundred and four sheep in a single day.");
        assertNotNull(shearing.problem("Under three minutes."), "how long a sheep takes is no when");
        AnswerCheck cellar = check("My noodle shop's cellar is crawling with vermin. What would you charge to clear it all out?",
                "Clearing a single apartment costs 25 credits.", "A whole basement or shop runs 90 credits.");
        assertNotNull(cellar.problem("25 credits."));
        assertNull(cellar.problem("90 credits."));
        AnswerCheck press = check("Where do you squash all the apples?",
                "I press apples every Saturday from mid-morning until the light goes, all through Harvestmonth.");
        assertNotNull(press.problem("Harvestmonth."), "a month is no place");
        assertEquals(QuestionKind.MONEY, QuestionKind.of("How much for a glowing sign with my bar's name on it?"));
        assertEquals(QuestionKind.NAME, QuestionKind.of("What's your ship's name?"));
    }

    @Test
    void fresh51to53AnswersTheValueAskedFor() {
        AnswerCheck crew = check("how many guys work with you?",
                "There are fourteen cutters on my crew, counting the two boys who carry the water skins.");
        assertNotNull(crew.problem("The two boys."), "counted in, not how many");
        assertNull(crew.problem("Fourteen cutters."));
        AnswerCheck hall = check("How many guests can sit down to dinner in here?", "The Great Hall seats three hundred and "
                + "sixty at the long tables, and the Thane's high table holds another twenty.");
        assertNotNull(hall.problem("Twenty."));
        assertNull(hall.problem("Three hundred and sixty."));
        AnswerCheck days = check("Which days do you actually do your carving?",
                "I only carve on the quiet days, Moonday and Ashday, because the forge-hammers shake my chisel.");
        assertNotNull(days.problem("Moonday."), "Ashday too");
        assertNull(days.problem("Moonday and Ashday."));
        AnswerCheck toll = check("how much to get my tiny one-man boat through the chain?",
                "Toll for a single rowboat or skiff is 2 washers.");
        assertNotNull(toll.problem("2."), "2 of what");
        assertNull(toll.problem("2 washers."));
        AnswerCheck petition = check("When can I bring this before the lord of the hold?", "Thane Borin Deepdelver hears "
                + "petitions in the Great Hall on the first day of every week, from the noon bell until the fourth bell.");
        assertNull(petition.problem("On the first day of every week."));
        assertNotNull(petition.problem("The fourth bell."), "bringing it is when he starts hearing");
        AnswerCheck nearest = check("When can I bring this before the lord of the hold?", "Every forge in the Hold goes cold "
                + "for it.", "Thane Borin hears petitions in the Great Hall on the first day of every week, from the noon bell.",
                "The Feast of the First Ingot falls on the longest night of the year.");
        assertNotNull(nearest.problem("Night."), "the nearest fact with a time answers, not every near one");
        assertNull(nearest.problem("On the first day of every week."));
        AnswerCheck split = check("How many guests can sit down to dinner in here?",
                "The Thane's high table holds another twenty.", "The Great Hall seats three hundred and sixty at the long tables.");
        assertNotNull(split.problem("About twenty."), "added on in a clause of its own");
        assertNull(split.problem("Three hundred and sixty."));
    }

    @Test
    void aPlaceWithNoNameIsShownWithWhereItStands() {
        AnswerCheck oxen = check("Where are the oxen kept?",
                "The winch is turned by two pit oxen, and they are stabled in the stalls behind the winding house.");
        assertEquals("The stalls behind the winding house.", oxen.asTheFactSays("Stalls.", 0));
        assertEquals("In the stalls behind the winding house.", oxen.asTheFactSays("Stalls.", 1));
        AnswerCheck tokens = check("Where do I cash in my tokens?",
                "The token exchange window is in the alley behind the parlor, run by old Mrs. Hana Ibori.");
        assertEquals("The alley behind the parlor.", tokens.asTheFactSays("Alley.", 0));
        // a place the fact says stands by another, said alone by the model, is said with both
        AnswerCheck loft = check("Where can I lay down for the night?",
                "Straw pallets for the night are a half-penny each, laid out in the loft above the brewhouse.");
        assertEquals("In the loft above the brewhouse.", loft.asTheFactSays("Above the brewhouse.", 0));
        AnswerCheck office = check("Where is your place of business?",
                "My office is a converted storage locker behind the pressure-suit racks on Deck Two.");
        assertEquals("Behind the pressure-suit racks on Deck Two.", office.asTheFactSays("Deck Two.", 0));
    }

    @Test
    void fresh54to56AnswersTheValueAskedFor() {
        AnswerCheck games = check("how many games you got in here?",
                "There are thirty-two machines on the floor, though nine of them are switched off until Easter.");
        assertNotNull(games.problem("Nine."), "some of them");
        assertNull(games.problem("Thirty-two machines."));
        AnswerCheck running = check("How many of the machines are switched off?",
                "There are thirty-two machines on the floor, though nine of them are switched off until Easter.");
        assertNull(running.problem("Nine."));
        AnswerCheck rock = check("how much for one of those sugar sticks with the writing in?",
                "A proper stick takes fourteen separate strips of coloured sugar.",
                "A stick of lettered rock with SALTMERE BAY running through it costs £1.80.");
        assertNotNull(rock.problem("Fourteen separate."), "no price");
        assertNull(rock.problem("£1.80."));
        AnswerCheck toll = check("how much to get my tiny one-man boat through the chain?",
                "Toll for a single rowboat or skiff is 2 washers.", "A full cargo barge pays 15 washers a pass.");
        assertNotNull(toll.problem("15 washers."), "the barge's toll");
        assertNull(toll.problem("2 washers."), "washers are the card's coin, 'is 2 washers' a price");
        assertNotNull(toll.problem("There are 2 washers."), "a price said as how many there are");
        assertNotNull(toll.problem("About 2 washers."), "a price the fact states exactly, guessed at");
        assertNull(check("How much is a room?", "A room costs about 5 silver a night.").problem("About 5 silver."),
                "the fact guesses too");
        assertEquals("It's £1.50.", check("what does the puck table cost?", "The air hockey table takes £1.50 a game.")
                .withCurrencySigns("It's 1.50."), "the pound sign the fact writes");
        AnswerCheck boss = check("whos the boss here?", "My manager is Mr Clive Ashworth, but he only comes by on Sundays.",
                "The CCTV only covers the till, not the back corridor.");
        assertNotNull(boss.problem("The CCTV."), "letters on a camera name no one");
        AnswerCheck meeting = check("when's the next big law meeting?", "The winter Thing is held in the hall on the first "
                + "full moon after midwinter, while the summer Thing meets at the Law Rock.");
        assertNotNull(meeting.problem("Summer."), "the summer Thing is a name");
        AnswerCheck sledges = check("What day of the week do you do that kind of shaping?",
                "I steam and bend sledge runners only on Odin's day, when the big kettle is free.");
        assertNotNull(sledges.problem("I found all kind of music."));
        assertNull(sledges.problem("On Odin's day."));
        AnswerCheck fish = check("how much for a bundle of the frozen fish?", "A string of frozen cod costs 4 silver pennies.",
                "A whole winter char goes for 2 silver pennies.");
        assertNull(fish.problem("4 silver pennies."));
        assertNotNull(fish.problem("2 silver pennies."), "WordNet's 'winter' for 'frozen' does not name the char");
        AnswerCheck lesson = check("How much is a lesson just for me, no group?", "A private one-to-one lesson costs £60.",
                "A two-hour group lesson is £35.");
        assertNull(lesson.problem("£60."));
        assertNotNull(lesson.problem("£35."), "'no group' asks the private one");
        AnswerCheck thing = check("when's the next big law meeting?", "The winter Thing is held in the hall on the first full "
                + "moon after midwinter.");
        assertNotNull(thing.problem("After midwinter."), "said whole: the first full moon after it");
        assertNull(thing.problem("On the first full moon after midwinter."));
        AnswerCheck weekday = check("What day of the week do you do that kind of shaping?",
                "Racing skis take me five days to shape, so order them before the solstice.");
        assertNotNull(weekday.problem("The solstice."), "no day of the week");
        AnswerCheck skis = check("where's your place at?", "Eleven pairs of children's skis hang by my door, waiting for the "
                + "ski race at Yule.");
        assertNotNull(skis.problem("Yule."), "a feast, no place");
    }

    @Test
    void aShipThatSailsAndAPlaceWalkedToAreNoOne() {
        AnswerCheck pilot = check("who actually knows the river on that tub?",
                "The Santa Luzia sails downriver every Friday at ten in the morning, water permitting.",
                "Captain Ezra Molloy is the master, though it is the pilot, Raimundo Saraiva, who knows the sandbars.");
        assertNotNull(pilot.problem("The Santa Luzia."));
        assertNull(pilot.problem("Raimundo Saraiva."));
        AnswerCheck headman = check("Who's your top man?",
                "My best headman is Domingos Tapajó, who has walked to the Serra Escura and back four times.");
        assertNotNull(headman.problem("The Serra Escura."));
        assertNull(headman.problem("Domingos Tapajó."));
    }

    @Test
    void fresh57and58AnswersTheValueAskedFor() {
        AnswerCheck total = check("How many parking spots do you have in total?",
                "I have 34 berths under contract, and usually no more than six are free at once.");
        assertNotNull(total.problem("Six."));
        assertNull(total.problem("34 berths."));
        AnswerCheck shift = check("When do you clock off, big guy?",
                "My shift starts at 18:00 and ends when the last drunk is out, usually around 4 in the morning.");
        assertNotNull(shift.problem("It starts at 18:00."), "clocking off is when it ends");
        assertNull(shift.problem("Around 4 in the morning."));
        AnswerCheck forge = check("What time do you shut up shop?",
                "I close the forge every day at the ninth hour, because the heat in the afternoon would cook a lizard.");
        assertNotNull(forge.problem("Afternoon!"));
        assertNull(forge.problem("At the ninth hour."), "an ordinal hour is a time of day, not a length");
    }

    @Test
    void fresh63to68AnswersTheValueAskedFor() {
        AnswerCheck carpet = check("My tent floor is just bare sand. How much would that run me?",
                "A full tent carpet is 3 gold dinars.", "A large tent carpet takes me fourteen weeks to finish.");
        assertNotNull(carpet.problem("Fourteen weeks."), "how much asks an amount, never a while");
        assertNull(carpet.problem("3 gold dinars."));
        AnswerCheck wool = check("Where do you get your wool from?",
                "I buy my dyed wool from Ahmad the dyer, whose vats are past the southern palm grove.");
        assertNotNull(wool.problem("Past the southern palm grove."), "whom it comes from");
        assertNull(wool.problem("From Ahmad the dyer."));
        AnswerCheck pigeons = check("How many pigeons do you have total lol?",
                "I keep one hundred and twelve birds, though only sixty are trained for long flights.");
        assertNotNull(pigeons.problem("Sixty."), "a 'though' clause counts a part");
        assertNull(pigeons.problem("One hundred and twelve."));
        String mail = "I leave on the mail run every Tuesday before first light and am back by Thursday evening.";
        AnswerCheck out = check("Hey what day do you head out with the post?", mail);
        assertNotNull(out.problem("Thursday evening."), "heading out is leaving");
        assertNull(out.problem("Tuesday."));
        AnswerCheck back = check("When are you back from the mail run?", mail);
        assertNotNull(back.problem("Tuesday."), "back is the end of the trip");
        assertNull(back.problem("Thursday evening."));
        AnswerCheck cumin = check("When does the new shipment of cumin arrive?",
                "Fresh cumin and pepper come in with the Salt Road caravan on the first morning of every new moon.");
        assertNotNull(cumin.problem("Every new moon."), "said whole");
        assertNull(cumin.problem("On the first morning of every new moon."));
        AnswerCheck cistern = check("Is there anywhere else I can get a drink?",
                "If you need water after the gate is shut, the Little Cistern behind the dyers' yard is never locked.");
        assertNotNull(cistern.problem("Behind the dyers' yard."), "the cistern is the place");
        assertNull(cistern.problem("The Little Cistern."));
        AnswerCheck claim = check("Who do I go to if some guy jumps my claim?",
                "Claims disputes go to Magistrate Hollis Dunmore, who holds hearings in the Records Dome every second Tuesday.");
        assertNull(claim.problem("Magistrate Hollis Dunmore."), "a magistrate is someone, not somewhere to go");
        AnswerCheck ice = check("Where do you store all the ice?",
                "We cut ice from the river in the deep of winter, when it runs two feet thick.");
        assertNotNull(ice.problem("In the deep of winter."), "a time, no place");
        AnswerCheck knock = check("What time do y'all knock off cutting for the day?",
                "We saw from first light until the noon gun, then haul blocks until the light goes.");
        assertNull(knock.problem("The noon gun."));
        assertNotNull(knock.problem("Noon."), "the signal is the time");
        AnswerCheck month = check("What time do you start cutting?",
                "The cutting starts when the ice will hold a loaded sled, usually the second week of Frostmonth.");
        assertNotNull(month.problem("Frostmonth."), "what time asks an hour, not a month");
        AnswerCheck island = check("How do I even get out to your island?",
                "Anyone who wants to cross to Furnace Isle must take the ferry from the Glass Steps, beside the Church of Saint Orso.");
        assertNotNull(island.problem("Furnace Isle."), "the island asked about is not the way there");
        assertNull(island.problem("Take the ferry from the Glass Steps."));
        AnswerCheck beds = check("How many beds do you have in the sick room?",
                "I hold sick call in the infirmary every morning at seven bells.", "We have eleven cots.");
        assertNotNull(beds.problem("Seven bells."), "a ship's hour counts nothing");
    }

    @Test
    void fresh69to74AnswersTheValueAskedFor() {
        AnswerCheck wine = check("My uncle wants the strong old stuff for his name day, just a little bottle. How much?",
                "A small gourd of my aged Nine-Flood spirit is 18 copper cash.");
        assertNotNull(wine.problem("It's Nine-Flood."), "the last question asks a price, not the name day's name");
        assertNull(wine.problem("18 copper cash."));
        assertNotNull(wine.problem("18 copper."), "copper cash is the coin");
        AnswerCheck dreams = check("My sister keeps having nightmares and wants someone to tell her what they mean. Who does that here?",
                "If you want your dreams read instead, go to Sister Ammet, who sits by the Well of Frogs at noon.");
        assertNotNull(dreams.problem("The Well of Frogs."), "a well is no one");
        assertNull(dreams.problem("Sister Ammet."), "a title is not the sister the player spoke of");
        AnswerCheck vellum = check("How much for the really good white stuff, the calf one?",
                "The finest calf vellum, white as milk, sells at 1 silver crown for four sheets.");
        assertNotNull(vellum.problem("Four sheets."), "what the crown buys is no price");
        assertNull(vellum.problem("1 silver crown."));
        AnswerCheck show = check("When's the show for the little ones on Sundays?",
                "On Sunday mornings I perform for the camp children in the cookhouse, at 10 sharp.");
        assertNotNull(show.problem("On Sunday mornings."), "the day was asked about: the hour answers");
        assertNull(show.problem("At 10 sharp."));
        AnswerCheck tests = check("When do you do your testing?",
                "I test every new hull on the first Monday of the month, starting at 9 in the morning.");
        assertNotNull(tests.problem("At 9 in the morning."), "which day, not only the hour");
        assertNull(tests.problem("On the first Monday of the month."));
        AnswerCheck fuel = check("Which day do you bring it round to folks?", "Last winter we pulled an old body out of the peat.");
        assertNotNull(fuel.problem("Winter."), "a season is no day");
        AnswerCheck gate = check("What time do you shut the way in for the night?",
                "The gate opens at sunset and I lock it again at the third bell after midnight.");
        assertNotNull(gate.problem("At sunset."), "locking it is shutting");
        AnswerCheck seed = check("How many pots of seed are in there?",
                "I store eleven kinds of seed rice, from the quick Sparrow Grain to the red Dragon's Blood rice.");
        assertNotNull(seed.problem("Eleven."), "how many kinds is another question: no count of pots");
        AnswerCheck fortunes = check("When do you start telling fortunes?",
                "I read only between the first owl call and the hour of the grey mist, never in daylight.");
        assertNull(fortunes.problem("Until the hour of the grey mist."), "a made-up hour is a time");
        AnswerCheck midwife = check("Where do you live, in case my wife's labour starts in the night?",
                "Women near their time should come to me for a check every fifth day.");
        assertNotNull(midwife.problem("At time should come."), "no place");
    }

    @Test
    void fresh75to80AnswersTheValueAskedFor() {
        AnswerCheck seedlings = check("How long do seedlings have to sit in isolation?",
                "Live plants and seeds must be quarantined for 48 hours in the sealed shed beside Dock 4.");
        assertNotNull(seedlings.problem("4."), "the dock's number is no part of 48 hours");
        assertNull(seedlings.problem("48 hours."));
        AnswerCheck stick = check("Yo what's the price on a walking stick?", "A walking stick costs 12 copper rin.");
        assertNotNull(stick.problem("12 copper."), "rin is the coin");
        assertNull(stick.problem("12 copper rin."));
        AnswerCheck quit = check("What time you quit for the night?",
                "I deal from 8 in the evening until the boat's whistle blows at 3 in the morning.");
        assertNotNull(quit.problem("From 8 in the evening."), "quitting is when it ends");
        assertNull(quit.problem("At 3 in the morning."));
        AnswerCheck leave = check("When do we leave in the morning?",
                "I drink at the Smoking Kettle near the stove after 6 in the evening.");
        assertNotNull(leave.problem("After 6 in the evening."), "no morning");
        AnswerCheck clinic = check("Where's the clinic?", "The clinic is on the mezzanine above the boarding hall, next to the chapel.");
        assertNotNull(clinic.problem("The chapel."), "a landmark is how to find it");
        assertNull(clinic.problem("On the mezzanine above the boarding hall."));
        AnswerCheck stairs = check("How many stairs up that tower anyway?", "There are 112 steps up the tower.");
        assertNull(stairs.problem("112 steps."), "steps are what stairs are counted in");
        AnswerCheck stamps = check("How many stamps have you got to print with?",
                "My print shop is the narrow blue door beneath the Crooked Pine Stair, two doors past the tea house.");
        assertNotNull(stamps.problem("Two doors."), "how far along the street counts no stamps");
    }

    @Test
    void fresh81to86AnswersTheValueAskedFor() {
        AnswerCheck ferry = check("When does the ferry leave?", "The ferry leaves at first light.");
        assertNull(ferry.problem("At first light."), "first light is a time");
        assertNotNull(ferry.problem("The ferry."));
        AnswerCheck ring = check("Excuse me, what time do you begin the training in the morning?",
                "Sessions in the ring start at first light and we stop at noon, because the drakes get hot-tempered in the afternoon sun.");
        assertNotNull(ring.problem("At noon."), "stopping is the end");
        assertNull(ring.problem("At first light."));
        AnswerCheck chutes = check("Until what hour can I drop it off today?",
                "The loft opens at dawn and I stop taking chutes at 4 in the afternoon.");
        assertNotNull(chutes.problem("Dawn."), "until what hour asks when it ends");
        assertNull(chutes.problem("4 in the afternoon."));
        AnswerCheck crew = check("What hour do I gotta be up if I'm on your crew?", "My crew has twenty-three drillers.");
        assertNotNull(crew.problem("Twenty-three drillers."), "a count answers no hour, said bare");
        AnswerCheck records = check("Where are the breeding records kept, please?",
                "We have two hundred and six dragons recorded in the books since the ranch was founded.");
        assertNotNull(records.problem("In the books."), "the books are no place");
    }

    @Test
    void fresh87to92AnswersTheValueAskedFor() {
        AnswerCheck lunch = check("I've a long walk ahead of me tomorrow. How much for some food to take along?",
                "A packed lunch for the road, bread, cheese and sausage wrapped in cloth, is 1 Oster crown.",
                "Breakfast is served from 6 in the morning, supper from 7 in the evening.");
        assertNotNull(lunch.problem("7."), "a meal's hour is no price");
        assertNull(lunch.problem("1 Oster crown."));
        AnswerCheck truffles = check("What time do you head out looking for truffles?",
                "The wild truffle beds are richest in the Hollow Reach, three hours' walk beyond the last lamp.",
                "We set out on hunts at the fourth bell, when the deep tunnels are coolest.");
        assertNotNull(truffles.problem("Three hours'."), "a walk's length says no hour");
        assertNull(truffles.problem("At the fourth bell."));
        AnswerCheck fires = check("What time do the fires get started?",
                "We light the smoke-fires at the sixth bell, and the racks turn every two hours until the eleventh bell.");
        assertNotNull(fires.problem("The eleventh bell."), "started asks the start");
        AnswerCheck booth = check("When does your little window open in the morning?",
                "My booth opens at the sixth bell of the morning and the shutter comes down at dusk, no exceptions.");
        assertNotNull(booth.problem("At dusk."), "the shutter comes down at the close");
        assertNull(booth.problem("Sixth bell."));
        AnswerCheck slip = check("Where's the spot they carve up the catch?",
                "The cutting slip is at the north end of the harbour, past the ice house and the Greyfell Company stores.");
        assertNotNull(slip.problem("Past the ice house."), "what it is past is how to find it");
        assertNull(slip.problem("At the north end of the harbour."));
        assertNotNull(slip.problem("At the north end."), "the end of what (session 35: a part of a place is said with it)");
        AnswerCheck note = check("Where could I get it paid out?",
                "If you want a letter of credit honoured, take it to the Halvard Counting House in the lower village, next to the chapel of Saint Orla.");
        assertNotNull(note.problem("Saint Orla."), "a landmark");
        assertNull(note.problem("The Halvard Counting House."));
        assertEquals(QuestionKind.MONEY, QuestionKind.of("My brother needs work. What's the daily wage for cutting fat?"));
    }

    @Test
    void fresh93to98AnswersTheValueAskedFor() {
        AnswerCheck tour = check("What time does the night sky tour head out?",
                "Walks leave from the fountain in Market Square at 9 in the evening, except on full-moon nights.");
        assertNotNull(tour.problem("Nights."), "nights are no hour, and these are the nights without a walk");
        assertNull(tour.problem("At 9 in the evening."));
        AnswerCheck cheaper = check("I'm short on coin this week. Is there ever a time you sell cheaper?",
                "On the last day of each month I sell whatever oil is left at half price from the chapel porch.");
        assertNotNull(cheaper.problem("Half price."), "ever a time asks when");
        assertNull(cheaper.problem("On the last day of each month."));
        AnswerCheck farrier = check("Where's the guy who puts shoes on your mules?",
                "Farrier Joss Whitlow shoes the mules at his forge tent down by the horse lines.");
        assertNotNull(farrier.problem("Farrier Joss Whitlow."), "where he is, not who");
        assertNull(farrier.problem("At his forge tent."));
        AnswerCheck surgeon = check("Who's the head doc who does the cutting?", "Dr. Anselm Quarry is the chief surgeon.");
        assertNull(surgeon.problem("Anselm Quarry."), "a doctor named Quarry is someone");
        AnswerCheck engines = check("How many engines can fit in the shed?",
                "The oldest engine in the shed is the Duchess of Arden, built forty years ago.");
        assertNotNull(engines.problem("Forty years ago."), "an age counts no engines");
        AnswerCheck bees = check("How many bee boxes do you look after?",
                "We keep twenty-six hives on the thyme terraces.",
                "Nobody should walk the terraces in the hot hours between noon and three, when the bees are angriest.");
        assertNotNull(bees.problem("Three."), "between noon and three is an hour");
        assertNull(bees.problem("Twenty-six."));
        AnswerCheck fine = check("How much do they sting you for walking on the rails?",
                "Anyone caught trespassing on the line is fined 5 shillings by the railway police.",
                "My wife sells spare signal-lamp wicks at 2 pence a dozen from our cottage by the cutting.");
        assertNotNull(fine.problem("2 pence."), "the question names no wicks");
        assertNull(fine.problem("5 shillings."));
    }

    @Test
    void fresh99to104AnswersTheValueAskedFor() {
        AnswerCheck coat = check("How many fish hides go into one of those full jackets?",
                "A full fishing coat takes about thirty skins, so I only sew two or three of them each winter.");
        assertNotNull(coat.problem("Two."), "hides are skins: thirty of them");
        assertNull(coat.problem("Thirty."));
        AnswerCheck tanks = check("How many of those big cold tanks have you got out here?",
                "The coldest the tanks ever got was minus 258 degrees, the night the heaters failed.");
        assertNotNull(tanks.problem("There are 258."), "degrees count no tanks");
        AnswerCheck flutes = check("Pardon me, where might I find the place you work?",
                "I burn the finger holes into each flute with a hot iron rod at my workshop beside the Three-Step Falls.");
        assertNotNull(flutes.problem("Three-step!"), "half a name is no place");
        assertNull(flutes.problem("Beside the Three-Step Falls."));
        AnswerCheck water = check("This tastes amazing. Where does your water come from?",
                "Our spring water is carried up each morning from the Stone Well of Nine Dragons, never from the stream.");
        assertNotNull(water.problem("Stone Well."), "the well's name goes on");
        AnswerCheck wood = check("Who gets the wood once you send it downriver?",
                "Every tenth day we float the cut poles down the Jade Run to the lumber yard of Master Qiu Dawei.");
        assertNotNull(wood.problem("The Jade Run."), "a river is no one");
        assertNull(wood.problem("Master Qiu Dawei."));
    }

    @Test
    void fresh111to116AnswersTheValueAskedFor() {
        AnswerCheck riders = check("What time do the kids start riding on race day?",
                "The riders set out at first light on the sixth day of the fair.");
        assertNotNull(riders.problem("Sixth day."), "a day is no time of day, when the fact gives one");
        assertNull(riders.problem("At first light."));
        AnswerCheck lattice = check("Where's your shop at?",
                "My workshop is the open lean-to behind the camel corral, with willow rods soaking in the trough.");
        assertNotNull(lattice.problem("In the trough."), "what the place is like is not where it is");
        assertNull(lattice.problem("Behind the camel corral."));
        AnswerCheck cakes = check("Someone told me you hand out free treats to pilgrims. Which day is that?",
                "On the mountain god's festival, the ninth of the ninth month, I give a free cake to every pilgrim who stops.");
        assertNotNull(cakes.problem("The ninth."), "a day of a month is said with its month");
        assertNull(cakes.problem("The ninth of the ninth month."));
        AnswerCheck wood = check("On which days are we allowed to pick up branches off the ground?",
                "Villagers may gather fallen deadwood on the lower slopes, but only on the first and fifteenth of each month.");
        assertNull(wood.problem("Only on the first and fifteenth of each month."));
        AnswerCheck tar = check("I'm sealing a big warship before we sail. What would a barrel run me?",
                "A full barrel for a longship is 3 ortugs.", "A small crock of pine tar for a rowing boat costs 5 silver pennies.");
        assertNotNull(tar.problem("5 silver pennies."), "a price in the card's own coin, said after 'is'");
        assertNull(tar.problem("3 ortugs."));
        AnswerCheck combs = check("How many of your combs have you got left to sell?",
                "For a plain single-sided comb I ask 3 ortugs.");
        assertNotNull(combs.problem("There are 3."), "a price asked is no count");
        AnswerCheck slip = check("Pardon me, which spot on the mountain road gives you the most trouble with falling earth?",
                "When the rain falls more than four inches in a night, nobody goes on the road until I say so.",
                "The worst slip is at Pagla Jhora, the mad stream, about three miles below Kurseong.");
        assertNotNull(slip.problem("Four inches."), "which spot asks where");
        assertNull(slip.problem("At Pagla Jhora."));
        AnswerCheck court = check("how many ppl get to decide verdicts this yaer?",
                "There are thirty-six judges in the court this year, twelve chosen from each of the three districts.");
        assertNotNull(court.problem("The three districts."), "districts are no people");
        assertNull(court.problem("Thirty-six judges."));
        AnswerCheck sub = check("How many people can you squeeze in that thing?",
                "I've made more than three hundred dives and only lost power once.",
                "My minisub, the Little Pilchard, seats four passengers plus me.");
        assertNotNull(sub.problem("Three hundred."), "dives are no people");
        assertNull(sub.problem("Four passengers."));
        AnswerCheck crew = check("how many guys u got working under you",
                "My crew is twenty-three strong, counting the two cutters.");
        assertNull(crew.problem("Twenty-three strong."), "a count said of no noun may be people");
        AnswerCheck hut = check("how many ppl can sleep at ur place", "I have only six sleeping mats.");
        assertNull(hut.problem("Six sleeping mats."), "a mat each");
    }

    @Test
    void fresh117to122AnswersTheValueAskedFor() {
        AnswerCheck spring = check("how much for a spring for a little music box?", "A small one for a music box is only 3 brass cogs.");
        assertNotNull(spring.problem("For you, 3 brass."), "the card's coin is two words");
        assertNull(spring.problem("For you, 3 brass cogs."));
        AnswerCheck eyes = check("how much r the eyes that open and close",
                "I keep a tray of 200 spare eyes in every color, sorted by size.");
        assertNotNull(eyes.problem("It will be 200 spare."), "a price is asked, not how many");
        AnswerCheck kites = check("when do they judge the painted kites", "The judging of painted kites is held at dusk on its second day.");
        assertNotNull(kites.problem("Second day."), "the hour and its day are one time");
        assertNull(kites.problem("At dusk on its second day."));
        AnswerCheck clouds = check("What time of day do you go down into the clouds?",
                "I never go down on Starday, because that's when the storm-rays feed in the cloud shelf.",
                "I go down just after sunrise, when the cloud shelf is calm.");
        assertNotNull(clouds.problem("On Starday."), "a day is no time of day");
        assertNull(clouds.problem("Just after sunrise."));
        AnswerCheck court = check("how many people sit on the court?",
                "There are thirty-six judges in the court this year, twelve chosen from each of the three districts.");
        assertNotNull(court.problem("Twelve."), "twelve from each district is not how many");
        AnswerCheck tea = check("Just a drink please. How much for a cup of something hot?", "A cup of roasted barley tea is 4 mon.");
        assertNull(tea.problem("4 mon."), "a price in a coin the library does not know is still the price");
        AnswerCheck winder = check("how many of them clockwork guys do u wind every night",
                "Folk who want a private automaton wound at home pay me 4 pins a night.");
        assertNotNull(winder.problem("There are 4."), "what they pay me is a price, no count");
        AnswerCheck gear = check("where do u keep ur gear",
                "My wagon and tools are kept in the tin shed east of the lumber yard, past the Baptist church.");
        assertNotNull(gear.problem("Past the Baptist church."), "a landmark past the place is how to find it");
        assertNull(gear.problem("In the tin shed."));
    }

    @Test
    void fresh123to128AnswersTheValueAskedFor() {
        AnswerCheck showers = check("how many showers yall got", "A shower costs 14 dollars and comes with two towels, a bar of soap.");
        assertNotNull(showers.problem("Two."), "towels are counted, not showers");
        AnswerCheck stalls = check("how many showers yall got", "Number 6 has the best water pressure.",
                "There are eight stalls down the hall past the game room.");
        assertNotNull(stalls.problem("The number is 6!"), "a stall's number is no count");
        assertNull(stalls.problem("Eight stalls."));
        AnswerCheck sand = check("how much sand do you carry each run",
                "My barge, the Salt Heron, carries twelve tons of white sand a trip.", "The furnaces pay 9 silver scudi a ton for the washed sand.");
        assertNotNull(sand.problem("9 silver scudi."), "an amount of sand is asked, not a price");
        assertNull(sand.problem("Twelve tons."));
        AnswerCheck permit = check("how much is the permit to grab a few for my dinner",
                "Each licence allows fifty oysters a week, counted in the shell.", "A season's licence costs 6 copper bits.");
        assertNotNull(permit.problem("Fifty oysters."), "a count of oysters prices no permit");
    }

    @Test
    void fresh129to140AnswersTheValueAskedFor() {
        AnswerCheck who = check("Who takes the broken crates away?", "My nephew Arlo Penn takes the broken crates down to Heron Farm each evening.");
        assertNotNull(who.problem("Heron Farm."), "a farm is where, not who");
        assertNull(who.problem("Arlo Penn."));
        AnswerCheck patch = check("I tore one of the little sail panels. How much to fix just the one?",
                "A patch on one torn sail panel costs 15 chits.", "Canvas comes from the weaver on Loom Street at 60 chits a roll.");
        assertNotNull(patch.problem("60 chits."), "what the NPC pays for canvas prices no repair");
        assertNull(patch.problem("15 chits."));
        AnswerCheck night = check("What time do you lock the doors at night?", "Not opened again until the morning patrol leaves.",
                "The gates are barred at the vesper bell, about 9 in the evening.");
        assertNotNull(night.problem("Morning."), "asked about the night");
        assertNull(night.problem("About 9 in the evening."));
        AnswerCheck hounds = check("how many hounds have you got", "Three more pups are still with their mother in the stall.",
                "We keep twelve dogs in the long kennel behind the chapel.");
        assertNotNull(hounds.problem("Three."), "pups added to the dogs are not how many");
        AnswerCheck owe = check("How many guys owe you right now?", "I only take thirty a month.", "Right now 37 miners owe me money.");
        assertNotNull(owe.problem("Thirty."), "thirty counts no people: the near fact's miners do");
        assertNull(owe.problem("37 miners."));
        AnswerCheck missing = check("How many people still haven't come back up?", "Nine of them are still listed as missing.",
                "There are 87 divers on the register this season.");
        assertNull(missing.problem("Nine."), "'of them' counts the divers the line before names");
        AnswerCheck felling = check("what day do you start cutting trees",
                "We start felling every Tuesday at first light and have the logs stacked by noon on Friday.");
        assertNotNull(felling.problem("On Friday."), "a deadline is not when the work starts");
        assertNull(felling.problem("Every Tuesday."));
        AnswerCheck hauler = check("What's the hourly rate to moor a big hauler?",
                "Mooring is 5 shillings an hour for small boats and 20 shillings an hour for freighters.");
        assertNotNull(hauler.problem("5 shillings."), "the price for small boats is not for a big hauler");
        assertNull(hauler.problem("20 shillings an hour."));
        assertNull(hounds.problem("Twelve dogs."));
    }

    @Test
    void twoNumbersInDigitsSideBySideAreABrokenReply() {
        AnswerCheck wheel = check("How much to fix my cart wheel?",
                "A new coach wheel is 30 shillings.", "Mending a cracked felloe costs 4 shillings.");
        assertNotNull(wheel.problem("4 30 shillings."), "two prices run together");
        // (fixing it is the mending, not a new wheel: since session 37 the check tells them apart)
        assertNull(wheel.problem("4 shillings."));
        assertNotNull(wheel.problem("30 shillings."));
    }

    @Test
    void fresh147to152AnswersTheValueAskedFor() {
        AnswerCheck lift = check("How many guys does it take to lift one of those things?",
                "Each pan I cast weighs nine hundredweight, so it takes twelve men to carry it to the boiling house.");
        assertNotNull(lift.problem("Nine."), "a weight counts no people");
        assertNull(lift.problem("Twelve men."));
        AnswerCheck haul = check("How many people do you need hauling on ropes to bring one of the big ships down?",
                "It takes twelve of us on the lines to walk a big mail ship down to the mast.", "My crew is nineteen hands strong.");
        assertNull(haul.problem("Twelve."), "twelve of us are people");
        assertNotNull(haul.problem("Nineteen."), "the whole crew is not what the job needs");
        AnswerCheck crew = check("How many guys you got hauling for you?",
                "A barrel of molasses weighs near five hundred pounds, so it takes two men and a ramp.",
                "I boss fourteen roustabouts on this landing.");
        assertNull(crew.problem("Fourteen."), "what a job takes is not how many the boss has");
        AnswerCheck mail = check("What time does the mail run to the south head out?",
                "The southern round leaves on the Kestrel Nine at two hours past dawn on Fifthday.");
        assertNotNull(mail.problem("Dawn."), "two hours past dawn is not dawn");
        assertNull(mail.problem("Two hours past dawn."));
        AnswerCheck boat = check("What time does the post boat get through?",
                "The boom gate opens at noon for the lumber rafts and at sundown for the mail boat.");
        assertNotNull(boat.problem("At noon."), "noon is the rafts' time");
        assertNull(boat.problem("At sundown."));
        AnswerCheck bags = check("How many bags did you order this year?",
                "Last winter I went through eleven sacks in fair week alone, so this year I have ordered fourteen.");
        assertNotNull(bags.problem("Eleven."), "last winter's");
        assertNull(bags.problem("Fourteen."));
        AnswerCheck stairs = check("How many stairs to the top?",
                "Every morning at six I climb the 143 steps of the Rathaus tower to wind the great clock, which takes 40 turns of the crank.");
        assertNotNull(stairs.problem("40."), "turns of a crank are no stairs");
        assertNull(stairs.problem("143 steps."));
        assertEquals(QuestionKind.MONEY, QuestionKind.of("I lost the little rad tag off my suit. What's a new one run?"));
        assertEquals(QuestionKind.MONEY, QuestionKind.of("If we walk out, what do I actually get paid each week?"));
        assertEquals(QuestionKind.NONE, QuestionKind.of("What's the next run?"));
        AnswerCheck pie = check("How much for a piece of the extra pies after judging?", "Blue ribbon in pies pays a 5 dollar prize.",
                "Leftover pies are sold on Friday afternoon at 5 cents a slice.");
        assertNotNull(pie.problem("5 dollar."), "a prize is paid to the player, not by them");
        assertNull(pie.problem("5 cents."));
        assertNull(check("How much is the prize for the best pie?", "Blue ribbon in pies pays a 5 dollar prize.",
                "Leftover pies are sold on Friday afternoon at 5 cents a slice.").problem("5 dollar."), "asked for");
        AnswerCheck matinee = check("Is there a daytime show on the weekend, and when does it start?",
                "On Saturday there is a matinee at 3 o'clock for the farm families who can't stay out after dark.");
        assertNotNull(matinee.problem("Saturday."), "the weekend was asked: its hour is the answer");
        assertNull(matinee.problem("At 3 o'clock."));
        AnswerCheck supper = check("What time do they shove supper in?", "Meals are pushed through the pass-hatch at 0700 and 1900.");
        assertNotNull(supper.problem("At 0700."), "supper is in the evening");
        assertNull(supper.problem("At 1900."));
        AnswerCheck box = check("What's one of them surprise boxes cost?",
                "I work the aisles with a tray between the acts: popcorn is 5 cents a bag and a prize box of taffy is 15 cents.");
        assertNotNull(box.problem("5 cents."), "the popcorn's price");
        assertNull(box.problem("15 cents."));
        AnswerCheck kindling = check("How many loads of kindling to get 1 pan going?",
                "I keep six lead pans boiling day and night in the Long Boiling House.",
                "Each pan needs twenty-two bundles of brushwood to bring a full load of brine to the boil.");
        assertNotNull(kindling.problem("Six."), "the pans are what a load is reckoned by");
        assertNull(kindling.problem("Twenty-two bundles."));
        AnswerCheck splints = check("Who sends you the wood sticks?",
                "I get my pine splints from the woodcutter Gideon Marsh in Fernhollow.");
        assertNull(splints.problem("Gideon Marsh."), "a woodcutter is someone, though a marsh is a place");
    }

    @Test
    void fresh159to164AnswersTheValueAskedFor() {
        assertEquals(QuestionKind.TIME, QuestionKind.of("What day does your boss put his name on the exclusive rights?"));
        assertEquals(QuestionKind.NAME, QuestionKind.of("When I get there, who do I ask?"), "a clause, then the question");
        assertEquals(QuestionKind.COUNT, QuestionKind.of("How much of the curdling stuff have you still got in stock?"));
        AnswerCheck buyer = check("When does the buyer from down in the flatlands come by to sample?",
                "Only brine from the salt house at Leuk, three days' walk down the valley, goes on my rinds.");
        assertNotNull(buyer.problem("In three days."), "three days' walk is how far, not when");
        AnswerCheck coal = check("Where do I go to pick up my bunkhouse's ration for the stove?",
                "Each bunkhouse gets two scuttles of coal a day, handed out at the Coal Shed on the east jetty at 7 each morning.");
        assertEquals("At the Coal Shed on the east jetty.", coal.asTheFactSays("The Coal Shed.", 0));
        AnswerCheck cheeses = check("How many cheeses did you make up there this year?",
                "I have spent twenty summers up on the Gemmi Alp with the cows.",
                "I made 142 wheels of hard cheese up at the Gemmi Alp hut this summer.");
        assertNotNull(cheeses.problem("Twenty."), "twenty summers are how long, no count of cheeses");
        assertNull(cheeses.problem("142 wheels."));
    }

    @Test
    void theCheapOneOrTheDearOneIsPricedAsAsked() {
        assertEquals(Grade.LOW, Grade.asked("Long shift. How much for somewhere to kip tonight? Just a basic bed, nothing fancy."));
        assertEquals(Grade.HIGH, Grade.asked("Whats the price on the premium fuel?"));
        assertEquals(Grade.NONE, Grade.asked("Who's the best kite fighter?"), "no price asked");
        assertEquals(QuestionKind.MONEY, QuestionKind.of("How much for somewhere to kip tonight?"), "a bed's price, not where");
        AnswerCheck bricks = check("What do the cheap wonky bricks cost?",
                "First-quality facing bricks cost 3 silver crowns the thousand.",
                "A thousand seconds sell for 18 copper marks at the yard gate.");
        assertNull(bricks.problem("18 copper marks."));
        assertNotNull(bricks.problem("3 silver crowns."), "the first-quality bricks are the dear ones");
        AnswerCheck cot = check("How much for a bed? Just a basic one, nothing fancy.",
                "A private room with a lock and a basin is 10 depot marks.", "A cot for the night is 3 depot marks.");
        assertNull(cot.problem("3 depot marks."), "the cheaper of two prices in one coin");
        AnswerCheck fuel = check("What's the price on the good fuel?",
                "Standard heavy diesel goes for 4 depot marks a barrel.",
                "The clean blend for the turret generators is 7 depot marks a barrel.");
        assertNull(fuel.problem("7 depot marks."));
    }

    @Test
    void fresh165to170SayCoinsWholeAndPlacesWithWhereTheyStand() {
        assertNull(check("How much for one bunch of rice shoots?", "A bundle of forty seedlings costs 2 copper sen.")
                .problem("2 copper sen."));
        assertNotNull(check("What do u want for one stick of that grilled fish?", "A skewer of grilled loach is 5 copper sen.")
                .problem("5 copper."), "a coin cut short is another coin");
        assertNotNull(check("Price for a new reed?", "Replacement reeds cost 7 shillings and sixpence each.")
                .problem("7 shillings."));
        assertNotNull(check("How much for a whole barrel of the good lamp oil?",
                "A full cask of refined colza oil costs 3 pounds 10 shillings, paid before it leaves the vault.")
                .problem("10 shillings."), "3 pounds 10 shillings is one price");
        assertNull(check("How much would it cost me to send a short wire to my sister?",
                "A telegram costs 6 pence for the first twelve words and a halfpenny for each word after that.")
                .problem("6 pence."), "each word after that is no person");
        AnswerCheck loft = check("Where's your workshop exactly?",
                "I work on the veranda of the old net loft, two houses down from the headman's stilt house.");
        assertEquals("On the veranda of the old net loft.", loft.asTheFactSays("Veranda.", 0));
        AnswerCheck stall = check("Where would I find your stand?",
                "You will find my stall in the lean-to beside the village well, under the big breadfruit tree.");
        assertEquals("In the lean-to beside the village well, under the big breadfruit tree.",
                stall.asTheFactSays("Under the big breadfruit tree.", 0));
        AnswerCheck optics = check("Where's your workshop?",
                "The optics room sits at the top of the north stair, above the chart office, where the light is clean.");
        assertEquals("At the top of the north stair, above the chart office.", optics.asTheFactSays("The top.", 1));
    }

    @Test
    void fresh171to176SayTimesAndCoinsWhole() {
        assertNotNull(check("How much for a whole new sail?", "A full new sail for a knarr costs 3 marks of silver.")
                .problem("3 marks."), "marks of silver, not of anything");
        assertNull(check("When does the westbound bus come through?",
                "The bus stops outside the diner at 2:40 in the afternoon, heading west.").problem("At 2:40 in the afternoon."));
        assertNotNull(check("When does the westbound bus come through?",
                "The bus stops outside the diner at 2:40 in the afternoon, heading west.").problem("2:40."), "could be at night");
        AnswerCheck home = check("When are you heading home?",
                "I leave for home the morning after the autumn thing-meeting, before the mountain passes fill with snow.");
        assertNotNull(home.problem("The morning."), "which morning");
        assertNull(home.problem("The morning after the autumn thing-meeting."));
        AnswerCheck exams = check("What day do the big tests begin?",
                "The examinations are held in the Old Schools, beginning on the Monday after Ash Wednesday.");
        assertNotNull(exams.problem("Wednesday."));
        assertNull(exams.problem("On the Monday after Ash Wednesday."));
        assertNull(check("What day do you head out?", "I head out every Tuesday before first light.").problem("Tuesday."));
        assertEquals(Grade.LOW, Grade.asked("how much r the wonky bottles"));
    }

    @Test
    void aShipsNameIsNotWhereItLies() {
        AnswerCheck ship = check("I've got cargo to load. Where's your ship tied up?",
                "My ship, the Storm-Goose, lies at the north end of the jetty, beside the tar barrels.");
        assertNotNull(ship.problem("The Storm-Goose."), "the ship asked about, by its name");
        assertNull(ship.problem("At the north end of the jetty."));
        assertNotNull(ship.problem("The north end."), "the end of what");
    }

    @Test
    void fresh177to182TellTheThingAskedFromItsOpposite() {
        AnswerCheck singer = check("What does a grown man get paid a week to sing in the group?",
                "Grown men in the chorus get 3 lire.", "A boy with a clean treble voice can earn 1 lira a week singing with us.");
        assertNull(singer.problem("3 lire."));
        assertNotNull(singer.problem("1 lira."), "a boy's pay, though his line says week and singing");
        AnswerCheck proofs = check("I wrote a little poem in our everyday language, not Latin. What would you charge to check each page?",
                "For private clients I correct Latin at 10 soldi a sheet and the vulgar tongue at 6 soldi a sheet.");
        assertNull(proofs.problem("6 soldi."));
        assertNotNull(proofs.problem("10 soldi."), "not Latin");
        assertNull(check("When will they let us out of here?",
                "When the storm ends I ring three long strokes, which means the great doors will open at the next sunrise.")
                .problem("At the next sunrise."));
        AnswerCheck vault = check("Where do you keep the cinnamon and stuff?",
                "The dry vault for cinnamon and mace lies at the far end of the east wing, down the steps behind the brass-bound door.");
        assertEquals("At the far end of the east wing, down the steps behind the brass-bound door.",
                vault.asTheFactSays("At the far end of the east wing.", 0));
        AnswerCheck tasting = check("Where will you be sampling them?",
                "Judging happens on the Tasting Dais at the north end of Cap Market, under the big glowstone chandelier.");
        assertEquals("On the Tasting Dais at the north end of Cap Market, under the big glowstone chandelier.",
                tasting.asTheFactSays("It's at Cap Market.", 0));
        assertEquals(List.of("little room", "box office", "impresario's counting room"), Mentions.locations(
                "My copying desk is in the little room over the box office, next to the impresario's counting room."));
    }

    @Test
    void fresh183to188NotTheFancyKindAndTheFirstDayOfAMonth() {
        assertEquals(Grade.LOW, Grade.asked("Whats a bag of the rough cheap salt go for, not the fancy coast kind?"));
        AnswerCheck wood = check("What day is the wood given out to everyone?",
                "The wood is shared out at the driftwood cairn at noon on the first day of Gormonth.");
        assertNotNull(wood.problem("Gormonth."), "a month is not the day");
        assertNull(wood.problem("The first day of Gormonth."));
    }

    @Test
    void aTimeIsSaidWithTheDayAndThePartItIsCountedIn() {
        // "What's the latest…?" was answered "Saturday." from "by sunset on Holy Saturday"; "sixth hour" left out the night
        saysOnly("I'm away for the feast. What's the latest I can collect my order?", "By sunset on Holy Saturday.",
                "Saturday.", "Orders must be collected by sunset on Holy Saturday, or they go to someone else.");
        saysOnly("When does the vigil start?", "At the third hour of the night.", "The third hour.",
                "The vigil begins at the third hour of the night in the old chapel.");
        saysOnly("When's the boat launched?", "At sunrise on the fifth day of the dry month.", "Sunrise.",
                "The new boat goes into the sea at sunrise on the fifth day of the dry month.");
        saysOnly("On which evenings do you teach?", "Every third evening.", "Sunset.",
                "I teach the star paths on the headland every third evening after sunset.");
    }

    @Test
    void howLongTillAPlaceShutsIsAnsweredByWhenItShuts() {
        saysOnly("how long til u shut for the nite?", "At 9 in the evening.", "Four days.",
                "I shut the stall at 9 in the evening.", "A new coat takes me four days.");
        saysOnly("How long until a young hawk learns the glove?", "About six weeks.", "Thursday.",
                "Training a hawk to the glove takes about six weeks.", "I fly the birds every Thursday.");
    }

    @Test
    void aPlaceIsSaidWithWhatTellsItApart() {
        saysOnly("where do the rope makers meet?", "In the long house with the red door.", "In the long house.",
                "The rope makers meet in the long house with the red door every morning.");
        saysOnly("where do you get your stone?", "At Tor Hala ridge.", "Tor Hala.",
                "The slate for my roofs is cut at Tor Hala ridge, a day's walk east.");
        saysOnly("where's ur shop", "Above the bakery of Anna the Greek.", "Anna.",
                "My shop is on the top floor above the bakery of Anna the Greek.");
    }

    @Test
    void thePriceOfAThingIsNotThePriceOfEachOneMore() {
        saysOnly("how much to send a letter by pigeon?", "2 silver for the first page.", "6 copper.",
                "A pigeon letter costs 2 silver for the first page and 6 copper for every page after.");
        assertNull(check("how much for each extra page?",
                "A pigeon letter costs 2 silver for the first page and 6 copper for every page after.").problem("6 copper."));
    }

    @Test
    void numberedDaysWatchesAndTheEndOfOpeningHoursAreTimes() {
        saysOnly("when do the crates land??", "On sol 140.", "Sol.",
                "The supply pods come down on the morning of sol 140, just after sunrise.");
        saysOnly("what time do they let us in on exam day??", "At the fifth watch.", "Night.",
                "The gates open at the fifth watch, and the desks serve as beds by night.");
        saysOnly("how late u open tonight", "Until the third watch.", "The hour of the ox.",
                "We are open from the hour of the ox until the third watch of night.");
        saysOnly("when do the loaders get paid?", "The last Ironday of every month.", "Ironday.",
                "Payday for the loaders is the last Ironday of every month.");
    }

    @Test
    void oneNameIsSaidWithItsTitleAndAPartIsAskedAsAPart() {
        saysOnly("who buys ur old books", "Madam Wu.", "Wu.", "Madam Wu, the bookseller by the gate, buys my old books.");
        saysOnly("How many of the hives have the mites got to?", "Eleven of them.", "Forty.",
                "There are forty hives on the slope, and the mites have already got into eleven of them.");
        saysOnly("How many hives do you keep?", "Forty.", "Eleven.",
                "There are forty hives on the slope, and the mites have already got into eleven of them.");
    }

    @Test
    void whatAQuestionOpensWithSaysWhatItAsks() {
        // "When's the meeting where…" asks when; "Where do they take kids who get lost?" asks where
        saysOnly("When's the meeting where you tell the families what's going on?", "At 7 in the evening.", "The Lantern Room.",
                "I give a family briefing in the Lantern Room every day at 7 in the evening.");
        saysOnly("Where do they take kids who get lost?", "To the kitchen door on Tallow Row.", "Sister Ilse.",
                "Lost children are brought to the kitchen door on Tallow Row, where my sister Ilse feeds them.");
    }

    @Test
    void theStartAndTheWholeOfOpeningHours() {
        // "fire up" says no opening, "until" says the close: the other time is the start
        saysOnly("what time do you start cooking in the morning?", "At 11 in the morning.", "2 in the morning.",
                "I fire up the broth at 11 in the morning and keep serving until 2 in the morning.");
        saysOnly("when is the doctor around to see sick folks", "From eight until noon.", "Noon.",
                "The doctor sees the sick from eight until noon on weekdays.");
        saysOnly("What time should I show up for work?", "Before the first bell at half past five.", "The first bell.",
                "If you want work, be at the gangplank before the first bell at half past five.");
    }

    @Test
    void coinsOfEveryKindAndTheSmallerCoinLeftUnsaid() {
        saysOnly("how much for a box of cigars", "2 pesos 50.", "2 pesos.", "A box of twenty-five cigars is 2 pesos 50.");
        AnswerCheck count = check("how many stems make a full load?",
                "The company pays growers 40 centavos for each first-grade stem.", "A full load is 300 stems.");
        assertNotNull(count.problem("40."), "40 centavos is a price, no count");
    }

    @Test
    void theHalfAskedIsReadFromTheAskingSentenceAndSetUpOpensPackUpCloses() {
        saysOnly("I came late and the lofts were shut. What time do you open up?", "At first light.", "At sunset.",
                "The doors are locked at sunset and opened at first light.");
        saysOnly("when do you close up your stand", "When the noon bell rings.", "At dawn.",
                "I set up at dawn and pack up when the noon bell rings.");
        saysOnly("what time r the study nights", "From the ninth bell until midnight.", "Midnight.",
                "I hold cramming sessions in the back room every night from the ninth bell until midnight.");
    }

    @Test
    void aNameBeforeAWordOfPlaceIsAPlace() {
        saysOnly("Who do you sell the good stuff to?", "Vincent Moretti.", "The Blue Heron.",
                "Everything good goes to my buyer, Vincent Moretti, who owns the Blue Heron club on Water Street.");
        saysOnly("where do u tie up the boat", "At the old Pickett boathouse.", "Pickett.",
                "I tie up at the old Pickett boathouse below the lumber mill around 2 in the morning.");
    }

    @Test
    void aDayIsSaidWithItsHourAndOneOfAPeopleIsNoName() {
        AnswerCheck sermon = check("Pardon me, when does the preacher give his sermon?",
                "Reverend Amos Thwaite preaches every Sunday at three in the afternoon, on the towpath if it is dry.");
        assertEquals("Every Sunday at three in the afternoon.", sermon.asTheFactSays("Every Sunday.", 0));
        saysOnly("Who is in charge of the sick bay?", "Doctor Claudius Hermes.", "A Greek.",
                "The chief surgeon is Doctor Claudius Hermes, a Greek who trained in Alexandria.");
        // "At what hour…" asks when, though "patients who…" says who
        saysOnly("At what hour do you see patients who are feeling poorly?", "At seven.", "Boil.",
                "I hold sick call every morning at seven.");
        saysOnly("whats the least i can wager", "10 credits.", "Half past 10.",
                "The smallest bet on the main event is 10 credits.", "Betting closes at half past 10 tonight.");
    }

    @Test
    void oneCoinSaidWithItsArticleIsAPrice() {
        saysOnly("how much for a bed", "A shilling.", "Ninepence.",
                "A bed for the night costs a shilling, and a hot dinner of mince and tatties is ninepence.");
    }

    @Test
    void piecesOfAThingAreCountedPiecesOfSilverPaid() {
        saysOnly("How many pieces of glass make up the big light?", "312 separate prisms.", "30 silver crowns.",
                "The Great Lens is built from 312 separate prisms.", "Each prism costs the cooperative 30 silver crowns.");
        // "built from 312": three digits are no hour
        saysOnly("How many prisms make up the lamp?", "312 separate prisms.", "The lamp room.",
                "The Great Lens up in the lamp room is built from 312 separate prisms.");
        saysOnly("how many pieces of silver for the sword?", "12 pieces of silver.", "Three.",
                "Mending a sword costs 12 pieces of silver and takes three days.");
    }

    @Test
    void fresh225to230ReadTheThingTheTimeAndTheNameWhole() {
        // "a full waterskin" is the water bag asked about; "watering a whole camel" shares only "water"
        saysOnly("how much to fill up my water bag?", "2 copper fals.", "1 silver rial.",
                "A full waterskin from my well costs 2 copper fals.", "Watering a whole camel is 1 silver rial.");
        // an hour said alone after "around", in a clause about opening
        saysOnly("Came by friday morning and u were shut. what time do you open on fridays?", "Around eleven.",
                "Thursday nights.", "I open late on Fridays, around eleven, because I grind the big lenses on Thursday nights.");
        AnswerCheck glow = check("what time is the water supposed to glow the most?",
                "The water is at its brightest at the moon's zenith, a little before midnight.");
        assertNull(glow.problem("A little before midnight."));
        assertNotNull(glow.problem("Midnight."), "a little before it is not at midnight");
        // green wood is not the dry firewood asked for
        saysOnly("Need dry firewood for the winter. Price per cord?", "18 dollars.", "10 dollars.",
                "Green wood goes for 10 dollars a cord.", "A cord of seasoned spruce is 18 dollars.");
        // a family particle inside a name after a title: one name, not "Lady Fatima" and "Rumi"
        saysOnly("who decides were everybody sits at the feast", "Lady Fatima al-Rumi.", "Rumi.",
                "The bride's mother, Lady Fatima al-Rumi, decides the seating, so flatter her if you want a good place.");
        // "we have about nine" counts, it is no hour
        assertTrue(check("What time do you open?", "We have about nine, because the rest died.").unanswered()
                || check("What time do you open?", "We have about nine, because the rest died.").problem("Nine.") != null);
    }

    @Test
    void fresh231to236AFeastTheRunOfACopyAndWhomToTry() {
        saysOnly("if i order a book now when can i pick it up??", "On the feast of Saint Verin.", "Saint Verin.",
                "Orders placed this week will be ready on the feast of Saint Verin, the last day of the pilgrimage.");
        // "what does <a thing> run?" asks its price
        saysOnly("My skipper wants a record of our lap splits for the appeal. What does an official copy run?", "12 ring marks.",
                "Nine seasons.", "A certified copy of a boat's lap times costs 12 ring marks from my clerk.",
                "The course record belongs to Captain Oriane Valcourt, who set it nine seasons ago.");
        // "where can I get…" is answered by whom the NPC sends the player to
        saysOnly("Where can I get straw for my horses to sleep on?", "For bedding, try Goodwife Maud Perrin.", "Hay.",
                "If you need straw for bedding rather than hay, try Goodwife Maud Perrin, who has a stack by the chapel.");
        // sharpening is mending, not a new knife (the new one's price comes first in the line)
        saysOnly("how much to sharpen my knife", "1 krone.", "4 kroner.",
                "A new flensing knife from my stores costs 4 kroner, but I'll sharpen your old one for 1 krone.");
    }

    @Test
    void fresh237to242HoursBetweenADayCountedAndSomewherePriced() {
        // "what hours" asks both ends of "between 9 in the morning and 3 in the afternoon"
        saysOnly("what hours can u do the sun signals", "Between 9 in the morning and 3 in the afternoon.",
                "3 in the afternoon.", "Signalling only works between 9 in the morning and 3 in the afternoon, when the sun is high enough.");
        // which day: "the fourth day" is one, counted in days
        saysOnly("I'm short on coin and need a warm cloak. On which day do furs usually get cheaper here?", "On the fourth day.",
                "The Ash Ridge clan.", "Hunters of the Ash Ridge clan bring their furs on the fourth day of the moot, so prices drop after that.");
        // "somewhere cheap to crash" is what "how much" prices
        saysOnly("need somewhere cheap to crash tonight, how much is it up there?", "3 tin pennies.", "The chapel's pilgrim loft.",
                "Travellers who need a bed can sleep in the chapel's pilgrim loft for 3 tin pennies a night, blankets included.");
        // "Tank 7" names a tank, it counts none
        assertNotNull(check("how many water tanks does this thing have",
                "We are holding a list to port because Tank 7 has a sticking valve.").problem("Seven."));
        // "Only Mrs." is no name of its own
        saysOnly("Who else gets to look at your records?", "Mrs. Beatrix Thorne.", "Mrs.",
                "Only Mrs. Beatrix Thorne, the company agent, is allowed to read my ledger.");
    }

    @Test
    void fresh243to248AnOrdinalPlaceATimeCalledHowOftenAndHowFar() {
        saysOnly("Where exactly is your workroom?", "On the fourth landing.", "The tower.",
                "My studio is on the fourth landing of the tower, just below the bell loft.");
        // "four or five times in a night" counts no drinks
        saysOnly("how many drinks fit in that bag on ur back", "Forty cups.", "Four.",
                "My goatskin holds forty cups, so I go back to the well four or five times in a night.");
        // "four days east of here" is how far, not when
        AnswerCheck shipment = check("when is the next shipment of cocoon cloth arriving from the east?",
                "The raw cocoons come from the villages of the Green Valley, four days east of here by caravan.");
        assertNotNull(shipment.problem("In four days."));
        assertNull(check("How far is the Green Valley?",
                "The raw cocoons come from the villages of the Green Valley, four days east of here by caravan.").problem("Four days."));
    }

    @Test
    void fresh255to260HalfACoinAnHourCountedTwiceADayAndSentToAPlace() {
        saysOnly("Im starving. whats a bowl of that soup cost?", "Half a penny.", "A farthing.",
                "A bowl of pease pottage with bread costs half a penny.", "A heel of yesterday's bread is a farthing.");
        AnswerCheck pay = check("When do we get our pay?",
                "Wages are paid out every Saturday at the ninth hour, at the trestle table by the lodge door.");
        assertEquals("Every Saturday at the ninth hour.", pay.asTheFactSays("Every Saturday.", 0));
        saysOnly("what time do the new work lists get put up?", "At 05:30 and again at 17:30.", "The shafts.",
                "New rosters go up at 05:30 and again at 17:30, unless the alert shuts the shafts.");
        saysOnly("where are the extra people sleeping then", "In the chapel hall.", "The alert.",
                "Overflow sleepers are being sent to the chapel hall behind the water tower.");
    }

    @Test
    void aPossessiveNameIsWhoseNotTheAnswerCutOff() {
        // "Mr Albert Quayle's farm": who brings the eggs is Mr Albert Quayle; "Mr Albert Quayle's." breaks off his farm
        saysOnly("Who brings you your eggs?", "Mr Albert Quayle.", "Mr Albert Quayle's.",
                "The eggs come from Mr Albert Quayle's farm down on the Saltings road.");
        assertNull(check("Who brings you your eggs?", "The eggs come from Mr Albert Quayle's farm down on the Saltings road.")
                .problem("From Mr Albert Quayle's farm."));
        // a shop called by its owner's name is said so: "At Maggie's." stays
        assertNull(check("Where do you eat?", "I eat at Maggie's every night.").problem("At Maggie's."));
        assertNull(check("Where do you eat?", "I eat at Maggie's.").problem("At Maggie's."));
    }

    @Test
    void anOpeningTimeDoesNotSayWhenItShuts() {
        // "close up for the night" found "We open at half past six…" first (it shares "night"): the other fact says it
        AnswerCheck close = check("Excuse me, what time do you close up for the night?",
                "We open at half past six in the morning for the night watch coming off.",
                "I shut the hatch at nine in the evening sharp.");
        assertNotNull(close.problem("Half past six in the morning."));
        assertNull(close.problem("Nine in the evening sharp."));
        saysOnly("What time do you shut?", "At the eighteenth chime.", "The sixth chime.",
                "The gate desk opens at the sixth chime of station morning and closes at the eighteenth chime.");
        // the nearest word of a half says which a time is: "lock" after "open" makes 4 the closing
        saysOnly("What time do you shut for the day?", "At 4 in the afternoon.", "At 8 in the morning.",
                "I open at 8 in the morning and lock the strongbox at 4 in the afternoon, no exceptions.");
        saysOnly("when do they lock the entrance at night?", "At moonrise.", "At first light.",
                "The Skull Gate opens at first light and is barred again at moonrise; nobody enters after that.");
    }

    @Test
    void eachHourOfAListKeepsItsPartOfTheDay() {
        // "at eight in the morning, two in the afternoon and ten at night" was read "eight in the morning two"
        AnswerCheck bags = check("What time do you head off in the afternoon?",
                "I take the sealed canvas bags off the headland three times a day, at eight in the morning, "
                        + "two in the afternoon and ten at night.");
        assertNull(bags.problem("Two in the afternoon."));
        assertNotNull(bags.problem("Ten at night."), "the afternoon was asked");
        assertNotNull(bags.problem("There are two in the afternoon!"), "a time said as a count");
    }

    @Test
    void aPriceInOldPenceAnswersHowMuch() {
        saysOnly("How much for a cup of tea?", "1d.", "2d.", "A mug of tea is 1d and a rock bun is 2d.");
    }

    @Test
    void aNumberedPlaceCountsNothing() {
        // "how many water tanks" was answered "214." of "he sleeps in cabin 214"
        saysOnly("How many water tanks does this thing have?", "Sixteen.", "214.",
                "The pump mechanic is Oskar Lindqvist, and he sleeps in cabin 214 when he isn't cursing at Tank 7.",
                "There are sixteen ballast tanks spread between them.");
    }

    @Test
    void aPriceIsSaidWithWhatItIsFor() {
        // "It costs 1 dollar." to shipping a man's gear: a dollar a pound, which the fact says
        AnswerCheck freight = check("What's it cost to ship my gear to the diggings?",
                "Hauling freight up to the creeks costs 1 dollar a pound once the trail sets.");
        assertEquals("1 dollar a pound.", freight.asTheFactSays("1 dollar.", 0));
        AnswerCheck water = check("What would it cost to fill up for the trip?",
                "Filling a caravan's water skins for the desert road costs 2 silver dirhams per camel.");
        assertEquals("2 silver dirhams per camel.", water.asTheFactSays("2 silver dirhams.", 1));
        // a price for the thing itself stays as it is
        assertEquals("3 silver.", check("How much is a jug?", "A glazed jug costs 3 silver.").asTheFactSays("3 silver.", 0));
    }

    @Test
    void aTimeNamedByItsSignalOrOccasionIsSaidWhole() {
        saysOnly("Till what time are you seeing patients today?", "Until the evening gong.", "The evening.",
                "I see the sick from sunrise until the evening gong, except on shrine days.");
        saysOnly("When is the big iron burn happening?", "On the night of the first frost moon.", "At night.",
                "The big smelt this autumn is set for the night of the first frost moon.");
    }

    @Test
    void aQuestionInsideAStatementIsAQuestion() {
        assertTrue(QuestionKind.isQuestion("My wife wants to know which days you bring the barge down so she can get wood."));
        assertTrue(QuestionKind.isQuestion("wool skein red how much"));
        assertFalse(QuestionKind.isQuestion("I know where the ford is."), "a statement");
        saysOnly("My wife wants to know which days you bring the barge down so she can get wood.", "Tuesday and Thursday.",
                "Around noon.", "I bring the scow down every Tuesday and Thursday around noon.");
    }

    @Test
    void theThingAskedAboutIsNotWhereItIs() {
        saysOnly("Where's your wagon?", "Under the three alders.", "In a wagon painted green.",
                "I keep my remedies in a wagon painted green, parked under the three alders at the meadow's east edge.");
        // which office says where it is
        assertNull(check("Where's your office?", "I work in the little back office with the shuttered window, behind the operator's desk.")
                .problem("In the little back office with the shuttered window."));
    }

    @Test
    void theCheapestIsTheLowerPriceThoughAWordLeadsToTheOther() {
        // "crabbing" led to the half about the crabs, "the good stuff" at 5; the cheapest is the fish heads' 2
        saysOnly("I'm new to crabbing and short on coin. What does your cheapest bait cost?", "2 copper cash.", "5 copper cash.",
                "Salted fish heads are 2 copper cash a bucket.",
                "The good stuff, rotten eel guts, is 5 copper cash a bucket because the crabs go mad for it.");
    }

    @Test
    void whenTheNextOneIsIsNotHowOftenAndHowOftenIsNotWhen() {
        saysOnly("When's the next time you check the mud?", "At 10 at night.", "Every four hours.",
                "We test the mud every four hours.", "the next full check is at 10 at night.");
        saysOnly("How often do you fire the thing up?", "Every third night.", "Until the next midday.",
                "It has to burn until the next midday to turn the shells white.", "The kiln is lit every third night.");
    }

    @Test
    void aTimeSaidHowOftenTakesNoIn() {
        AnswerCheck boat = check("which day does the dutch boat with the cloth come in",
                "Fresh canvas arrives with the Dutch trader Vrouw Anna, which puts in every second Thursday.");
        assertNotNull(boat.problem("In every second Thursday."));
        assertNotNull(boat.problem("It's in every second Thursday."));
        assertNull(boat.problem("Every second Thursday."));
        assertNull(boat.problem("She puts in every second Thursday."), "the trader's own 'puts in'");
    }

    @Test
    void aCountOfPeopleIsNoHourAndAnswersHowManyFellows() {
        // "by eight men" read as "by eight (o'clock)" left the hearths the only count
        saysOnly("Pardon me, how many fellows does it take to work that huge hammer?", "Eight men.", "Six hearths.",
                "The anchor forge stands by the Gun Wharf at the east end of the yard, with six hearths and a great tilt "
                        + "hammer swung by eight men.");
        assertNull(check("When do you close?", "I close by eight most nights.").problem("By eight."));
    }

    @Test
    void theBellThatRingsAnHourIsATime() {
        // "vesper bell" was no time: "when's supper?" took "compline" from the gate's half of the line
        saysOnly("when's supper?", "At the vesper bell.", "At compline.",
                "Supper is served at the ringing of the vesper bell.", "The gate is barred at compline, so come back before that.");
    }

    @Test
    void openingBackUpIsOpening() {
        // (typed "wat time do u open back up in the mornin": PlayerText and Typos put right the spelling before the check)
        saysOnly("what time do u open back up in the morning", "Half past 4.", "2 in the morning.",
                "I close up at 2 in the morning and open again at half past 4 for the last-minute panics.");
    }

    @Test
    void aCountOfPassengersIsNoPriceAndGoingForIsOne() {
        // "licensed for 22 passengers" was read as 22 of a coin of the card's own
        assertNull(check("How many people can your boat carry?", "My boat, the Miss Coquina, is licensed for 22 passengers.")
                .problem("22 passengers."));
        // "go for 2 bits" was no price, so the plantain's dogs answered for the yams
        saysOnly("how much for your yams?", "2 bits a dozen.", "3 dogs.",
                "My yams go for 2 bits a dozen.", "A full hand of ripe plantain costs 3 dogs.");
    }

    @Test
    void aQuarterToMidnightIsATimeOfItsOwn() {
        // "Midnight." passed for "I lock the door at a quarter to midnight." (only hours in numbers took "quarter to")
        saysOnly("what time do you shut this door?", "A quarter to midnight.", "Midnight.",
                "I lock the door at a quarter to midnight.");
        assertNull(check("When's lunch?", "Lunch is at half past noon.").problem("Half past noon."));
    }

    @Test
    void ofValuesInTwoPartsOfALineThePartThatSaysWhatIsAskedAnswers() {
        // "Fourteen." passed: each count's words ran on to the line's end, the commas dropped before they were read
        saysOnly("how many rooms are we supposed to clean each shift now?", "22 suites.", "Fourteen.",
                "During the eclipse rush each housekeeping team has to turn over 22 suites per shift, up from the usual fourteen.");
    }

    @Test
    void aTimetableClockAndAPriceInPoundsAndShillingsAreSaidWhole() {
        saysOnly("when does the first train go down in the morning", "At 7.40.", "Saturdays.",
                "The first passenger train leaves for the harbour at 7.40 in the morning.",
                "On Saturdays an extra market train runs at half past noon so the women can get down to Porth Dinas market.");
        saysOnly("What's your price per thousand?", "£6 10s.", "£6.",
                "A thousand best Duchess slates sell at the quay for £6 10s.");
    }

    @Test
    void visitingHoursAreNoLengthOfTimeAndARateIsNoHour() {
        // "What hours can I go down?" took "Eleven years." from "I have turned the keys … for eleven years"
        assertNotNull(check("What hours can I go down to the cells?",
                "I have turned the keys under Hallam Castle for eleven years.").problem("Eleven years."));
        // "until what hour…?" took "Not until 7 mil." from "bought this week at 7 mil-réis per kilo"
        assertNotNull(check("until what hour are you taking rubber today?",
                "Fine hard rubber is bought this week at 7 mil-réis per kilo.").problem("Not until 7."));
    }

    @Test
    void aPlaceIsSaidWithItsNumberAndThePartOfWhatItIsThePartOf() {
        // "Deck." and "Mouth." passed for "on Deck 2 behind…" and "at the mouth of the river the whalers call…"
        saysOnly("where exactly is the big freezer?", "On Deck 2.", "Deck.",
                "The walk-in freezer sits on Deck 2 behind the desalination plant.");
        saysOnly("Where are your people camped?", "At the mouth of the river.", "The mouth.",
                "Our camp is at the mouth of the river the whalers call Ibai Zuria, west of the harbour.");
    }

    @Test
    void howLongAThingLastsIsNoPriceAndACountSetAsideIsNoAnswer() {
        // "Twenty winters." answered the price of a sharpening stone: "bought … is good for twenty winters" was a price
        saysOnly("price of a small sharpening stone i can hang off my belt?", "1 silver penny.", "Twenty winters.",
                "A big bench whetstone costs 5 silver pennies.",
                "A hone stone bought from me is good for twenty winters if you keep it wet.",
                "A long pocket hone with a hole for a cord costs 1 silver penny.");
        saysOnly("besides horses, how many other beasts have you got in the string?", "Six mules.", "Nineteen.",
                "I run nineteen horses and six mules, all of them shod for the trail.");
    }

    @Test
    void ofTwoPeopleTheOneDescribedAsAskedAnswers() {
        saysOnly("who was the human that made the peace deal with your lot?", "Reeve Aldous Crane.", "Warchief Skorg Bloodmane.",
                "The truce-oath was sworn by Warchief Skorg Bloodmane and the human Reeve Aldous Crane seven winters ago.");
        saysOnly("Who is it that writes down what you discover when you examine someone?", "Elias Pym.", "Master Nathaniel Crowe.",
                "Master Nathaniel Crowe, the witchfinder, sends for me when he wants a woman looked at; his clerk Elias Pym "
                        + "writes down whatever I find.");
    }

    @Test
    void aPriceIsShownWithTheRateTheFactGivesIt() {
        // "It costs 40 cents." was shown for freight at "40 cents a pound": a pack of gear for 40 cents misleads
        AnswerCheck freight = check("what do you charge to pack my gear up to Grand Forks?",
                "Freight to Grand Forks costs 40 cents a pound.");
        assertEquals("It costs 40 cents a pound.", freight.asTheFactSays("It costs 40 cents.", 0));
        assertEquals("I charge 40 cents a pound.", freight.asTheFactSays("I charge 40 cents a pound.", 0));
        assertEquals("It costs 12 gold.", check("How much to repair my sword?", "Repairing a sword costs 12 gold.")
                .asTheFactSays("It costs 12 gold.", 0), "no rate, nothing added");
    }

    @Test
    void whatACoinIsWorthPricesNothingElse() {
        // every NPC of the shipped world answered "How much for a room?" with "Twenty silver marks."
        AnswerCheck room = check("How much for a room?", "One gold crown is worth twenty silver marks.");
        assertNotNull(room.problem("Twenty silver marks."));
        assertNull(check("How many silver marks for a gold crown?", "One gold crown is worth twenty silver marks.")
                .problem("Twenty silver marks."));
    }

    @Test
    void aPlaceNamedInsideAnotherPlacesNameIsNoCrash() {
        // held-out SGD threw StringIndexOutOfBoundsException: "Bay City" was looked for after "Hotel Bay City" and found
        // inside it (a hotel named for its town, read as a place once "is a hotel" said so)
        assertNull(check("Where is the hotel?", "The Hotel Bay City is a hotel in Bay City.").problem("In Bay City."));
    }

    @Test
    void aDateAClockOfFourFiguresAndAPriceOfTwoCoinsAnswerWhole() {
        // read from a fresh round after a later build ran it: each of these passed a wrong or partial reply
        AnswerCheck stamp = check("which day do u put the fancy once-a-year postmark on covers",
                "I cancel covers with the special Midwinter hand stamp only once a year, on 22 June.");
        assertNotNull(stamp.problem("Midwinter."), "the stamp's name is no day where the fact dates it");
        assertNull(stamp.problem("On 22 June."));
        AnswerCheck window = check("when do you start cashing people out on payday?",
                "The exchange window opens at 0600 on payday Fridays and shuts when the drawer hits zero, usually around 1400.");
        assertNotNull(window.problem("Fridays."), "payday was asked about: its hour is the answer");
        assertNull(window.problem("At 0600."));
        assertNull(check("When's the market?", "The big market is held on market Saturdays at noon.").problem("Saturdays."),
                "the thing asked about is no day asked");
        AnswerCheck herring = check("what would a bale of that dried fish fertilizer cost me right now?",
                "A straw bale of dried herring cake fetches 1 yen 80 sen while the Osaka ships are in.");
        assertNotNull(herring.problem("1 yen."), "one price of two coins");
        assertNull(herring.problem("1 yen 80 sen."));
        AnswerCheck dues = check("How much do members have to pay each month, comrade?",
                "Party dues are 2 roubles 40 kopecks a month, collected by me on the first day of each month.");
        assertNotNull(dues.problem("40 kopecks a month."));
        assertNull(dues.problem("2 roubles 40 kopecks a month."));
    }

    @Test
    void untilWhenIsTheEndOfARangeSaidAsWhatHappensThen() {
        String frying = "I fry from the dawn call until the lamps are lit.";
        AnswerCheck until = check("Until what time are you cooking tonight?", frying);
        assertNotNull(until.problem("The dawn call."), "that is when the frying starts");
        assertNull(until.problem("Until the lamps are lit."));
        assertNull(check("When do you start frying?", frying).problem("The dawn call."));
        assertNull(check("When are you open?", "I stay open until the last boat comes in.").problem("Until the last boat comes in."));
        AnswerCheck quit = check("What time you quit for the night?",
                "I deal from 8 in the evening until the boat's whistle blows at 3 in the morning.");
        assertNull(quit.problem("At 3 in the morning."), "the hour of the event is the answer");
        AnswerCheck feast = check("how late r u open the night before the big feast",
                "On the night before the Igue feast I stay open until the second cockcrow.");
        assertNotNull(feast.problem("Cockcrow."), "the second one");
        assertNull(feast.problem("Until the second cockcrow."));
        assertNotNull(check("which day does the guy who sells u the nuts come up", "I light the coals an hour before "
                + "dawn and roast until the sixth bell of evening, or until the nuts run out.").problem("The nuts run out."),
                "what happens then is no day");
    }

    @Test
    void whoIsThePersonAndHowManyIsTheWhole() {
        AnswerCheck buyer = check("who'll take my gold off my hands for cash?",
                "The gold buyer is Isaak Fridman of Soyuzzoloto, who sits in the plank office by the landing on Tuesdays.");
        assertNotNull(buyer.problem("Soyuzzoloto."), "the firm he buys for is no person");
        assertNull(buyer.problem("Isaak Fridman."));
        String order = "For the Procurator's supper barge we made forty-two pieces: goblets, ewers and two salt cellars.";
        assertNotNull(check("how many things did u make?", order).problem("Two."), "a part of the list the colon opens");
        assertNull(check("how many salt cellars did u make?", order).problem("Two."), "unless that part is asked");
        String finds = "So far this season we've brought up 23 pieces worth keeping, out of more than two hundred hauls.";
        assertNotNull(check("how many good finds youve pulled up this yaer?", finds).problem("Two hundred."),
                "the hauls are what the finds were taken out of");
        assertNull(check("how many good finds youve pulled up this yaer?", finds).problem("23."));
        assertNull(check("how many hauls did you make?", finds).problem("Two hundred."));
        // "Kim Man." passed for "Kim Man-sik": a given name of two syllables is read whole
        AnswerCheck son = check("Who's in charge of the fellows pulling roots out of your fields?",
                "My eldest son Kim Man-sik leads the digging crew.");
        assertNotNull(son.problem("Kim Man."));
        assertNull(son.problem("Kim Man-sik."));
        AnswerCheck auction = check("When does the egg bidding begin?",
                "The egg auction opens at the noon bell on the fourth day of hatching week and runs until the last lot is done.");
        assertNull(auction.problem("At the noon bell."), "the hour said with its day answers when as the day does");
        AnswerCheck heap = check("Where do all the smashed shells get dumped?",
                "Every broken shell is carried off to the great shell heap south of the city wall, by the Gate of the Potters.");
        assertNotNull(heap.problem("At south of the city wall."), "no one is at a direction");
        assertNull(heap.problem("South of the city wall."));
    }

    @Test
    void theHalfOfTheDayAskedAndTheSignalThatMarksIt() {
        String gate = "The gate shuts at the midnight bell and doesn't open again until dawn, no matter who knocks.";
        AnswerCheck lock = check("what time do u lock up for the nite?", gate);
        assertNotNull(lock.problem("Not until dawn."), "'doesn't open again until dawn' says when it opens");
        assertNull(lock.problem("At the midnight bell."));
        assertNull(check("when does the gate open?", gate).problem("Not until dawn."));
        AnswerCheck box = check("when do you open up in the morning",
                "I open when the first caravan bell sounds at the gate and close my box at the afternoon prayer.");
        assertNotNull(box.problem("The afternoon prayer."), "the closing, not the opening");
        assertNull(box.problem("When the first caravan bell sounds."));
        AnswerCheck newts = check("When do you give the little lizards their meal?",
                "I feed the newts crushed beetles at noon every day of the market, and people gather to watch the sparks.");
        assertNull(newts.problem("At noon."), "the hour said before its day answers when");
        // the best says only when it ends; a near fact says when it starts
        for (String asked : List.of("what time do you start up in the mornings?", "what time do you start up?")) {
            AnswerCheck brazier = check(asked, "I pack up at dusk.",
                    "I light my brazier an hour before dawn, when the first sledges come over the ice.");
            assertNotNull(brazier.problem("Dusk."), asked);
            assertNull(brazier.problem("An hour before dawn."), asked);
        }
    }

    @Test
    void aPersonIsNoAnimalAndGoldDustIsNoCoin() {
        String mare = "My little mare Zorka is the quickest on the river, and she has never once gone through the ice.";
        String warden = "Danila Kolyvanov, the city's ice warden, marks the safe track with spruce branches.";
        AnswerCheck who = check("Who decides which parts of the frozen river are safe to cross?", mare, warden);
        assertNotNull(who.problem("Zorka."), "a mare decides nothing");
        assertNull(who.problem("Danila Kolyvanov."));
        assertNull(check("what's your horse called?", mare).problem("Zorka."), "unless the animal is asked about");
        assertEquals(QuestionKind.NAME, QuestionKind.of("Does anyone else in your family do this kind of work?"));
        assertEquals(QuestionKind.NAME, QuestionKind.of("Is there anyone who could come and bless my room?"));
        assertEquals(QuestionKind.COUNT, QuestionKind.of(PlayerText.asWritten("how mnay of the sparky ones did u bring")));
        AnswerCheck plume = check("how much for one of those long green tail feathers?",
                "A single long green quetzal tail plume costs 4 quills of gold dust.");
        assertNotNull(plume.problem("4 quills of gold."), "gold dust, not gold");
        assertNull(plume.problem("4 quills of gold dust."));
    }

    @Test
    void timesAndMeasuresSaidWhole() {
        AnswerCheck scraper = check("what time do you start work in the morning",
                "I start scraping at 6 in the morning and stop when the light fails, which in late October is barely past 3 in the afternoon.");
        assertNotNull(scraper.problem("Past 3 in the afternoon."), "'the light fails' lights nothing: it is when work stops");
        assertNull(scraper.problem("At 6 in the morning."));
        assertNotNull(check("when do you light the lamps?", "I light the lamps at dusk and put them out at dawn.").problem("Dawn."));
        AnswerCheck diver = check("How high up is the thing you jump from?",
                "I climb an eighty-foot ladder and dive into a tank of water just five feet deep.");
        assertNotNull(diver.problem("Five feet."), "how deep the tank is, not how high the ladder");
        assertNull(diver.problem("An eighty-foot ladder."), "'an' before eighty is English");
        assertNotNull(diver.problem("A eighty-foot ladder."));
        assertNotNull(check("when do you head out after the whales", "The flukes of the first whale go to the families at "
                + "the camp at Tuapait, two days by sledge across the sound.").problem("Two days."), "how far, not when");
        assertNotNull(check("which day does the ice climb trip go out",
                "The hut stays open until the end of April and sleeps 100.").problem("April."), "a month is no day");
        AnswerCheck trip = check("how far is it there and back to the spring lol", "The round trip from the spring to the tea market is eighteen li.");
        assertNotNull(trip.problem("Eighteen."), "eighteen li, a Chinese mile each");
        assertNull(trip.problem("Eighteen li."));
        AnswerCheck deck = check("cheapest spot on board to Muscat, how much?", "Deck passage to Muscat costs 6 Maria Theresa dollars.");
        assertNotNull(deck.problem("6 maria."), "the coin is named whole");
        assertNull(deck.problem("6 Maria Theresa dollars."));
        assertNotNull(check("Who goes round selling it?", "The big festival pot costs 2 Maria Theresa dollars.")
                .problem("Ask Maria Theresa."), "a coin's queen sells nothing");
        AnswerCheck kava = check("When do you get the welcome drink going?",
                "The root is pounded at sunset and the drink is served after the evening chant, once the torches are lit.");
        assertNotNull(kava.problem("After the evening."), "the evening chant");
        assertNull(kava.problem("After the evening chant."));
        assertNotNull(check("when do you open the gate thing to let the little fish in",
                "The sluice grate is opened at high tide so the young fish can swim in.").problem("The sluice grate."));
        AnswerCheck brig = check("when does ur ship head back to america", "The brig sails for Salem once her hold is full, "
                + "which the captain reckons will be the first week of March.");
        assertNotNull(brig.problem("First week."));
        assertNull(brig.problem("The first week of March."));
    }

    @Test
    void whoAndWhereAsAPlayerMeansThem() {
        AnswerCheck duty = check("until what time r u on duty", "I keep the watch from dawn until 2 in the afternoon.");
        assertNotNull(duty.problem("To confirmation you want me to watch?"), "a question opened by 'until' is a question");
        assertNull(duty.problem("Until 2 in the afternoon."));
        AnswerCheck welder = check("what time do you open in the morning",
                "I open at 05:00 for the early shift and close when the last welder from the late shift goes home, around 01:00.");
        assertNotNull(welder.problem("Around 01:00."), "'from the late shift' starts no time");
        assertNull(welder.problem("At 05:00."));
        AnswerCheck pumps = check("what do your dancing shoes cost?",
                "A pair of dancing pumps from Goldblatt's on Chicago Avenue cost me 4 dollars.");
        assertNotNull(pumps.problem("I charge 4 dollars."), "what the NPC paid, not what it charges");
        assertNull(pumps.problem("They cost me 4 dollars."));
        AnswerCheck feds = check("where do u feds hang ur hats", "The Prohibition Bureau's Chicago office is on the sixth floor "
                + "of the Transportation Building on Dearborn Street.");
        assertNotNull(feds.problem("The Prohibition Bureau's Chicago office."), "what is found, not where it is");
        assertNull(feds.problem("The Transportation Building."));
        AnswerCheck papers = check("who brings the newspapers up", "The papers on the reading table, the Carnarvon and "
                + "Denbigh Herald among them, are brought up from the station by Tomos Jenkins the newsagent.");
        assertNotNull(papers.problem("The Carnarvon and Denbigh Herald."), "a newspaper brings nothing");
        assertNull(papers.problem("Tomos Jenkins."));
        AnswerCheck records = check("who can find his name in the records?",
                "My deacon, Sister Yara Mbeki, keeps the Book of Lost Crews and can look up any name in it.");
        assertNotNull(records.problem("The Book of Lost Crews."));
        assertNull(records.problem("Sister Yara Mbeki."));
        assertNotNull(check("how many ingots have you pulled up?", "On a wreck I take one part in five of whatever comes up.")
                .problem("I have five."), "a share counts no ingots");
        AnswerCheck home = check("when do u guys have to sail home?",
                "Our boats must start home before the first frosts, by the end of September at the latest.");
        assertNotNull(home.problem("September."), "the end of it");
        assertNull(home.problem("By the end of September."));
        AnswerCheck tube = check("What would a broken one cost me?", "A new lamp tube costs 30 ration marks from stores.",
                "A cracked tube goes for 3 ration marks.");
        assertNotNull(tube.problem("30 ration marks."), "a new one is not a broken one");
        assertNull(tube.problem("3 ration marks."));
        AnswerCheck inn = check("How much is it just to sleep?", "A night at the Kikyo-ya with supper and breakfast is 200 mon.");
        assertNotNull(inn.problem("I have 200 mon."), "what the NPC holds, not what a night costs");
        assertNull(inn.problem("It's 200 mon."));
    }

    @Test
    void aPlaceWithNoNameIsNotGluedToWordsNoFactPutsBesideIt() {
        AnswerCheck carver = check("where do you sit and do your carving?", "I work at a bench in the back corner of the "
                + "blubber store, beside the little window that looks out over the flensing beach.");
        assertNotNull(carver.problem("I love bench."), "the player's 'I'd love to watch', glued to the bench");
        assertNull(carver.problem("At a bench."));
        assertNull(carver.problem("In the back corner of the blubber store."));
        AnswerCheck boy = check("Where do you actually sleep in this place, lad?",
                "I sleep in a box bed under the back stair, beside the lamp room where I trim the wicks.");
        assertNotNull(boy.problem("Box bed room."), "two places made one");
        assertNull(boy.problem("In a box bed under the back stair."));
        assertNull(check("where's the mill?", "The old mill stands by Kettle Ford.").problem("By Kettle Ford, friend."),
                "a named place goes with any word");
        assertNotNull(carver.problem("İİİ love bench"), "a reply whose lower case is longer is read, not thrown on");
    }
}
