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
 * ({@link BidiBrowser}; Debian has no geckodriver) against a real service node: music plays and
 * downloads, an NPC answers with its facts, a level is drawn with its path and a chunk redrawn, a
 * dungeon and a Sokoban puzzle are drawn with their way through, and the console holds no warning or error. The Chromium test ({@link StudioPageTest}) goes through
 * every control; this one checks that the page works in the other engine.
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
        setValue("music-bars", "4");
        setValue("music-variations", "2");
        setValue("music-seed", "5");
        firefox.click("#music-generate");
        firefox.waitFor("two variations with audio", WAIT, () -> firefox.number(
                "[...document.querySelectorAll('#music-grid audio')].filter(a => a.duration > 1).length") == 2);
        // Played from the A/B bar with real clicks: the element's clock moves.
        firefox.clickOn("[...document.querySelector('#music-grid article').querySelectorAll('button')]"
                + ".find(b => b.textContent === 'Set as A')", "the first variation's Set as A");
        firefox.click("#ab-play");
        firefox.waitFor("playback to advance", WAIT,
                () -> firefox.number("document.querySelector('#music-grid audio').currentTime") > 0.2);
        firefox.click("#ab-play");
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
        assertEquals("sad", firefox.text("document.getElementById('music-mood').value"));
        firefox.click("#music-band summary");
        firefox.evaluate("document.getElementById('music-lead').focus()");
        firefox.type("40");
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

    @Test
    @Order(2)
    void levelIsDrawnWithItsPathAndAChunkRedrawn() {
        firefox.click("#tab-levels");
        firefox.click("#level-generate");
        firefox.waitFor("the level", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent").contains("64 ×"));
        assertEquals("playable: the agent crosses it", firefox.text("document.getElementById('level-playable').textContent"));
        assertTrue(firefox.text("document.getElementById('level-canvas').getAttribute('aria-label')").contains("with a path of"));
        assertTrue(firefox.number(paintedColours("#level-canvas")) > 8, "the demo's tiles are drawn");
        firefox.click("#level-regenerate-chunk");
        firefox.waitFor("chunk 0 drawn again", WAIT,
                () -> firefox.text("document.getElementById('level-summary').textContent").contains("chunk 0 redrawn"));
    }

    @Test
    @Order(3)
    void npcAnswersWithItsFacts() throws IOException {
        firefox.click("#tab-npc");
        firefox.click("#npc-say");
        firefox.type("How much to repair my sword?\uE007");
        firefox.waitFor("a reply", WAIT, () -> firefox.number("document.querySelectorAll('#npc-log > li.npc').length") == 1);
        String source = firefox.text("document.querySelector('#npc-log > li.npc .badge').textContent");
        assertTrue(source.equals("model") || source.startsWith("fallback"), source);
        String facts = firefox.text("document.querySelector('#npc-log > li.npc .facts').textContent");
        assertTrue(facts.contains("Repairing a sword costs 12 silver"), facts);
        Files.write(shots.resolve("studio-firefox-npc.png"), firefox.screenshot());
    }

    @Test
    @Order(4)
    void dungeonAndPuzzleAreDrawnWithTheirWayThrough() throws IOException {
        firefox.click("#tab-levels");
        pickGame("zelda");
        setValue("level-rooms", "2x2");
        setValue("level-seed", "3");
        firefox.click("#level-generate");
        firefox.waitFor("a dungeon", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent")
                .startsWith("zelda · 22 × 32"));
        assertTrue(firefox.text("document.getElementById('level-playable').textContent").startsWith("playable (4/4 rooms"));
        assertTrue(firefox.text("document.getElementById('level-canvas').getAttribute('aria-label')").contains("steps from the entrance"));
        assertTrue(firefox.number(paintedColours("#level-canvas")) > 5, "the dungeon's tiles are drawn");
        assertTrue(firefox.isTrue("document.getElementById('level-edit').hidden"), "no chunk edits for a dungeon");
        byte[] png = download("level-zelda-seed3.png");
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));

        pickGame("boxoban");
        setValue("level-prompt", "easy");
        firefox.click("#level-generate");
        firefox.waitFor("a puzzle", WAIT, () -> firefox.text("document.getElementById('level-summary').textContent")
                .startsWith("boxoban · 10 × 10"));
        assertTrue(firefox.text("document.getElementById('level-playable').textContent").startsWith("solved: every box on a goal in"));
        assertTrue(firefox.text("document.getElementById('level-canvas').getAttribute('aria-label')").contains("pushes) over it"));
        String puzzle = new String(download("level-boxoban-seed3.txt"), StandardCharsets.UTF_8);
        assertEquals(10, puzzle.lines().count(), puzzle);
        Files.write(shots.resolve("studio-firefox-boxoban.png"), firefox.screenshot());
    }

    /** Picks a game in the list as a change event brings it to the page (a click would open Firefox's own popup). */
    private static void pickGame(String game) {
        firefox.evaluate("(() => { const s = document.getElementById('level-game'); s.focus(); s.value = '" + game + "';"
                + " s.dispatchEvent(new Event('change')); })()");
        assertEquals(game, firefox.text("document.getElementById('level-game').value"));
    }

    /** Types into a field as a user does: a click into it, select all, then the keys. */
    private static void setValue(String id, String value) {
        firefox.click("#" + id);
        firefox.evaluate("document.getElementById('" + id + "').select()");
        firefox.type(value);
        assertEquals(value, firefox.text("document.getElementById('" + id + "').value"));
    }

    /** Clicks the download link of file {@code name} and returns the file Firefox saved. */
    private static byte[] download(String name) throws IOException {
        firefox.click("a.download[download='" + name + "']");
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
