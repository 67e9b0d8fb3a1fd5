package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which words of a line are proper names, the things a reply may not invent. */
class MentionsTest {
    private static List<String> names(String text) {
        return Mentions.names(text).stream().map(Mentions.Name::surface).toList();
    }

    @Test
    void oneWholeSpanIsAQuantityWhereItSaysHowLong() {
        Mentions.Quantity mead = Mentions.quantities("Mead takes a year to age.").get(0);
        assertEquals("a year", mead.surface());
        assertEquals("time", mead.kind());
        assertEquals("an hour", Mentions.quantities("The crossing takes an hour.").get(0).surface());
        assertEquals(List.of(), Mentions.quantities("I open once a week."), "a rate, not a length of time");
        assertEquals(List.of(), Mentions.quantities("Bread is what I bake a day."));
    }

    @Test
    void aChimeCountedLikeABellIsATime() {
        List<Mentions.Quantity> chimes = Mentions.quantities("The desk opens at the sixth chime and closes at the eighteenth chime.");
        assertEquals(List.of("sixth chime", "eighteenth chime"), chimes.stream().map(Mentions.Quantity::surface).toList());
        assertEquals("18", chimes.get(1).value());
        assertEquals("time", chimes.get(1).kind());
        assertTrue(Mentions.isOrdinal("the seventeenth"));
    }

    @Test
    void penceWrittenShortAreMoney() {
        List<Mentions.Quantity> tea = Mentions.quantities("A mug of tea is 1d and a rock bun is 2d.");
        assertEquals(List.of("1d", "2d"), tea.stream().map(Mentions.Quantity::surface).toList());
        assertEquals("penny", tea.get(0).unit());
        assertEquals(null, Mentions.quantities("Room 4D is upstairs.").get(0).unit(), "a room's letter is no coin");
        assertEquals("reale", Mentions.quantities("Hammocks I sew for 3 reales apiece.").get(0).unit(), "Spanish reales");
        assertEquals(null, Mentions.quantities("I have 3 real friends.").get(0).unit());
    }

    @Test
    void aPlaceEndsAtTheWordThatSaysWhereItStands() {
        // "in the lean-to against the old cloister wall" was "lean-to against"
        assertEquals(List.of("lean-to", "old cloister wall", "well"),
                Mentions.locations("My glass workshop is in the lean-to against the old cloister wall, near the well."));
        // a place named by a number first; a number after a place is no part of it
        assertEquals(List.of("three alders"), Mentions.locations("The wagon is parked under the three alders."));
        assertEquals(List.of("river"), Mentions.locations("I have lived on this river thirty years."));
        assertEquals(List.of(), Mentions.locations("We sell in the two weeks before Yule."), "a time, no place");
    }

    @Test
    void theMiddleIsAPlaceOnlyOfSomething() {
        assertEquals(List.of("shop"), Mentions.locations("A kraak dish with a deer painted in the middle fetches 3 guilders in my shop."),
                "the deer is in the middle of the dish, the dish in the shop");
        assertEquals(List.of("middle of the market square"), Mentions.locations("The well stands in the middle of the market square."));
    }

    @Test
    void aNumberedPlaceIsAPlace() {
        assertEquals(List.of("dock 7"), Mentions.locations("The shuttle to Mars leaves from dock 7."));
        assertEquals(List.of("bunk 12"), Mentions.locations("The new hand sleeps in the bunk 12 this week."));
        assertEquals(List.of(), Mentions.locations("The caravan arrives in 3 days."), "a span is no place");
        assertEquals(List.of("locker c"), Mentions.locations("The oxygen masks are stored in locker C."), "a place by its letter");
        assertEquals(List.of("saturday market"), Mentions.locations("Beeswax candles are sold at the Saturday market."),
                "a day's name in a place is no name of its own");
        assertEquals(List.of("north of the harbour mouth"), Mentions.locations("The Needle Rocks lie north of the harbour mouth."));
        assertEquals(List.of(), Mentions.locations("It opens at hour 9."), "nor an hour");
    }

