package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Meter;
import dev.improv.engines.TransformerDialogueProvider;
import dev.improv.music.MidiFiles;
import dev.improv.music.Song;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The studio in current Firefox (Debian's {@code firefox-esr}), headless, driven over WebDriver BiDi
 * ({@link BidiBrowser}; Debian has no geckodriver) against a real service node: the tabs and the API key;
 * the band's music with a mood and a lead picked from the keyboard, A/B playback and downloads; every other
 * music control (a mood file kept across a reload and forgotten, instruments, drum style, sections, melody
 * and chords with its sampling fields, continue, the A/B switch); and every control of the level and NPC
 * panels: a level drawn with its path and reach, regenerated, continued and a chunk redrawn; a dungeon with
 * one room redrawn with the doors picked for it; a Sokoban puzzle; an NPC card edited, saved and talked to.
 * The last test fails if any control of the page was never used, and the console must hold no warning or
 * error after each test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioFirefoxTest {
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static ServiceNode node;
    private static URI base;
    private static BidiBrowser firefox;
    private static String dialogueModelBefore;
    private static Path shots;
    private static Path downloads;
    /** Ids of the page's controls the tests have used (clicked, typed into or picked from). */
    private static final java.util.Set<String> used = new java.util.TreeSet<>();

    @BeforeAll
    static void start() throws IOException {
        Path binary = StudioPageTest.installed("firefox-esr", "firefox-esr");
        dialogueModelBefore = System.clearProperty(TransformerDialogueProvider.MODEL_PROPERTY);
        node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(8, 16));
        base = node.uri();
        shots = Path.of(System.getProperty("improv.studio.screenshots", "target/studio-screenshots"));
        Files.createDirectories(shots);
        downloads = Files.createTempDirectory("improv-firefox-downloads");
        firefox = BidiBrowser.start(binary, 1440, 1000, downloads);
        firefox.navigate(base.toString());
        firefox.waitFor("the page's modules to load", WAIT, () -> firefox.isTrue("window.studioReady !== undefined"));
        firefox.evaluate("window.studioReady");
        assertTrue(firefox.text("navigator.userAgent").contains("Firefox/"), firefox.text("navigator.userAgent"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (firefox != null) {
            firefox.close();
        }
        if (node != null) {
            node.close();
        }
        if (dialogueModelBefore != null) {
            System.setProperty(TransformerDialogueProvider.MODEL_PROPERTY, dialogueModelBefore);
        }
        if (downloads != null) {
            try (var files = Files.walk(downloads)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    @AfterEach
    void consoleHasNoErrors() {
        assertEquals(List.of(), firefox.consoleProblems(), "Firefox's console");
        assertTrue(firefox.isTrue("document.getElementById('error').hidden"),
                "the page shows an error: " + firefox.text("document.getElementById('error').textContent"));
    }

    @Test
    @Order(1)
    void musicPlaysDrawsAndDownloads() throws IOException {
        click("tab-levels");
        click("tab-music");
        // The API key stays in the tab (the service here has none, so it is cleared again).
        setValue("api-key", "studio-key");
        firefox.type("\uE007"); // Enter: the field's change
        assertEquals("studio-key", firefox.text("sessionStorage.getItem('improv.apiKey')"));
        click("api-key");
        firefox.evaluate("document.getElementById('api-key').select()");
        firefox.type("\uE003\uE007"); // Backspace, Enter
        assertEquals("", firefox.text("sessionStorage.getItem('improv.apiKey') || ''"));

        setValue("music-bars", "4");
        setValue("music-variations", "2");
        setValue("music-seed", "5");
        click("music-generate");
        firefox.waitFor("two variations with audio", WAIT, () -> firefox.number(
                "[...document.querySelectorAll('#music-grid audio')].filter(a => a.duration > 1).length") == 2);
        // Played from the A/B bar with real clicks: the element's clock moves.
        firefox.clickOn("[...document.querySelector('#music-grid article').querySelectorAll('button')]"
                + ".find(b => b.textContent === 'Set as A')", "the first variation's Set as A");
        click("ab-play");
        firefox.waitFor("playback to advance", WAIT,
                () -> firefox.number("document.querySelector('#music-grid audio').currentTime") > 0.2);
        click("ab-play");
        assertTrue(firefox.number(paintedColours("#music-grid canvas.roll")) > 2, "a piano roll is drawn");
        byte[] midi = download("music-seed5.mid");
        assertEquals("MThd", new String(midi, 0, 4, StandardCharsets.US_ASCII));
        byte[] wav = download("music-seed5.wav");
        assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
        firefox.click("#music-grid article:nth-of-type(1) details.code summary");
        assertTrue(firefox.text("document.querySelector('#music-grid details.code').textContent")
                .contains("--key G --meter 4/4 --tempo 120 --intensity 4 --bars 4 --seed 5"));
        Files.write(shots.resolve("studio-firefox-music.png"), firefox.screenshot());
        firefox.click("#music-grid article:nth-of-type(1) details.code summary");
        // The band plays by default: harmony, bass, drums and lead, a track each.
        assertTrue(firefox.text("document.querySelector('#music-grid .info').textContent").contains("4 tracks"));
        assertEquals(List.of("harmony", "bass", "drums", "lead"), MidiFiles.read(midi, "music-seed5.mid").tracks().stream()
                .map(dev.improv.music.Track::name).toList());

        // A mood and a lead picked from the keyboard (type-ahead in the lists): the band plays them.
        firefox.evaluate("document.getElementById('music-mood').focus()");
        firefox.type("sad");
        used.add("music-mood");
        assertEquals("sad", firefox.text("document.getElementById('music-mood').value"));
        firefox.click("#music-band summary");
        firefox.evaluate("document.getElementById('music-lead').focus()");
        firefox.type("40");
        used.add("music-lead");
        assertEquals("40", firefox.text("document.getElementById('music-lead').value"));
        setValue("music-variations", "1");
        firefox.click("#music-generate");
        firefox.waitFor("the sad band", WAIT, () -> firefox.text("(document.querySelector('#music-grid .info') || {}).textContent || ''")
                .startsWith("sad band · 4 bars · Em · 3/4"));
        Files.delete(downloads.resolve("music-seed5.mid"));
        Song sad = MidiFiles.read(download("music-seed5.mid"), "sad.mid");
        assertEquals(Meter.parse("3/4"), sad.meterAt(0));
        assertEquals(40, sad.tracks().get(3).program(), "the lead picked in the page");
        firefox.click("#music-grid article:nth-of-type(1) details.code summary");
        assertTrue(firefox.text("document.querySelector('#music-grid details.code').textContent")
                .contains("./improv music --mood sad --lead 40 --intensity 4 --bars 4 --seed 5"));
    }

    /**
     * The band's other controls: a designer's mood file chosen in the file dialog, kept for the tab across a
     * reload and forgotten again; harmony, bass and drum style; two sections with their own intensity from
     * the keyboard. Then melody and chords with key, meter, tempo, intensity and the sampling fields,
     * continued, and compared A/B with a switch.
     */
    @Test
    @Order(2)
    void everyMusicControlPlays() throws IOException {
        Path moods = Files.createTempDirectory("studio-firefox-moods").resolve("spooky.json");
        Files.writeString(moods, "{\"spooky\": {\"mode\": \"minor\", \"tonic\": \"A\", \"tempo\": [90, 90], \"meter\": \"3/4\","
                + " \"intensity\": 6, \"drumStyle\": \"jazz\", \"instruments\": {\"lead\": 11, \"harmony\": 19, \"bass\": 35}}}");
        pick("music-lead", "");
        firefox.setFiles("#music-moods", moods);
        used.add("music-moods");
        firefox.waitFor("the file's mood chosen", WAIT, () -> firefox.text("document.getElementById('music-mood').value").equals("file:spooky"));
        // Kept for this tab: a reload still lists the file's moods (the service keeps no request's file).
        firefox.evaluate("window.notReloaded = true");
        firefox.navigate(base + "?reloaded#music"); // a new query: a real load, not a jump to the fragment
        firefox.waitFor("the page's modules to load", WAIT, () -> firefox.isTrue("window.studioReady !== undefined"));
        firefox.evaluate("window.studioReady");
        assertTrue(firefox.isTrue("window.notReloaded === undefined"), "the page was loaded again");
        assertEquals("spooky.json, kept for this tab", firefox.text("document.getElementById('music-moods-kept').textContent"));
        firefox.click("#music-band summary");
        pick("music-mood", "file:spooky");
        pick("music-harmony", "0");
        pick("music-bass", "32");
        pick("music-drum-style", "funk");
        setValue("music-bars", "4");
        setValue("music-variations", "1");
        setValue("music-seed", "5");
        setValue("music-sections", "2");
        firefox.waitFor("a slider a section", WAIT, () -> firefox.number("document.querySelectorAll('#music-intensity-sections input').length") == 2);
        slide("document.querySelectorAll('#music-intensity-sections input')[0]", 1);
        slide("document.querySelectorAll('#music-intensity-sections input')[1]", 7);
        click("music-generate");
        firefox.waitFor("the file's mood with the band's controls", WAIT, () -> firefox.text(
                "(document.querySelector('#music-grid .info') || {}).textContent || ''")
                .startsWith("spooky band · 4 bars · Am · 3/4 · 90 BPM · intensity 1→7 · funk drums · 4 tracks"));
        Files.deleteIfExists(downloads.resolve("music-seed5.mid"));
        Song spooky = MidiFiles.read(download("music-seed5.mid"), "spooky.mid");
        assertEquals(List.of(0, 32, 11), List.of(spooky.tracks().get(0).program(), spooky.tracks().get(1).program(),
                spooky.tracks().get(3).program()), "harmony and bass as picked, the file's lead");
        firefox.click("#music-grid article:nth-of-type(1) details.code summary");
        assertTrue(firefox.text("document.querySelector('#music-grid details.code').textContent")
                .contains("--mood spooky --moods spooky.json"), "copy as code names the file");
        firefox.click("#music-grid article:nth-of-type(1) details.code summary");
        assertTrue(firefox.isTrue("document.getElementById('music-moods-forget').getClientRects().length > 0"),
                "Forget shows while a file is kept");
        click("music-moods-forget");
        firefox.waitFor("the file forgotten", WAIT, () -> firefox.text("sessionStorage.getItem('improv.moodFile') || ''").isEmpty());
        assertTrue(firefox.isTrue("document.getElementById('music-moods-file').hidden"), "the file's moods leave the list");
        assertEquals("", firefox.text("document.getElementById('music-mood').value"));

        // Melody and chords: key, meter, tempo, one intensity and the sampling fields; continued; A/B with a switch.
        pick("music-engine", "transformer");
        pick("music-key", "D");
        pick("music-meter", "6/8");
        setValue("music-tempo", "100");
        setValue("music-sections", "1");
        slide("document.getElementById('music-intensity')", 5);
        used.add("music-intensity");
        firefox.click("#music-sampling summary");
        setValue("music-temperature", "0.9");
        setValue("music-top-p", "0.9");
        setValue("music-key-strength", "2");
        setValue("music-bars", "2");
        setValue("music-variations", "2");
        click("music-generate");
        firefox.waitFor("two pieces of melody and chords", WAIT, () -> firefox.number(
                "[...document.querySelectorAll('#music-grid audio')].filter(a => a.duration > 1).length") == 2);
        assertTrue(firefox.text("document.querySelector('#music-grid .info').textContent")
                .startsWith("melody and chords · 2 bars · D · 6/8 · 100 BPM · intensity 5 · 2 tracks"),
                firefox.text("document.querySelector('#music-grid .info').textContent"));
        firefox.clickOn("[...document.querySelector('#music-grid article').querySelectorAll('button')]"
                + ".find(b => b.textContent === 'Continue this')", "Continue this");
        firefox.waitFor("the continuation", WAIT, () -> firefox.number(
                "[...document.querySelectorAll('#music-grid audio')].filter(a => a.duration > 1).length") == 3);
        firefox.click("#music-grid article:nth-of-type(2) details.code summary");
        assertTrue(firefox.text("document.querySelector('#music-grid article:nth-of-type(2) details.code').textContent")
                .contains("--prime music-seed5.mid"), "the continuation's code primes with the first piece");
        firefox.clickOn("[...document.querySelectorAll('#music-grid article')[0].querySelectorAll('button')]"
                + ".find(b => b.textContent === 'Set as A')", "the first piece's Set as A");
        firefox.clickOn("[...document.querySelectorAll('#music-grid article')[2].querySelectorAll('button')]"
                + ".find(b => b.textContent === 'Set as B')", "the last piece's Set as B");
        click("ab-play");
        firefox.waitFor("A to play", WAIT, () -> firefox.number("document.querySelectorAll('#music-grid audio')[0].currentTime") > 0.2);
        click("ab-switch");
        firefox.waitFor("B to play instead", WAIT, () -> firefox.isTrue("document.querySelectorAll('#music-grid audio')[0].paused"
                + " && !document.querySelectorAll('#music-grid audio')[2].paused"));
        click("ab-play");
        firefox.waitFor("B to stop", WAIT, () -> firefox.isTrue("document.querySelectorAll('#music-grid audio')[2].paused"));
        pick("music-engine", "band");
    }

    @Test
    @Order(3)
    void levelIsDrawnWithItsPathRegeneratedContinuedAndAChunkRedrawn() throws IOException {
        click("tab-levels");
        pick("level-game", "smb");
        setValue("level-prompt", "many pipes, few enemies");
        setValue("level-width", "48");
        setValue("level-seed", "2");
        click("level-streamed"); // off: one whole level of the width
        assertTrue(firefox.isTrue("!document.getElementById('level-streamed').checked"));
        click("level-generate");
        firefox.waitFor("the level", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent").contains("48 ×"));
        assertEquals("playable: the agent crosses it", firefox.text("document.getElementById('level-playable').textContent"));
        assertTrue(firefox.text("document.getElementById('level-canvas').getAttribute('aria-label')").contains("with a path of"));
        assertTrue(firefox.number(paintedColours("#level-canvas")) > 8, "the demo's tiles are drawn");
        String both = firefox.text("document.getElementById('level-canvas').toDataURL()");
        click("level-show-reach");
        click("level-show-path");
        assertTrue(!both.equals(firefox.text("document.getElementById('level-canvas').toDataURL()")), "the overlays come off");
        click("level-show-reach");
        click("level-show-path");
        click("level-regenerate");
        firefox.waitFor("a new seed", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent").contains("seed 3"));
        click("level-continue");
        firefox.waitFor("one more chunk", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent").contains("64 ×"));
        pick("level-chunk", "1");
        click("level-regenerate-chunk");
        firefox.waitFor("chunk 1 drawn again", WAIT,
                () -> firefox.text("document.getElementById('level-summary').textContent").contains("chunk 1 redrawn"));
        click("level-streamed"); // on again, as the page starts
    }

    @Test
    @Order(4)
    void npcCardIsEditedSavedAndAnswersWithItsFacts() throws IOException {
        click("tab-npc");
        for (String example : new String[] {"innkeeper", "blacksmith"}) {
            pick("npc-example", example);
            firefox.waitFor("the " + example + " card", WAIT,
                    () -> firefox.text("document.getElementById('status').textContent").contains("Loaded the " + example + " card"));
        }
        assertEquals("Dagna Holt", firefox.text("document.getElementById('npc-name').value"));
        setValue("npc-name", "Dagna Holt");
        setValue("npc-role", "blacksmith of Emberford");
        pick("npc-mood", "grumpy");
        click("npc-persona");
        firefox.type("\uE010\uE007I hate idle talk."); // End, Enter, a new line
        click("npc-facts");
        firefox.type("\uE010\uE007I shoe horses for 5 copper a hoof on Mondays.");
        click("npc-banned");
        firefox.type("\uE010, dragon");
        click("npc-world");
        firefox.type("\uE010\uE007The river ferry stops at dusk.");
        String card = new String(clickAndWaitForFile("npc-save-card", "dagna-holt.json"), StandardCharsets.UTF_8);
        assertTrue(card.contains("I shoe horses for 5 copper a hoof on Mondays.") && card.contains("blacksmith of Emberford"), card);
        String world = new String(clickAndWaitForFile("npc-save-world", "world.json"), StandardCharsets.UTF_8);
        assertTrue(world.contains("The river ferry stops at dusk."), world);
        setValue("npc-seed", "2");
        click("npc-say");
        firefox.type("How much to repair my sword?");
        click("npc-send");
        firefox.waitFor("a reply", WAIT, () -> firefox.number("document.querySelectorAll('#npc-log > li.npc').length") == 1);
        String source = firefox.text("document.querySelector('#npc-log > li.npc .badge').textContent");
        assertTrue(source.equals("model") || source.startsWith("fallback"), source);
        String facts = firefox.text("document.querySelector('#npc-log > li.npc .facts').textContent");
        assertTrue(facts.contains("Repairing a sword costs 12 silver"), facts);
        Files.write(shots.resolve("studio-firefox-npc.png"), firefox.screenshot());
        click("npc-clear");
        firefox.waitFor("a new conversation", WAIT, () -> firefox.number("document.querySelectorAll('#npc-log > li').length") == 0);
    }

    @Test
    @Order(5)
    void dungeonRoomIsRedrawnWithItsDoorsAndAPuzzleIsSolved() throws IOException {
        click("tab-levels");
        pick("level-game", "zelda");
        setValue("level-rooms", "2x2");
        setValue("level-seed", "3");
        click("level-generate");
        firefox.waitFor("a dungeon", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent")
                .startsWith("zelda · 22 × 32"));
        assertTrue(firefox.text("document.getElementById('level-playable').textContent").startsWith("playable (4/4 rooms"));
        assertTrue(firefox.text("document.getElementById('level-canvas').getAttribute('aria-label')").contains("steps from the entrance"));
        assertTrue(firefox.number(paintedColours("#level-canvas")) > 5, "the dungeon's tiles are drawn");
        byte[] png = download("level-zelda-seed3.png");
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));

        // Room 1 (top right) picked by a click on it, then its doors: one south and one west (its two inner sides).
        assertEquals("Room", firefox.text("document.getElementById('level-chunk-words').textContent"));
        firefox.evaluate("(() => { const c = document.getElementById('level-canvas'); const r = c.getBoundingClientRect();"
                + " c.dispatchEvent(new MouseEvent('click', {clientX: r.left + r.width * 0.75, clientY: r.top + r.height * 0.25,"
                + " bubbles: true})); })()");
        assertEquals("1", firefox.text("document.getElementById('level-chunk').value"));
        pick("level-chunk", "1");
        pick("level-door-north", "");
        pick("level-door-east", "");
        pick("level-door-south", "door");
        pick("level-door-west", "no door");
        click("level-regenerate-chunk");
        firefox.waitFor("room 1 drawn again", WAIT,
                () -> firefox.text("document.getElementById('level-summary').textContent").contains("room 1 redrawn"));
        assertTrue(firefox.text("document.getElementById('level-summary').textContent")
                .contains("\"some enemies, few blocks, door south, no door west\""));
        assertTrue(firefox.text("document.getElementById('level-playable').textContent").startsWith("playable (4/4 rooms"),
                firefox.text("document.getElementById('level-playable').textContent"));
        String dungeon = new String(download("level-zelda-seed3-edit1.txt"), StandardCharsets.UTF_8);
        List<String> rows = dungeon.lines().toList();
        assertTrue(rows.get(14).substring(11).contains("D"), "room 1 has its door south:\n" + dungeon);
        for (int r = 0; r < 16; r++) {
            assertTrue(rows.get(r).charAt(11) != 'D' && rows.get(r).charAt(12) != 'D', "room 1 has no door west:\n" + dungeon);
        }
        Files.write(shots.resolve("studio-firefox-zelda-room.png"), firefox.screenshot());

        pick("level-game", "boxoban");
        setValue("level-prompt", "easy");
        click("level-generate");
        firefox.waitFor("a puzzle", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent")
                .startsWith("boxoban · 10 × 10"));
        assertTrue(firefox.text("document.getElementById('level-playable').textContent").startsWith("solved: every box on a goal in"));
        assertTrue(firefox.text("document.getElementById('level-canvas').getAttribute('aria-label')").contains("pushes) over it"));
        String puzzle = new String(download("level-boxoban-seed3.txt"), StandardCharsets.UTF_8);
        assertEquals(10, puzzle.lines().count(), puzzle);
        Files.write(shots.resolve("studio-firefox-boxoban.png"), firefox.screenshot());
    }

    /** Every button, field and list of the page (the tabs, the API key, the music, level and NPC panels) was used by a test above. */
    @Test
    @Order(6)
    void everyControlOfThePageWasUsed() {
        String ids = firefox.text("[...document.querySelectorAll('button[id], input[id], select[id], textarea[id]')]"
                + ".map(e => e.id).join(' ')");
        java.util.Set<String> controls = new java.util.TreeSet<>(List.of(ids.split(" ")));
        controls.removeAll(used);
        assertEquals(java.util.Set.of(), controls, "controls no test used");
    }

    /** Picks an option in a list as a change event brings it to the page (a click would open Firefox's own popup). */
    private static void pick(String id, String value) {
        firefox.evaluate("(() => { const s = document.getElementById('" + id + "'); s.focus(); s.value = '" + value + "';"
                + " s.dispatchEvent(new Event('change', {bubbles: true})); s.dispatchEvent(new Event('input', {bubbles: true})); })()");
        assertEquals(value, firefox.text("document.getElementById('" + id + "').value"));
        used.add(id);
    }

    /** Moves a range slider from the keyboard: a click on it, Home, then Arrow Right {@code value} times. */
    private static void slide(String element, int value) {
        firefox.clickOn(element, element);
        firefox.type("\uE011" + "\uE014".repeat(value));
        assertEquals(value, (int) firefox.number(element + ".valueAsNumber"), element);
    }

    /** Clicks a control with the mouse. */
    private static void click(String id) {
        firefox.click("#" + id);
        used.add(id);
    }

    /** Types into a field as a user does: a click into it, select all, then the keys. */
    private static void setValue(String id, String value) {
        click(id);
        // select() leaves a number field's text in place in Firefox: emptied, then typed into
        firefox.evaluate("(() => { const e = document.getElementById('" + id + "'); e.select(); e.value = ''; })()");
        if (!value.isEmpty()) {
            firefox.type(value);
            assertEquals(value, firefox.text("document.getElementById('" + id + "').value"));
        }
    }

    /** Clicks a button that saves a file and returns the file Firefox saved. */
    private static byte[] clickAndWaitForFile(String id, String name) throws IOException {
        click(id);
        return waitForFile(name);
    }

    /** Clicks the download link of file {@code name} and returns the file Firefox saved. */
    private static byte[] download(String name) throws IOException {
        firefox.click("a.download[download='" + name + "']");
        return waitForFile(name);
    }

    private static byte[] waitForFile(String name) throws IOException {
        Path file = downloads.resolve(name);
        firefox.waitFor("download " + name, WAIT, () -> Files.isRegularFile(file) && file.toFile().length() > 0
                && !Files.exists(downloads.resolve(name + ".part")));
        return Files.readAllBytes(file);
    }

    /** A script counting the distinct colours of a canvas (sampled, from a copy): a blank one has 1. */
    private static String paintedColours(String canvas) {
        return "(() => { const s = document.querySelector('" + canvas + "'); const c = document.createElement('canvas');"
                + " c.width = s.width; c.height = s.height; const g = c.getContext('2d', {willReadFrequently: true});"
                + " g.drawImage(s, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
                + " for (let i = 0; i < d.length; i += 4 * 7) { seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); }"
                + " return seen.size; })()";
    }
}