    @Test
    void aNumberAfterAPriceIsMoneyInWhateverCoinTheCardNames() {
        Mentions.Quantity berth = Mentions.quantities("A berth costs 12 zorkmids to Port Saffron.").get(0);
        assertEquals("12 zorkmids", berth.surface());
        assertEquals("money", berth.kind());
        Mentions.Quantity fee = Mentions.quantities("The toll is paid in full: it costs only three bits a head.").get(0);
        assertEquals("three bits", fee.surface());
        assertEquals("money", fee.kind());
        assertEquals("money", Mentions.quantities("A berth is 12 doubloons.").get(0).kind(), "a coin by its name");
        // Without a price said, a number counts things: "12 sailors" is a crew.
        assertEquals("number", Mentions.quantities("The crew numbers 12 sailors.").get(0).kind());
        assertEquals("3", Mentions.quantities("A room costs 3 a night.").get(0).surface(), "a night is no coin");
        // a coin in two words: "3 bottle." was said for "3 bottle caps"
        assertEquals("3 bottle caps", Mentions.quantities("A canteen of filtered water costs 3 bottle caps.").get(0).surface());
        assertEquals("25 brass cogs", Mentions.quantities("A seat to Ironspire costs 25 brass cogs.").get(0).surface(),
                "'brass' ends in s and is no plural ('25 brass.' passed)");
        // "for" and a word no dictionary has: the card's own coin, with no price verb before it
        Mentions.Quantity ride = Mentions.quantities("A single traveler may ride with our convoy for 5 taels.").get(0);
        assertEquals("5 taels", ride.surface());
        assertEquals("money", ride.kind());
        assertEquals("number", Mentions.quantities("A table for 4 guests.").get(0).kind(), "guests are counted");
        // what a verb of trade takes straight is the goods ("I charge 20 pairs." passed for the price of boots)
        assertEquals("number", Mentions.quantities("I sell 20 pairs every ship day.").get(0).kind());
        assertEquals("number", Mentions.quantities("I have sold 63 ropes since the camp moved.").get(0).kind());
        assertEquals("money", Mentions.quantities("Sealskin boots sell for 5 made beaver.").get(0).kind(), "after 'for'");
        // a measure paid in goods is said with them ("It costs 3 ells." said nothing of what the cloth is)
        assertEquals("3 ells of wadmal", Mentions.quantities("A blessed candle costs 3 ells of wadmal.").get(0).surface());
        assertEquals("5 ounces of hack-silver", Mentions.quantities("For a pair of tusks I pay 5 ounces of hack-silver.")
                .get(0).surface());
        assertEquals("5 crowns", Mentions.quantities("It costs 5 crowns of which 2 go to the guild.").get(0).surface());
        // the smaller coin left unsaid, in words too ("Two dollars." was said of "two dollars fifty")
        assertEquals(List.of("two dollars fifty"), surfaces("Supper costs two dollars fifty."));
        assertEquals(List.of("a dollar eighty"), surfaces("It costs a dollar eighty."));
        // gold as games write it ("There are 120." passed for "A rainbow trout goes for 120g.")
        assertEquals(List.of("120g:money"), Mentions.quantities("A rainbow trout goes for 120g.").stream()
                .map(x -> x.surface() + ":" + x.kind()).toList());
        assertEquals("number", Mentions.quantities("An hour in the 2-g chamber.").get(0).kind());
        assertEquals(List.of("12 silver crowns", "3 gold pieces", "three silver crowns"), Mentions.quantities( // digits first
                "Resoling costs three silver crowns; boots cost 12 silver crowns and laces 3 gold pieces.").stream()
                .map(Mentions.Quantity::surface).toList());
    }

    @Test
    void aCapitalMidSentenceMarksANameEvenOnACommonWord() {
        assertEquals(List.of("Old Tusk", "Mossy Ford"), names("The great boar called Old Tusk was seen near Mossy Ford."));
        assertEquals(List.of("Widow"), names("The guild is run by a woman called the Widow."));
    }

    @Test
    void theFirstWordOfASentenceIsANameOnlyIfItIsNoCommonWord() {
        assertEquals(List.of("Hattie Moss"), names("Engineer Hattie Moss drives the train."));
        assertEquals(List.of(), names("The ferry leaves at dawn. Ask me later."));
        assertEquals(List.of("Pim"), names("Pim sharpens knives."));
        assertEquals(List.of("Fifth Avenue"), names("Three days from here, on Fifth Avenue."));
        // half of a compound word: "Who looks after the medbay?" was answered "Cryo."
        assertEquals(List.of(), names("Cryo-sleep sickness usually wears off after two days."));
        // a dictionary word named by a trade is a name: "Who would know what's going on downtown?" missed Benny
        assertEquals(List.of("Benny", "Fifth Street"), names("Benny the newsboy on Fifth Street sees everything."));
        assertEquals(List.of(), names("Watch the road."));
    }

    @Test
    void aShortTitleIsNoNameOfItsOwn() {
        // (and "Cybernetic", an English word opening the sentence, is no name either: WordNet knows it)
        assertEquals(List.of("Amara Kwan"), names("Cybernetic limb fitting is done by Dr. Amara Kwan, not by me."));
        assertEquals(List.of(), names("Freight is weighed at the tin-roofed warehouse."));
        assertEquals(List.of("Hetty"), names("Hetty bakes bread."));
    }

    @Test
    void ofJoinsTheWordsOfOneName() {
        assertEquals(List.of("Guild of Whispers"), names("I answer to the Guild of Whispers."));
        assertEquals(List.of("Agnes Thorne", "Brightwater"), names("It was made by Agnes Thorne of Brightwater."));
        assertEquals(List.of("Mira"), names("Ask Mira of the sharp tongue."));
    }

    @Test
    void namesAreSpeltAsTheSourcesSpellThem() {
        assertEquals("Go to Mossy Ford, ask Agnes Thorne.", Mentions.namesAsIn("Go to mossy ford, ask Agnes thorne.",
                List.of("The boar is near Mossy Ford.", "My lute was made by Agnes Thorne.")));
        // a number is spelt as the fact spells it, and is no name mid-sentence: fresh set 14 read "It is Forty three."
        List<String> graves = List.of("Forty-three graves were dug last winter.");
        assertEquals("It is forty-three.", Mentions.commonWordsAsIn("It is Forty three.", graves));
        assertEquals("Forty-three graves.", Mentions.commonWordsAsIn("Forty three graves.", graves));
    }

    @Test
    void aValueCopiedWithACapitalIsWrittenAsTheSourceWritesIt() {
        List<String> facts = List.of("The office closes at five in the evening.", "The lamp is lit before dusk.",
                "Ask Dusk Warden Pell.");
        assertEquals("That's five.", Mentions.commonWordsAsIn("That's Five.", facts));
        assertEquals("Five. At five.", Mentions.commonWordsAsIn("Five. At Five.", facts), "a sentence still opens with a capital");
        assertEquals("You want Tamsin.", Mentions.commonWordsAsIn("You want Tamsin.", facts), "a name stays a name");
        assertEquals("It's dusk.", Mentions.commonWordsAsIn("It's Dusk.", facts));
    }

    @Test
    void aNumberAfterACommonWordIsPartOfAPlaceName() {
        assertEquals(List.of("Neon Koi", "Sector 12"), names("I meet clients at the Neon Koi in Sector 12."));
        assertEquals(List.of("Pim"), names("I pay Pim 12 silver."));
        assertEquals(List.of(), InventedFacts.invented("Sector 12, back booth.", List.of("Meet me in Sector 12.")));
    }

    @Test
    void aNameIsAPlaceAfterInOrNearOrWithAPlaceWordAndAWeekdayIsATime() {
        List<Mentions.Name> names = Mentions.names(
                "Agnes Thorne of Brightwater saw Old Tusk near Mossy Ford on Tuesdays; she lives on Ledger Street.");
        assertEquals(List.of("Agnes Thorne:other", "Brightwater:place", "Old Tusk:other", "Mossy Ford:place",
                "Tuesdays:time", "Ledger Street:place"), names.stream().map(n -> n.surface() + ":" + n.kind()).toList());
        // a ship one is aboard is no one to ask for: "Who patches folk up aboard here?" was answered "The Salt Widow."
        assertEquals(List.of("Salt Widow:place"), Mentions.names("There are forty-two souls aboard the Salt Widow.").stream()
                .map(n -> n.surface() + ":" + n.kind()).toList());
        // where one flies over or travels to ("Who keeps us pointed the right way?" was answered "Ironspire.")
        assertEquals(List.of("Barley Moor:place", "Thursday:time"), Mentions.names("I fly the birds over Barley Moor every Thursday.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList());
        assertEquals(List.of("Copper Swallow:place", "Ironspire:place"), Mentions.names(
                "A seat on the Copper Swallow to Ironspire costs 25 brass cogs.").stream().map(n -> n.surface() + ":" + n.kind()).toList());
        assertEquals(List.of("Vell:place", "Marta:other"), Mentions.names("The road to Vell is long; I sold my cart to Marta.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList(), "given to someone: no place");
    }

    @Test
    void placesWithNoNameAreTheWordsAfterAPrepositionOfPlace() {
        assertEquals(List.of("torture chamber"), Mentions.locations("I left the holy water in the torture chamber."));
        assertEquals(List.of("shrine of sretniy"), Mentions.locations("You can find the bows in the shrine of sretniy."));
        assertEquals(List.of(), Mentions.locations("The bounty on the outlaw Dutch Harlan is 500 dollars."),
                "a name is read as a name, not as a place");
        assertEquals(List.of("old well", "mill"), Mentions.locations("The key is under the old well, behind the mill."));
        assertEquals(List.of("cellar"), Mentions.locations("The wine stays in the cellar until dawn."));
        assertEquals(List.of(), Mentions.locations("Repairing a sword costs 12 silver."));
        // a storey counted in digits, as "the third floor" is: "Where is the bar on the roof?" got the breakfast room
        assertEquals(List.of("22nd floor"), Mentions.locations("The rooftop bar, Altitude, is on the 22nd floor."));
    }

    @Test
    void aShareOfASpanIsATime() {
        List<Mentions.Quantity> q = Mentions.quantities("The crossing takes a quarter of an hour, or half a day in a flood.");
        assertEquals(List.of("quarter of an hour:time", "half a day:time"), q.stream().map(x -> x.surface() + ":" + x.kind()).toList());
    }

    @Test
    void aClockTimeSaidInWordsIsATime() {
        assertEquals(List.of("7:30", "12:45", "4:15"), Mentions.quantities(
                "We cast off at half past seven, the mail at a quarter to one, the tram at quarter after 4.").stream()
                .map(Mentions.Quantity::value).toList(), "the hour is no number of its own");
    }

    @Test
    void aWordThatQualifiesTheSubjectIsNoName() {
        assertEquals(List.of(), Mentions.names("Beeswax candles are 1 silver for a bundle of six."));
        assertEquals(List.of("Corlo"), Mentions.names("Corlo helps me smoke the hives.").stream().map(Mentions.Name::surface).toList());
        assertEquals(List.of("Hetty"), Mentions.names("Hetty bakes bread.").stream().map(Mentions.Name::surface).toList());
    }

    @Test
    void aCoinStruckOfAMetalIsSaidWithItsName() {
        assertEquals(List.of("1 copper cog"), surfaces("Relighting a lantern costs 1 copper cog, or free for widows."));
        assertEquals(List.of("3 copper cogs"), surfaces("A canister of lamp oil costs 3 copper cogs."));
        assertEquals(List.of("2 silver reales"), surfaces("Water is 2 silver reales per barrel."));
        assertEquals(List.of("5 gold"), surfaces("I want 5 gold deposit."), "a singular word after five is no coin");
        assertEquals(List.of("1 gold"), surfaces("Bread is 1 gold each."));
        assertEquals(List.of("40 pennies"), surfaces("Replacement mainsprings are 40 pennies each."));
    }

    private static List<String> surfaces(String text) {
        return Mentions.quantities(text).stream().map(Mentions.Quantity::surface).toList();
    }

    @Test
    void whomAThingIsBoughtFromIsNoPlace() {
        Mentions.Name reyes = Mentions.names("Dog feed is bought from Tomas Reyes, the rat farmer at the Sump Market.").get(0);
        assertEquals("Tomas Reyes", reyes.surface());
        assertEquals(Mentions.Name.OTHER, reyes.kind());
        assertEquals(Mentions.Name.OTHER, Mentions.names("Odile buys her vellum from Henrik Dusselmoor, a tanner.").get(1).kind());
        assertEquals(Mentions.Name.PLACE, Mentions.names("Fresh limes arrive from Isla Verde every new moon.").get(0).kind());
    }

    @Test
    void aNameIsNamedWithoutWhatDescribesItsBearer() {
        assertEquals(List.of("Bertram Hollins"), Mentions.names("Ask Old Bertram Hollins.").stream().map(Mentions.Name::surface).toList());
        assertEquals(List.of("Old Mill"), Mentions.names("Meet me at the Old Mill.").stream().map(Mentions.Name::surface).toList(),
                "a place of common words keeps them all");
        assertEquals(List.of("Old Copra Warehouse:place"), Mentions.names("My rope shed stands behind the Old Copra Warehouse, next to the broken canoe.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList(), "a warehouse is a place, its epithet kept");
        assertEquals(List.of("Vessick:place"), Mentions.names("Lodging is in Old Vessick.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList(), "where it stands is read before the epithet");
        assertEquals(List.of("Cool Belly:place"), Mentions.names("When the gong sounds, travelers shelter in the vaulted cistern called the Cool Belly.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList(), "a place named after what it is");
        assertEquals(List.of("Old Tannery:place", "Soot Lane:place"), Mentions.names("The oil depot is behind the Old Tannery on Soot Lane.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList(), "no one is 'the Old' someone: a building keeps its name");
        assertEquals(List.of("Ruben Shoal:other"), Mentions.names("My foreman, Ruben Shoal, teaches riding lessons.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList(), "a foreman is a person, whatever his surname");
        assertEquals(List.of("Tarring Shoal:place"), Mentions.names("The Tarring Shoal stands clear of the water.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList());
    }

    @Test
    void aDayOfAMadeUpWeekIsATime() {
        assertEquals(Mentions.Name.TIME, Mentions.names("The shop is closed every Moonday for dipping.").get(0).kind());
    }

    @Test
    void aDayOfAMadeUpMonthIsATimeAndSecondsAreALengthOfTime() {
        assertEquals(Mentions.Name.TIME, Mentions.names("The harvest feast begins on the first Starday of Frostfall.").get(0).kind());
        assertEquals(List.of("40 seconds"), surfaces("The short fuse burns for 40 seconds."));
        assertEquals(List.of(), surfaces("Back in a second."));
    }

    @Test
    void aCoinNamedAfterAWordOfTheCardsIsSaidWhole() {
        assertEquals(List.of("12 sand scrip"), surfaces("A seat on the crawler costs 12 sand scrip per head."));
        assertEquals(List.of("4 hack-silver rings"), surfaces("A carved charm costs 4 hack-silver rings."));
    }

    @Test
    void aNameHoldsItsSmallWords() {
        assertEquals(List.of("Yusuf al-Rami"), Mentions.names("I buy my saffron from Yusuf al-Rami.").stream()
                .map(Mentions.Name::surface).toList());
        assertEquals(List.of("Ines da Costa"), Mentions.names("The ferry is run by Ines da Costa.").stream()
                .map(Mentions.Name::surface).toList());
    }

    @Test
    void aPlaceKeepsTheWordsItIsNamedWith() {
        assertEquals(List.of("Lucky Horseshoe Saloon"),
                Mentions.names("Meet me behind the Lucky Horseshoe Saloon.").stream().map(Mentions.Name::surface).toList());
        assertEquals(List.of(Mentions.Name.PLACE), Mentions.names("Barges wait below Millrace Lock.").stream()
                .filter(n -> n.surface().equals("Millrace Lock")).map(Mentions.Name::kind).toList());
    }

    @Test
    void piecesOfEightIsOneCoinAndABayWithALetterAPlace() {
        assertEquals(List.of("30 pieces of eight"), surfaces("True saffron costs 30 pieces of eight an ounce."));
        assertEquals(List.of("six pieces of eight"), surfaces("It costs six pieces of eight."));
        assertEquals(Mentions.Name.PLACE, Mentions.names("Cryo Bay C holds 64 pods.").get(0).kind());
    }

    @Test
    void aNumberAfterSellForOrRunsIsAPrice() {
        assertEquals(List.of("2 brass crowns"), surfaces("Ballast sandbags sell for 2 brass crowns each."));
        assertEquals("money", Mentions.quantities("A basic optic implant install runs 1,200 eddies.").get(0).kind());
    }

    @Test
    void aPriceInTwoCoinsIsOnePrice() {
        assertEquals(List.of("2 dollars and 50 cents", "1 dollar and 75 cents"),
                surfaces("A good steel pick costs 2 dollars and 50 cents, and a long-handled shovel is 1 dollar and 75 cents."));
        assertEquals("2.5", Mentions.quantities("It costs 2 dollars and 50 cents.").get(0).value(), "what $2.50 says");
        assertEquals(List.of("2 dollars and 50 cents"), InventedFacts.invented("That's 2 dollars and 50 cents.", List.of()));
        assertEquals(List.of("2 dollars"), InventedFacts.invented("2 dollars.", List.of("A pick costs 2 dollars and 50 cents.")),
                "half the price is another price");
        assertEquals(List.of(), InventedFacts.invented("$2.50.", List.of("A pick costs 2 dollars and 50 cents.")));
    }

    @Test
    void aSpanMayEndAHyphenedWord() {
        Mentions.Quantity suit = Mentions.quantities("A new hull suit takes me nine shift-days to finish.").get(0);
        assertEquals("nine shift-days", suit.surface());
        assertEquals("time", suit.kind());
        assertEquals("9 work-weeks", Mentions.quantities("It takes 9 work-weeks.").get(0).surface());
    }

    @Test
    void aMadeUpMonthIsATimeNotAPlace() {
        Mentions.Name month = Mentions.names("I press apples every Saturday, all through Harvestmonth.").stream()
                .filter(n -> n.surface().equals("Harvestmonth")).findFirst().orElseThrow();
        assertEquals(Mentions.Name.TIME, month.kind());
    }

    @Test
    void aFeastDayIsATime() {
        assertEquals(List.of("Gardar:place", "Saint Olaf's Day:time"), Mentions.names(
                "Tithes are brought to Gardar cathedral every Saint Olaf's Day after morning mass.").stream()
                .map(n -> n.surface() + ":" + n.kind()).toList());
        assertEquals(Mentions.Name.TIME, Mentions.names("Rents are due on Lady Day.").get(0).kind());
        assertEquals(Mentions.Name.TIME, Mentions.names("The fair opens at Michaelmas.").get(0).kind());
        assertEquals(Mentions.Name.OTHER, Mentions.names("Thomas Day sells eels.").get(0).kind(), "a man called Day");
    }

    @Test
    void aDayOfAMonthMakesTheNameAMonthAndUndoneWordsAreNoNames() {
        assertEquals(List.of(Mentions.Name.TIME), Mentions.names("All petitions stop on the fifteenth of Sha'ban.").stream()
                .filter(n -> n.surface().equals("Sha'ban")).map(Mentions.Name::kind).toList());
        assertEquals(List.of("Harald Stonebeard"), Mentions.names("Uncut stones I buy only from miners licensed by "
                + "Harald Stonebeard.").stream().map(Mentions.Name::surface).toList());
        assertTrue(Mentions.madeUpDay("ashday"), "six letters, as 'Ashday'");
        assertEquals("money", Mentions.quantities("Anyone can rent half a raft for 25 washers a season.").get(0).kind(),
                "'for 25 washers' after 'rent'");
        assertEquals("number", Mentions.quantities("I keep 25 washers in a jar.").get(0).kind());
    }

    @Test
    void aNameAfterNamedKeepsItsEpithetAndATitleMakesAPerson() {
        assertEquals(List.of("Big Hassan"), Mentions.names("My masseur, a giant named Big Hassan, can fix your back.")
                .stream().map(Mentions.Name::surface).toList());
        Mentions.Name magistrate = Mentions.names("Claims disputes go to Magistrate Hollis Dunmore.").get(0);
        assertEquals(Mentions.Name.OTHER, magistrate.kind(), "someone to go to");
    }

    @Test
    void aTimeAfterAPrepositionIsNoPlaceAndAPlaceMayFollowAnother() {
        assertEquals(List.of(), Mentions.locations("We cut ice in the deep of winter."));
        assertEquals(List.of(), Mentions.locations("Women near their time should come to me every fifth day."));
    }

    @Test
    void copperCashAndAPlaceOfAName() {
        assertEquals("12 copper cash", Mentions.quantities("Hiring a buffalo costs 12 copper cash for a full day.").get(0).surface());
        assertEquals("5 gold", Mentions.quantities("It's 5 gold cash, up front.").get(0).surface(), "paid in cash");
        List<Mentions.Name> names = Mentions.names("Go to Sister Ammet, who sits by the Well of Frogs at noon.");
        assertEquals(Mentions.Name.PLACE, names.get(1).kind(), names.toString());
        assertEquals("Toad & Lantern", Mentions.names("It is behind the Toad & Lantern tavern.").get(0).surface());
        // (and the place it lies below, which the search after "into the bank below the" used to skip)
        assertEquals(List.of("bank", "cattle pen"), Mentions.locations("The icehouse is dug into the bank below the cattle pen."));
    }

    @Test
    void aCoinNoDictionaryKnowsAndAPlaceCutAtANumber() {
        assertEquals("2 silver ryo", Mentions.quantities("The long banner is 2 silver ryo.").get(0).surface());
        assertEquals("5 gold", Mentions.quantities("That's 5 gold deposit.").get(0).surface(), "a deposit is no coin");
        assertEquals(List.of("river"), Mentions.locations("He's been on this river thirty years."));
    }

    @Test
    void aCoinsOwnNameATitleHalfAndAPlaceOfTheSomething() {
        List<String> names = Mentions.names("Hay is sold by my assistant, Greta Moll, at 1 Valdren mark a bundle.").stream()
                .map(Mentions.Name::surface).toList();
        assertEquals(List.of("Greta Moll"), names, "Valdren names the coin, between its number and its coin word");
        assertEquals(List.of("Dagny Rusk"), Mentions.names("I buy raw teeth from Flense-master Dagny Rusk at the slip.")
                .stream().map(Mentions.Name::surface).toList(), "Flense-master is a title");
        Mentions.Name chapel = Mentions.names("The Chapel of the Hands, on the left of the nave, is where pilgrims pray.").get(0);
        assertEquals("Chapel of the Hands", chapel.surface());
        assertEquals(Mentions.Name.PLACE, chapel.kind());
        Mentions.Name bank = Mentions.names("Take it to the Halvard Counting House in the lower village.").get(0);
        assertEquals(Mentions.Name.PLACE, bank.kind(), "a thing is taken to a place");
        assertEquals(Mentions.Name.OTHER, Mentions.names("I sold it to Marta Hale.").get(0).kind());
    }

    @Test
    void aFeastIsATimeAndADoctorIsSomeone() {
        Mentions.Name lamps = Mentions.names("On the Night of Lamps, the second night of autumn, every grave gets a candle.").get(0);
        assertEquals(Mentions.Name.TIME, lamps.kind(), lamps.toString());
        assertEquals("Earl 'Fingers' Washington",
                Mentions.names("My piano man is Earl 'Fingers' Washington, and he plays any tune.").get(0).surface(),
                "a nickname in single quotes inside a name");
        Mentions.Name holy = Mentions.names("Bread must be fetched by noon on Holy Saturday.").get(0);
        assertEquals(Mentions.Name.TIME, holy.kind(), "a name ending in a weekday is a day: " + holy);
        Mentions.Name quarry = Mentions.names("Dr. Anselm Quarry is the chief surgeon.").get(0);
        assertEquals("Anselm Quarry", quarry.surface());
        assertEquals(Mentions.Name.OTHER, quarry.kind(), "the short title makes him someone, not a quarry");
        Mentions.Name rusk = Mentions.names("Mussels come from Old Peggin Rusk, who rakes them off the sunken tramlines.").get(0);
        assertEquals(Mentions.Name.OTHER, rusk.kind(), "who comes after someone");
        assertEquals(Mentions.Name.OTHER, Mentions.names("We float the poles to the lumber yard of Master Qiu Dawei.").get(0).kind());
        assertEquals(Mentions.Name.PLACE, Mentions.names("The director of Auntie Mame is Morton DaCosta.").get(0).kind(),
                "a film, as SGD names it");
    }

    @Test
    void aFurTradeCoinPiecesOfAThingAndSomeoneAtAPlace() {
        assertEquals("14 made beaver", Mentions.quantities("A new trade musket costs 14 made beaver.").get(0).surface());
        Mentions.Quantity pieces = Mentions.quantities("On my shelves I keep 86 pieces of the Decretals.").get(0);
        assertEquals("number", pieces.kind(), "pieces of a book are counted, not paid");
        assertEquals("money", Mentions.quantities("That will be 3 pieces of eight.").get(0).kind());
        assertEquals(Mentions.Name.OTHER, Mentions.names("My worm supply comes from Dorrit Fane at the Vermi Racks.").get(0).kind());
        assertEquals(Mentions.Name.PLACE, Mentions.names("Our limes come from Isla Verde in the south.").get(0).kind());
    }

    @Test
    void smallWordsInsideForeignNamesKeepThemWhole() {
        List<String> names = Mentions.names("For the festival the guild hangs blue cloth from every window on the Via dei Tintori.")
                .stream().map(Mentions.Name::surface).toList();
        assertTrue(names.contains("Via dei Tintori"), names.toString());
        List<String> bridge = Mentions.names("My shop is the third one on the Ponte degli Orafi.").stream()
                .map(Mentions.Name::surface).toList();
        assertTrue(bridge.contains("Ponte degli Orafi"), bridge.toString());
    }

    @Test
    void whoseThingAHouseNameAndAnAcronymAreReadAsAPlayerReadsThem() {
        // the presses are someone's, at a place ("This oil smells great, who makes it?" found the nephew who carries it)
        assertEquals(List.of("Lucius Varro:other", "Mons Albus:place"), Mentions.names(
                "My olive oil comes from the presses of Lucius Varro at Mons Albus.").stream()
                .map(n -> n.surface() + ":" + n.kind()).toList());
        assertEquals(List.of("Heron Farm:place"), Mentions.names("The rejects go down to Heron Farm.").stream()
                .map(n -> n.surface() + ":" + n.kind()).toList(), "a farm is somewhere, not someone to ask for");
        assertEquals(List.of("Rose and Crown"), names("We meet behind the Rose and Crown after market."),
                "one house's name after 'the'");
        assertEquals(List.of("Hetty", "Bram"), names("I sold the cart to Hetty and Bram."), "two people");
        assertEquals(List.of(), names("I keep your ID until you come back."), "letters, no one's name");
        assertEquals(List.of("Grey Gull:place"), Mentions.names("I lash the crates on the deck of the big hovercraft, the Grey Gull.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList(), "a ship is ridden, not asked");
    }

    @Test
    void aNamedDayAfterAWordOfWhenIsATime() {
        assertEquals(List.of("Boxing Night:time"), kinds("The pantomime opens on Boxing Night."));
        assertEquals(List.of("Hallows Eve:time"), kinds("Last Hallows Eve eleven bells rang."));
        assertEquals(List.of("Christmas Eve:time"), kinds("On Christmas Eve the market runs late."));
        assertEquals(List.of("Doris Day:other"), kinds("Ask Doris Day about the rooms."), "someone, asked");
        assertEquals(List.of("Starry Night:place"), kinds("I sail on the Starry Night tomorrow."), "a ship, sailed on");
    }

    private static List<String> kinds(String text) {
        return Mentions.names(text).stream().map(n -> n.surface() + ":" + n.kind()).toList();
    }

    @Test
    void whoSellsWhoPatrolsAndAFamilyAreReadAsSomeone() {
        List<Mentions.Name> wood = Mentions.names("I buy all my linden wood from Gret Imboden, the woodcutter who stacks her logs.");
        assertEquals(Mentions.Name.OTHER, wood.get(0).kind(), "bought from her: a seller, not a place");
        assertEquals(Mentions.Name.OTHER, Mentions.names("Ask Tilda Marsh, the ferrywoman who knows the fords.").get(0).kind());
        // but no one is called a street: the "who" after it is the herbalist's
        assertEquals(List.of("Dr Suo Qian:other", "Medicine Street:place"), Mentions.names(
                "The bark comes from the herbalist Dr Suo Qian on Medicine Street, who charges me by the jin.")
                .stream().map(n -> n.surface() + ":" + n.kind()).toList());
        List<Mentions.Name> deputy = Mentions.names("My deputy, Ensign Mabry Hollow, rides the sea wall at night.");
        assertEquals("Ensign Mabry Hollow", deputy.get(0).surface());
        assertEquals(Mentions.Name.OTHER, deputy.get(0).kind(), "a hollow is a place, an ensign is not");
        List<Mentions.Name> sisters = Mentions.names("The sand is dug by the Yarrow sisters, Nell and Agathe.");
        assertEquals("Yarrow sisters", sisters.get(0).surface());
        assertEquals(Mentions.Name.OTHER, sisters.get(0).kind());
        assertEquals("Voss Feed and Seed", Mentions.names("It is put up by Mr. Elmer Voss of the Voss Feed and Seed.").get(1).surface());
        assertEquals(List.of("signal mirror", "north rim"),
                Mentions.locations("My loft is the shed beside the signal mirror on the north rim."));
    }

    @Test
    void aCoinIsReadWhole() {
        assertEquals("2 copper sen", Mentions.quantities("A bundle of forty seedlings costs 2 copper sen.").get(0).surface(),
                "WordNet files sen under the small units of a currency");
        assertEquals("5 gold", Mentions.quantities("They put down a 5 gold deposit.").get(0).surface());
        assertEquals("7 shillings and sixpence",
                Mentions.quantities("Reeds cost 7 shillings and sixpence each.").get(0).surface());
        Mentions.Quantity cask = Mentions.quantities("A full cask costs 3 pounds 10 shillings.").get(0);
        assertEquals("3 pounds 10 shillings", cask.surface());
        assertEquals("money", cask.kind(), "a pound before shillings is money, not a weight");
        assertEquals("money", Mentions.quantities("A pie is sixpence.").get(0).kind());
    }

    @Test
    void aPartOfAPlaceIsSaidWithThePlace() {
        assertEquals(List.of("north end of the jetty", "tar barrels"),
                Mentions.locations("My ship lies at the north end of the jetty, beside the tar barrels."));
        assertEquals(List.of("top of the north stair", "chart office"),
                Mentions.locations("The optics room sits at the top of the north stair, above the chart office."));
    }

    @Test
    void someoneSaidToBeAPersonANameWithItsParticleAndTimesThatAreNoPlaces() {
        List<Mentions.Name> snowshoes = Mentions.names(
                "Snowshoes come from Martha Tull, a Tlingit woman who strings them by hand out at Sheep Camp.");
        assertEquals(Mentions.Name.OTHER, snowshoes.get(0).kind(), "'a Tlingit woman': things come from her, not from a place");
        assertEquals(Mentions.Name.PLACE, Mentions.names("Limes come from Isla Verde, a green island.").get(0).kind());
        assertEquals(List.of("Lady Fatima al-Rumi"), names("The bride's mother, Lady Fatima al-Rumi, decides the seating."));
        assertEquals(List.of("Captain Ida de Vries"), names("Go and see Captain Ida de Vries."));
        assertEquals(List.of("Agnes Thorne", "Brightwater"), names("I met Agnes Thorne of Brightwater."));
        assertEquals(List.of("Ghash the Quiet"), names("My nephew Ghash the Quiet polishes the finished pieces."), "a byname");
        assertEquals("You want Mr Albert Quayle.", Mentions.namesAsIn("You want Mr albert quayle.",
                List.of("The eggs come from Mr Albert Quayle's farm down on the Saltings road.")), "spelt as without its 's");
        assertEquals(Mentions.Name.OTHER, Mentions.names("Hunters of the Ash Ridge clan bring their furs.").get(0).kind(),
                "a clan is people, though a ridge is a place");
        assertEquals(List.of("Beatrix Thorne"), names("Only Mrs. Beatrix Thorne is allowed to read my ledger."));
        assertEquals(List.of(), Mentions.locations("Payments are due on the last day of each month."));
        assertEquals(List.of(), Mentions.locations("On the wedding night itself, water for the guests is free until midnight."));
        assertEquals(List.of(), Mentions.locations("My daughter Elsbeth minds the counter in the mornings."));
        assertEquals(List.of("spring"), Mentions.locations("Fill your skins at the spring."), "a spring of water is a place");
        assertEquals(List.of("chapel"), Mentions.locations("Maud has a stack of straw by the chapel."));
        assertEquals(List.of("chapel hall", "water tower"),
                Mentions.locations("Overflow sleepers are being sent to the chapel hall behind the water tower."));
        assertEquals(List.of(), Mentions.locations("Listen to the radio and talk to the guard."));
        assertEquals(List.of(), Mentions.locations("I begin at the evening call to prayer."), "a time called, no place");
        assertEquals(List.of("evening market"), Mentions.locations("Meet me at the evening market."));
        assertEquals(List.of("lowest gondola"),
                Mentions.locations("The auction opens at 5 in the morning sharp on the lowest gondola."));
        assertEquals(List.of(), Mentions.locations("The bread is baked by the monks and sold by the dozen."));
        assertEquals(List.of("long hut", "foot of the mast"),
                Mentions.locations("My crew eats and sleeps in the long hut at the foot of the mast."));
    }

    @Test
    void timetableClocksAndOldMoneyAreReadWhole() {
        // "at 7.40 in the morning" was the number 7.4: "When does the first train go?" found no time to answer with
        Mentions.Quantity train = Mentions.quantities("The first train leaves for the harbour at 7.40 in the morning.").get(0);
        assertEquals("7:40", train.value());
        assertEquals("time", train.kind());
        assertEquals("10:15", Mentions.quantities("The last boat leaves at 10.15.").get(0).value());
        assertEquals("1.2", Mentions.quantities("Butter sells at 1.20 a pound.").get(0).value(), "a price, no clock");
        // "£6 10s" was £6 and a count of ten, so "£6." passed for the slates' price
        assertEquals("£6 10s", Mentions.quantities("Best slates sell at the quay for £6 10s.").get(0).surface());
        assertEquals("2s 6d", Mentions.quantities("A pint costs 2s 6d.").get(0).surface());
        assertEquals("number", Mentions.quantities("In the 60s we had 4d pies.").get(0).kind(), "a decade");
        // "9 mil." passed for "A ball … fetches 9 mil-réis.": "fetches" said no price
        assertEquals("9 mil-réis", Mentions.quantities("A ball of rubber fetches 9 mil-réis.").get(0).surface());
    }

    @Test
    void clocksOfFourFiguresCoinsOfTwoPartsAndPiecesOfAThingAreReadAsSaid() {
        // "opens at 0600" was the number 600: "When do you start?" had no time to answer with, "Fridays." passed
        List<Mentions.Quantity> window = Mentions.quantities("The window opens at 0600 and shuts around 1400.");
        assertEquals(List.of("6:00", "14:00"), window.stream().map(Mentions.Quantity::value).toList());
        assertEquals(List.of("7:00", "19:00"), Mentions.quantities("Meals come at 0700 and 1900.").stream()
                .map(Mentions.Quantity::value).toList(), "the second of two clocks is a clock");
        assertEquals(List.of("1850", "1900"), Mentions.quantities("The sheds were built in 1850 and 1900.").stream()
                .map(Mentions.Quantity::value).toList(), "years stay years");
        assertEquals("21:00", Mentions.quantities("Lights out is 2100 hours.").get(0).value());
        // the same figures twice threw StringIndexOutOfBoundsException (held-out SGD found it)
        assertEquals(2, Mentions.quantities("Dinner is at 1900, and 1900 is late.").size());
        // "1 yen." and "40 kopecks a month." passed for prices of two coins
        assertEquals("1 yen 80 sen", Mentions.quantities("A bale fetches 1 yen 80 sen.").get(0).surface());
        assertEquals("2 roubles 40 kopecks", Mentions.quantities("Dues are 2 roubles 40 kopecks a month.").get(0).surface());
        // "280 separate pieces of glass" was a price: a glass count answered "What would a smaller one run me?"
        Mentions.Quantity glass = Mentions.quantities("It is built from 280 separate pieces of glass.").get(0);
        assertEquals("number", glass.kind());
        assertEquals("money", Mentions.quantities("It costs 50 gilt crowns.").get(0).kind(), "a coin said after a word");
        assertEquals("number", Mentions.quantities("We've brought up 23 pieces worth keeping.").get(0).kind());
        assertEquals("money", Mentions.quantities("A sword costs 12 pieces.").get(0).kind(), "pieces priced are coins");
        // "the biggest snow tractor in the world" was a place: "Where do you keep it?" got "It's in the world."
        assertEquals(List.of(), Mentions.locations("I drive the biggest snow tractor in the world."));
    }

    @Test
    void aNameBeforeARiverOrSaidToBeATownIsAPlace() {
        // "Who is the mayor?" paired the queen with "Saltmarrow is a market town where the Greywater river meets the sea"
        List<Mentions.Name> town = Mentions.names("Saltmarrow is a market town where the Greywater river meets the sea.");
        assertEquals(List.of(Mentions.Name.PLACE, Mentions.Name.PLACE), town.stream().map(Mentions.Name::kind).toList());
        // "Who prints these booklets?" took "London." from "…at the Sign of the Bible in Paul's Churchyard, London"
        List<Mentions.Name> printer = Mentions.names(
                "All my stock comes from the printer Josiah Barker, who works in Paul's Churchyard, London.");
        assertEquals(Mentions.Name.PLACE, printer.get(printer.size() - 1).kind());
        // "On the lake wants." passed for a place: "every boat on the lake wants to be out by then"
        assertEquals(List.of("lake"), Mentions.locations("Every boat on the lake wants to be out by then."));
        assertEquals(List.of("town landing"), Mentions.locations("The ferry leaves the town landing every hour."));
        assertEquals(List.of("mat"), Mentions.locations("He leaves the key under the mat."), "a key is no place");
    }

    @Test
    void aPeopleAFeastAndANicknameAreReadAsTheyAreMeant() {
        assertEquals(List.of("Dewey Hatch"), names("My flunkey is a skinny Okie boy named Dewey Hatch."), "Okie is what he is");
        assertEquals(List.of(), names("I charge the Inuit crews 3 plugs of tobacco to mend a hide boat."));
        assertEquals(List.of(), names("Leaf picked before the Qingming festival sells for 400 wen a jin."));
        assertEquals(List.of("Yarrow sisters"), names("Ask the Yarrow sisters."), "kin are still a family's name");
        assertEquals(List.of("Lucky Ames"), names("My partner Lucky Ames rides the lower track with me."), "a nickname is his name");
        assertEquals(List.of(Mentions.Name.PLACE), Mentions.names("My lab is the Culture Lab on deck two.").stream()
                .map(Mentions.Name::kind).toList());
        assertEquals(List.of("6 Maria Theresa dollars"), Mentions.quantities("Deck passage costs 6 Maria Theresa dollars.")
                .stream().map(Mentions.Quantity::surface).toList());
    }

    @Test
    void somewhereAThingGetsToIsAPlace() {
        assertEquals(List.of(Mentions.Name.PLACE), Mentions.names("If a piece breaks before it reaches the Dogana, I pay "
                + "its price back.").stream().map(Mentions.Name::kind).toList());
        assertEquals(List.of(Mentions.Name.PLACE), Mentions.names("The wreck lies in five fathoms off Careen Cay.").stream()
                .map(Mentions.Name::kind).toList());
        assertEquals(List.of(Mentions.Name.PLACE), Mentions.names("Freight going only as far as the Scales costs 5 cents a pound.")
                .stream().map(Mentions.Name::kind).toList());
    }

    @Test
    void aSaintsNameKeepsItsShortWord() {
        // "the Church of St." answered who runs the city: the full stop of "St." ended the sentence
        assertEquals(List.of("Church of St. Nicholas", "Yaroslav's Court"),
                names("I cry the decrees by the Church of St. Nicholas on Yaroslav's Court."));
        assertEquals(List.of("Mt. Hood"), names("We climbed Mt. Hood last spring."));
        assertEquals(List.of("Main St"), names("I live on Main St. The shop is mine."), "a new sentence after it is no name");
    }
}
