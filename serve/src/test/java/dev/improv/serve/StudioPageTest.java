package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.engines.TransformerDialogueProvider;
import dev.improv.music.MidiFiles;
import dev.improv.music.Song;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import dev.improv.level.GameLevels;
import dev.improv.level.GeneratorSettings;
import dev.improv.level.LevelGenerator;
import dev.improv.level.LevelModel;
import dev.improv.level.TileGrid;
import dev.improv.level.sokoban.PushSolver;
import dev.improv.level.sokoban.Puzzle;
import dev.improv.level.sokoban.PuzzleResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio page in a real browser (Debian's chromium, headless, through chromium-driver) against a
 * real service node with the shipped models: every panel is clicked through as a designer would, and
 * the results must appear, play, draw and download as valid files, with no error in the console.
 * Screenshots go to {@code -Dimprov.studio.screenshots=DIR} (docs/ for the README), else target/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioPageTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static ServiceNode node;
    private static URI base;
    private static ChromeDriver driver;
    private static Path downloads;
    private static Path profile;
    private static Path shots;
    private static String dialogueModelBefore;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path chromium = installed("chromium", "chromium chromium-driver");
        Path chromedriver = installed("chromedriver", "chromium chromium-driver");
        // Real replies from the shipped dialogue model, whatever an earlier test class pointed this JVM at.
        dialogueModelBefore = System.clearProperty(TransformerDialogueProvider.MODEL_PROPERTY);
        node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(8, 16));
        base = node.uri();
        downloads = Files.createTempDirectory("improv-studio-downloads");
        profile = Files.createTempDirectory("improv-studio-profile");
        shots = Path.of(System.getProperty("improv.studio.screenshots", "target/studio-screenshots"));
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--autoplay-policy=no-user-gesture-required");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is named outright, so Selenium Manager never looks anything up on the network.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.get(base.toString());
        waitFor("the page's modules to load", () -> Boolean.TRUE.equals(js("return window.studioReady !== undefined")));
        js("return window.studioReady");
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (node != null) {
            node.close();
        }
        if (dialogueModelBefore != null) {
            System.setProperty(TransformerDialogueProvider.MODEL_PROPERTY, dialogueModelBefore);
        }
        for (Path dir : new Path[] {downloads, profile}) {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @AfterEach
    void consoleHasNoErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertTrue(errors.isEmpty(), "browser console: " + errors);
        assertFalse(driver.findElement(By.id("error")).isDisplayed(),
                "the page shows an error: " + driver.findElement(By.id("error")).getText());
    }

    @Test
    @Order(1)
    void servesOnlyItsOwnFiles() {
        HttpResponse<String> page = Http.get(base, "");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(404, Http.get(base, "studio/nothing.js").statusCode());
        assertEquals(405, Http.post(base, "", "{}").statusCode());
        assertEquals(404, Http.get(base, "studio/%2e%2e/openapi.json").statusCode());
        // Every script, style and image the page loaded came from this service.
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertFalse(loaded.isEmpty());
        for (String url : loaded) {
            assertTrue(url.startsWith(base.toString()) || url.startsWith("blob:") || url.startsWith("data:"), url);
        }
    }

    @Test
    @Order(2)
    void musicVariationsPlayDrawCompareAndDownload() throws Exception {
        // The band plays by default: four instruments, in the key asked.
        assertEquals("band", driver.findElement(By.id("music-engine")).getAttribute("value"));
        assertFalse(driver.findElement(By.id("music-temperature")).isEnabled(), "the band samples its own way");
        setValue("music-bars", "4");
        setValue("music-variations", "2");
        setValue("music-seed", "5");
        new Select(driver.findElement(By.id("music-key"))).selectByValue("Am");
        driver.findElement(By.id("music-generate")).click();
        waitFor("two playable variations", () -> count("#music-grid audio") == 2);
        assertTrue(driver.findElement(By.cssSelector("#music-grid .info")).getText().startsWith("band · 4 bars · Am · 4/4 · 120"),
                driver.findElement(By.cssSelector("#music-grid .info")).getText());
        assertTrue(driver.findElement(By.cssSelector("#music-grid .info")).getText().contains("rock drums · 4 tracks"),
                driver.findElement(By.cssSelector("#music-grid .info")).getText());
        List<WebElement> audios = driver.findElements(By.cssSelector("#music-grid audio"));
        for (WebElement audio : audios) {
            waitFor("audio metadata", () -> ((Number) js("return arguments[0].duration || 0", audio)).doubleValue() > 1);
        }
        // A real start of playback: the element's clock moves.
        js("return arguments[0].play()", audios.get(0));
        waitFor("playback to advance", () -> ((Number) js("return arguments[0].currentTime", audios.get(0))).doubleValue() > 0.2);
        js("arguments[0].pause()", audios.get(0));
        assertTrue(paintedColours(driver.findElements(By.cssSelector("#music-grid canvas.roll")).get(0)) > 3,
                "a piano roll with a colour per instrument");
        assertFalse(driver.findElements(By.xpath("//button[.='Continue this']")).get(0).isEnabled(), "the band starts its own pieces");

        // Another like this: same controls, the next unused seed, placed after its parent.
        driver.findElements(By.xpath("//button[.='Another like this']")).get(0).click();
        waitFor("a third variation", () -> count("#music-grid audio") == 3);
        List<String> seeds = driver.findElements(By.cssSelector("#music-grid article")).stream()
                .map(a -> a.getAttribute("data-seed")).toList();
        assertEquals(List.of("5", "7", "6"), seeds);

        // A/B: switching keeps the moment of the piece.
        driver.findElements(By.xpath("//button[.='Set as A']")).get(0).click();
        driver.findElements(By.xpath("//button[.='Set as B']")).get(1).click();
        driver.findElement(By.id("ab-play")).click();
        WebElement first = driver.findElements(By.cssSelector("#music-grid audio")).get(0);
        WebElement second = driver.findElements(By.cssSelector("#music-grid audio")).get(1);
        waitFor("A to play", () -> ((Number) js("return arguments[0].currentTime", first)).doubleValue() > 0.3);
        driver.findElement(By.id("ab-switch")).click();
        waitFor("B to play", () -> !(Boolean) js("return arguments[0].paused", second));
        assertTrue((Boolean) js("return arguments[0].paused", first));
        assertTrue(((Number) js("return arguments[0].currentTime", second)).doubleValue() > 0.3, "B starts where A was");
        assertEquals("Pause B", driver.findElement(By.id("ab-play")).getText());
        driver.findElement(By.id("ab-play")).click();

        byte[] midi = download("MIDI", "music-seed5.mid");
        Song song = MidiFiles.read(midi, "music-seed5.mid");
        assertEquals(List.of("harmony", "bass", "drums", "lead"), song.tracks().stream().map(dev.improv.music.Track::name).toList());
        assertEquals(Key.parse("Am"), song.key());
        assertEquals(Meter.parse("4/4"), song.meterAt(0));
        byte[] wav = download("WAV", "music-seed5.wav");
        assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));

        // Copy as code: the CLI line names this variation's controls exactly.
        WebElement code = driver.findElements(By.cssSelector("#music-grid details.code")).get(0);
        code.findElement(By.tagName("summary")).click();
        String text = code.getText();
        assertTrue(text.contains("./improv music --key Am --meter 4/4 --tempo 120 --intensity 4 --bars 4 --seed 5"), text);
        assertTrue(text.contains("BandControls controls = BandControls.DEFAULT"), text);
        assertTrue(text.contains("band.generate(4, controls, 5L)"), text);
        shot("studio-music.png");
        code.findElement(By.tagName("summary")).click();

        // Melody and chords (the transformer): sampling on, mood off, and a piece can be continued.
        new Select(driver.findElement(By.id("music-engine"))).selectByValue("transformer");
        assertTrue(driver.findElement(By.id("music-temperature")).isEnabled());
        assertFalse(driver.findElement(By.id("music-mood")).isEnabled());
        assertFalse(driver.findElement(By.id("music-lead")).isEnabled());
        setValue("music-variations", "1");
        driver.findElement(By.id("music-generate")).click();
        waitFor("the two-part piece", () -> count("#music-grid audio") == 1
                && driver.findElement(By.cssSelector("#music-grid .info")).getText().startsWith("melody and chords · 4 bars"));
        WebElement twoPart = driver.findElement(By.cssSelector("#music-grid article"));
        assertTrue(twoPart.getText().contains("2 tracks"), twoPart.getText());
        WebElement twoPartAudio = twoPart.findElement(By.tagName("audio"));
        waitFor("its audio", () -> ((Number) js("return arguments[0].duration || 0", twoPartAudio)).doubleValue() > 1);
        double shorter = ((Number) js("return arguments[0].duration", twoPartAudio)).doubleValue();
        driver.findElement(By.xpath("//button[.='Continue this']")).click();
        waitFor("a continued piece", () -> count("#music-grid audio") == 2);
        WebElement continued = driver.findElements(By.cssSelector("#music-grid article")).get(1);
        assertEquals("Seed 5 + 4 bars", continued.findElement(By.tagName("h3")).getText());
        WebElement longer = continued.findElement(By.tagName("audio"));
        waitFor("its audio", () -> ((Number) js("return arguments[0].duration || 0", longer)).doubleValue() > shorter + 4);
        continued.findElement(By.cssSelector("details.code summary")).click();
        assertTrue(continued.getText().contains("./improv music --engine transformer --key Am --meter 4/4 --tempo 120 --bars 4 "
                + "--intensity 4 --seed 5 --temperature 0.95 --top-p 0.95 --key-strength 1.5 --prime music-seed5.mid "
                + "--out music-seed5-more.mid"), continued.getText());
        assertTrue(continued.getText().contains("new SongRequest(4, controls, 5L, sampling, MidiFiles.read("), continued.getText());
        byte[] more = download("MIDI", "music-seed5-more.mid");
        assertEquals(2, MidiFiles.read(more, "more.mid").tracks().size(), "melody and chords");
        continued.findElement(By.cssSelector("details.code summary")).click();

        // Intensity per section, on the band: two sections, the second raised from the keyboard.
        new Select(driver.findElement(By.id("music-engine"))).selectByValue("band");
        setValue("music-sections", "2");
        WebElement secondSection = driver.findElement(By.cssSelector("#music-intensity-sections label:nth-of-type(2) input"));
        secondSection.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        driver.findElement(By.id("music-generate")).click();
        waitFor("the sectioned piece", () -> count("#music-grid audio") == 1
                && driver.findElement(By.cssSelector("#music-grid .info")).getText().contains("intensity 4→6"));
        WebElement sectioned = driver.findElement(By.cssSelector("#music-grid article"));
        sectioned.findElement(By.cssSelector("details.code summary")).click();
        assertTrue(sectioned.getText().contains("band.generate(controls, 5L, List.of(4, 4, 6, 6));"), sectioned.getText());
        assertTrue(sectioned.getText().contains("./improv music --key Am --meter 4/4 --tempo 120 --sections 2:4,2:6 --seed 5"),
                sectioned.getText());

        // A mood plays its preset: the mood's key, meter and tempo, the designer's intensity, lead and drums.
        setValue("music-sections", "1");
        new Select(driver.findElement(By.id("music-mood"))).selectByValue("battle");
        assertEquals("", driver.findElement(By.id("music-key")).getAttribute("value"));
        driver.findElement(By.cssSelector("#music-band summary")).click();
        new Select(driver.findElement(By.id("music-lead"))).selectByValue("40");
        new Select(driver.findElement(By.id("music-drum-style"))).selectByValue("funk");
        driver.findElement(By.id("music-generate")).click();
        waitFor("the band", () -> count("#music-grid audio") == 1
                && driver.findElement(By.cssSelector("#music-grid .info")).getText().startsWith("battle band · 4 bars"));
        WebElement band = driver.findElement(By.cssSelector("#music-grid article"));
        assertTrue(band.getText().contains("funk drums"), band.getText());
        WebElement bandAudio = band.findElement(By.tagName("audio"));
        waitFor("the band's audio", () -> ((Number) js("return arguments[0].duration || 0", bandAudio)).doubleValue() > 1);
        band.findElement(By.cssSelector("details.code summary")).click();
        assertTrue(band.getText().contains("./improv music --mood battle --drum-style funk --lead 40 --intensity 4 --bars 4 --seed 5"),
                band.getText());
        assertTrue(band.getText().contains("BandControls.of(MoodLibrary.standard().get(\"battle\"), 5L)"), band.getText());
        assertTrue(band.getText().contains("controls.instruments().with(Layer.LEAD, 40)"), band.getText());
        Files.delete(downloads.resolve("music-seed5.mid"));
        Song battle = MidiFiles.read(download("MIDI", "music-seed5.mid"), "battle.mid");
        assertEquals(40, battle.tracks().get(3).program(), "the lead the designer picked");
        assertTrue(battle.key().minor(), "battle is a minor mood");

        // A designer's own mood file: its moods join the list and play, and copy as code names the file.
        Path moods = Files.createTempDirectory("studio-moods").resolve("spooky.json");
        Files.writeString(moods, "{\"spooky\": {\"mode\": \"minor\", \"tonic\": \"A\", \"tempo\": [90, 90], \"meter\": \"3/4\","
                + " \"intensity\": 6, \"drumStyle\": \"jazz\", \"instruments\": {\"lead\": 11, \"harmony\": 19, \"bass\": 35}}}");
        new Select(driver.findElement(By.id("music-lead"))).selectByValue("");
        new Select(driver.findElement(By.id("music-drum-style"))).selectByValue("");
        driver.findElement(By.id("music-moods")).sendKeys(moods.toString());
        waitFor("the file's mood chosen", () -> "file:spooky".equals(driver.findElement(By.id("music-mood")).getAttribute("value")));
        driver.findElement(By.id("music-generate")).click();
        waitFor("the designer's mood", () -> count("#music-grid audio") == 1
                && driver.findElement(By.cssSelector("#music-grid .info")).getText().startsWith("spooky band · 4 bars · Am · 3/4 · 90"));
        WebElement spooky = driver.findElement(By.cssSelector("#music-grid article"));
        spooky.findElement(By.cssSelector("details.code summary")).click();
        assertTrue(spooky.getText().contains("./improv music --mood spooky --moods spooky.json --intensity 4 --bars 4 --seed 5"),
                spooky.getText());
        assertTrue(spooky.getText().contains("MoodLibrary.load(Path.of(\"spooky.json\")).get(\"spooky\")"), spooky.getText());
        Files.delete(downloads.resolve("music-seed5.mid"));
        Song designed = MidiFiles.read(download("MIDI", "music-seed5.mid"), "spooky.mid");
        assertEquals(Meter.parse("3/4"), designed.meterAt(0));
        assertEquals(List.of(19, 35, 11), List.of(designed.tracks().get(0).program(), designed.tracks().get(1).program(),
                designed.tracks().get(3).program()), "the file's harmony, bass and lead");
        shot("studio-music-band.png");
        new Select(driver.findElement(By.id("music-mood"))).selectByValue("");
    }

    @Test
    @Order(3)
    void levelIsDrawnContinuedAndDownloaded() throws Exception {
        // Keyboard: arrow keys move between tabs.
        driver.findElement(By.id("tab-music")).sendKeys(Keys.ARROW_RIGHT);
        assertTrue(driver.findElement(By.id("panel-levels")).isDisplayed());
        assertEquals(driver.findElement(By.id("tab-levels")), driver.switchTo().activeElement());
        // A prompt the model does not know: the service's message, naming the field, is shown.
        setValue("level-prompt", "many dragons");
        driver.findElement(By.id("level-generate")).click();
        waitFor("the error", () -> driver.findElement(By.id("error")).isDisplayed());
        String error = driver.findElement(By.id("error")).getText();
        assertTrue(error.contains("unknown word \"dragons\"") && error.endsWith("[prompt]"), error);
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            assertTrue(e.getMessage().contains("v1/levels") && e.getMessage().contains("400"), "only the refused request: " + e);
        }
        setValue("level-prompt", "many pipes");
        setValue("level-width", "48");
        setValue("level-seed", "3");
        driver.findElement(By.id("level-generate")).click();
        waitFor("the level", () -> driver.findElement(By.id("level-result")).isDisplayed()
                && driver.findElement(By.id("level-summary")).getText().contains("48 ×"));
        WebElement canvas = driver.findElement(By.id("level-canvas"));
        assertEquals(48 * 32L, ((Number) js("return arguments[0].width", canvas)).longValue());
        assertTrue(paintedColours(canvas) > 8, "the demo's tiles are drawn");
        assertEquals("playable: the agent crosses it", driver.findElement(By.id("level-playable")).getText());
        // The agent's reach is drawn over the tiles, and off again when unticked.
        String withReach = pixels(canvas);
        driver.findElement(By.id("level-show-reach")).click();
        assertFalse(withReach.equals(pixels(canvas)), "the overlay changes the picture");
        driver.findElement(By.id("level-show-reach")).sendKeys(Keys.SPACE);
        assertSamePicture(withReach, pixels(canvas), "reach off and on again");
        // So is the agent's path across.
        driver.findElement(By.id("level-show-path")).click();
        String withoutPath = pixels(canvas);
        assertFalse(withReach.equals(withoutPath), "the path changes the picture");
        driver.findElement(By.id("level-show-path")).sendKeys(Keys.SPACE);
        assertSamePicture(withReach, pixels(canvas), "path off and on again");
        assertTrue(canvas.getAttribute("aria-label").contains("with a path of"), canvas.getAttribute("aria-label"));
        String vglc = new String(download("VGLC text", "level-smb-seed3.txt"), StandardCharsets.UTF_8);
        assertEquals(48, vglc.lines().findFirst().orElseThrow().length());

        driver.findElement(By.id("level-continue")).click();
        waitFor("the continued level", () -> driver.findElement(By.id("level-summary")).getText().contains("64 ×"));
        Files.delete(downloads.resolve("level-smb-seed3.txt"));
        String longer = new String(download("VGLC text", "level-smb-seed3.txt"), StandardCharsets.UTF_8);
        List<String> before = vglc.lines().toList();
        List<String> after = longer.lines().toList();
        assertEquals(before.size(), after.size());
        for (int r = 0; r < before.size(); r++) {
            assertEquals(before.get(r), after.get(r).substring(0, 48), "continue keeps row " + r);
        }
        byte[] png = download("PNG", "level-smb-seed3.png");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String tmx = new String(download("TMX", "level-smb-seed3.tmx"), StandardCharsets.UTF_8);
        assertTrue(tmx.contains("<map") && tmx.contains("width=\"64\""), tmx.substring(0, Math.min(300, tmx.length())));
        driver.findElement(By.cssSelector("#level-code summary")).click();
        assertTrue(driver.findElement(By.id("level-code")).getText()
                .contains("./improv level --game smb --prompt 'many pipes' --chunks 4 --seed 3"));

        // Regenerate one chunk: picked by a click on it in the level, drawn again, every other column kept.
        // Selenium's offsets count from the middle of the element's visible part (the level scrolls sideways).
        int fromVisibleMiddle = ((Number) js("const c = arguments[0].getBoundingClientRect();"
                + " const box = arguments[0].parentElement.getBoundingClientRect();"
                + " const left = Math.max(c.left, box.left), right = Math.min(c.right, box.right, window.innerWidth);"
                + " return Math.round(c.left + 24 * 32 - (left + right) / 2);", canvas)).intValue();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(canvas, fromVisibleMiddle, 0).click().perform();
        assertEquals("1", new Select(driver.findElement(By.id("level-chunk"))).getFirstSelectedOption().getAttribute("value"));
        driver.findElement(By.id("level-regenerate-chunk")).click();
        waitFor("chunk 1 drawn again", () -> driver.findElement(By.id("level-summary")).getText().contains("chunk 1 redrawn"));
        String edited = new String(download("VGLC text", "level-smb-seed3-edit1.txt"), StandardCharsets.UTF_8);
        List<String> whole = longer.lines().toList();
        List<String> redrawn = edited.lines().toList();
        boolean changed = false;
        for (int r = 0; r < whole.size(); r++) {
            assertEquals(whole.get(r).substring(0, 16), redrawn.get(r).substring(0, 16), "chunk 0 kept, row " + r);
            assertEquals(whole.get(r).substring(32), redrawn.get(r).substring(32), "chunks 2 and 3 kept, row " + r);
            changed |= !whole.get(r).substring(16, 32).equals(redrawn.get(r).substring(16, 32));
        }
        assertTrue(changed, "chunk 1 is new");
        assertEquals("playable: the agent crosses it", driver.findElement(By.id("level-playable")).getText());
        driver.findElement(By.cssSelector("#level-code summary")).click();
        String code = driver.findElement(By.id("level-code")).getText();
        assertTrue(code.contains("./improv level --game smb --prompt 'many pipes' --from level-smb-seed3.txt "
                + "--regenerate-chunk 1 --seed 4 --attempts 24 --out level-smb-seed3-edit1.txt"), code);
        assertTrue(code.contains("gen.replaceChunk(from, 1, \"many pipes\", 4L)"), code);
        // What the copied Java call makes is the level shown, byte for byte.
        try (LevelGenerator gen = LevelModel.load("smb").newGenerator(GeneratorSettings.DEFAULT.withAttempts(24), 4)) {
            gen.parsePrompt("many pipes");
            assertEquals(edited, gen.replaceChunk(TileGrid.ofRows(whole), 1, "many pipes", 4).toText());
        }
        shot("studio-levels.png");

        // Continue the edited level: it is sent as it is, and one chunk follows it.
        driver.findElement(By.id("level-continue")).click();
        waitFor("the edited level continued", () -> driver.findElement(By.id("level-summary")).getText().contains("80 ×"));
        List<String> grown = new String(download("VGLC text", "level-smb-seed3-edit2.txt"), StandardCharsets.UTF_8).lines().toList();
        for (int r = 0; r < redrawn.size(); r++) {
            assertEquals(redrawn.get(r), grown.get(r).substring(0, 64), "continue keeps the edit, row " + r);
        }

        driver.findElement(By.id("level-regenerate")).click();
        waitFor("a new seed", () -> driver.findElement(By.id("level-summary")).getText().contains("64 ×")
                && driver.findElement(By.id("level-summary")).getText().contains("seed 4"));

        new Select(driver.findElement(By.id("level-game"))).selectByValue("lode-runner");
        setValue("level-prompt", "");
        setValue("level-width", "32");
        driver.findElement(By.id("level-generate")).click();
        waitFor("a Lode Runner level", () -> driver.findElement(By.id("level-summary")).getText().startsWith("lode-runner · 32 ×"));
        assertTrue(paintedColours(canvas) > 8, "Lode Runner tiles are drawn");
        assertEquals("playability not checked for this game", driver.findElement(By.id("level-playable")).getText());
        assertFalse(driver.findElement(By.id("level-show-reach")).isDisplayed(), "no reach to show without an agent");
    }

    @Test
    @Order(5)
    void dungeonsAndPuzzlesAreDrawnInTheirOwnTilesWithTheirWayThrough() throws Exception {
        driver.findElement(By.id("tab-levels")).click();
        Select game = new Select(driver.findElement(By.id("level-game")));
        WebElement canvas = driver.findElement(By.id("level-canvas"));

        // A dungeon: sized in rooms, drawn in its own tiles, with a walk from the entrance over it.
        game.selectByValue("zelda");
        assertFalse(driver.findElement(By.id("level-width")).isDisplayed(), "a dungeon has no width");
        assertTrue(driver.findElement(By.id("level-rooms")).isDisplayed());
        assertEquals("some enemies, few blocks", driver.findElement(By.id("level-prompt")).getAttribute("value"),
                "the prompt switches to the game's own words");
        setValue("level-rooms", "2x2");
        setValue("level-seed", "3");
        driver.findElement(By.id("level-generate")).click();
        waitFor("a dungeon", () -> driver.findElement(By.id("level-summary")).getText().startsWith("zelda · 22 × 32"));
        assertTrue(driver.findElement(By.id("level-playable")).getText().startsWith("playable (4/4 rooms"),
                driver.findElement(By.id("level-playable")).getText());
        assertTrue(driver.findElement(By.id("level-edit")).isDisplayed(), "a dungeon is edited room by room");
        assertEquals("Regenerate this room", driver.findElement(By.id("level-regenerate-chunk")).getText());
        assertEquals(4, new Select(driver.findElement(By.id("level-chunk"))).getOptions().size(), "a 2 x 2 dungeon's rooms");
        assertFalse(driver.findElement(By.id("level-continue")).isEnabled());
        assertTrue(canvas.getAttribute("aria-label").contains("steps from the entrance"), canvas.getAttribute("aria-label"));
        String withWalk = pixels(canvas);
        driver.findElement(By.id("level-show-path")).click();
        String tilesOnly = pixels(canvas);
        assertFalse(withWalk.equals(tilesOnly), "the walk is drawn over the dungeon");
        byte[] png = download("PNG", "level-zelda-seed3.png");
        assertScaledCopy(png, tilesOnly, 2, "the dungeon on the page is the service's picture in the game's tiles");
        String dungeon = new String(download("VGLC text", "level-zelda-seed3.txt"), StandardCharsets.UTF_8);
        String tmx = new String(download("TMX", "level-zelda-seed3.tmx"), StandardCharsets.UTF_8);
        assertTrue(tmx.contains("<objectgroup") && tmx.contains("name=\"start\""), "entities and the start as objects");
        driver.findElement(By.cssSelector("#level-code summary")).click();
        String code = driver.findElement(By.id("level-code")).getText();
        assertTrue(code.contains("./improv level --game zelda --prompt 'some enemies, few blocks' --rooms 2x2 --seed 3"), code);
        // The copied Java call makes the dungeon shown.
        GameLevels zelda = GameLevels.builtIn("zelda");
        assertTrue(code.contains("TileGrid level = game.generate(new GameLevels.Order(\"some enemies, few blocks\", 0, null, "
                + "GameLevels.rooms(\"2x2\"), 24, 3L), null);"), code);
        assertEquals(dungeon, zelda.generate(new GameLevels.Order("some enemies, few blocks", 0, null, GameLevels.rooms("2x2"),
                24, 3), null).toText());
        driver.findElement(By.id("level-show-path")).sendKeys(Keys.SPACE);
        shot("studio-levels-zelda.png");

        // A push puzzle: its difficulty is the prompt; the solution (walk and pushes) is drawn over it.
        game.selectByValue("boxoban");
        assertFalse(driver.findElement(By.id("level-rooms")).isDisplayed());
        assertEquals("medium", driver.findElement(By.id("level-prompt")).getAttribute("value"));
        setValue("level-prompt", "hard");
        setValue("level-seed", "2");
        driver.findElement(By.id("level-generate")).click();
        waitFor("a puzzle", () -> driver.findElement(By.id("level-summary")).getText().startsWith("boxoban · 10 × 10"));
        String summary = driver.findElement(By.id("level-summary")).getText();
        assertTrue(summary.contains("hard (19 or more pushes)"), summary);
        String puzzle = new String(download("Puzzle text", "level-boxoban-seed2.txt"), StandardCharsets.UTF_8);
        PushSolver.Verdict verdict = new PushSolver().solve(Puzzle.parse(puzzle));
        assertTrue(verdict.solved(), puzzle);
        assertTrue(summary.contains(" · " + verdict.pushes() + " pushes"), "the pushes the page states are the fewest: " + summary);
        assertEquals("solved: every box on a goal in " + verdict.pushes() + " pushes",
                driver.findElement(By.id("level-playable")).getText());
        assertTrue(canvas.getAttribute("aria-label").contains("(" + verdict.pushes() + " pushes) over it"),
                canvas.getAttribute("aria-label"));
        String withSolution = pixels(canvas);
        driver.findElement(By.id("level-show-path")).click();
        String board = pixels(canvas);
        assertFalse(withSolution.equals(board), "the solution is drawn over the puzzle");
        assertScaledCopy(download("PNG", "level-boxoban-seed2.png"), board, 3, "the puzzle on the page is the service's picture, larger");
        assertTrue(new String(download("TMX", "level-boxoban-seed2.tmx"), StandardCharsets.UTF_8).contains("<map"));
        driver.findElement(By.cssSelector("#level-code summary")).click();
        code = driver.findElement(By.id("level-code")).getText();
        assertTrue(code.contains("./improv level --game boxoban --prompt hard --seed 2"), code);
        PuzzleResult copied = GameLevels.builtIn("boxoban").puzzle(new GameLevels.Order("hard", 0, null, GameLevels.rooms("4x3"), 24, 2));
        assertEquals(puzzle, copied.puzzle().toText(), "the copied Java call makes the puzzle shown");
        driver.findElement(By.id("level-show-path")).sendKeys(Keys.SPACE);
        shot("studio-levels-boxoban.png");
        // Regenerate: the next seed, another verified puzzle of the same difficulty.
        driver.findElement(By.id("level-regenerate")).click();
        waitFor("the next seed's puzzle", () -> driver.findElement(By.id("level-summary")).getText().contains("seed 3"));
        String next = new String(download("Puzzle text", "level-boxoban-seed3.txt"), StandardCharsets.UTF_8);
        assertFalse(next.equals(puzzle), "a new seed, a new puzzle");
        assertTrue(new PushSolver().solve(Puzzle.parse(next)).pushes() >= 19, "still hard:\n" + next);
    }

    /** The canvas without overlays is the service's PNG drawn {@code k} times its size, pixel for pixel (up to rounding). */
    private static void assertScaledCopy(byte[] png, String canvasDataUrl, int k, String what) throws IOException {
        java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(small.getWidth() * k, small.getHeight() * k,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, small.getRGB(x / k, y / k) | 0xff000000);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(big, "png", out);
        assertSamePicture("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(out.toByteArray()),
                canvasDataUrl, what);
    }

    @Test
    @Order(4)
    void npcAnswersFromItsCardAndTheCardSaves() throws Exception {
        driver.findElement(By.id("tab-npc")).click();
        assertEquals("Dagna Holt", driver.findElement(By.id("npc-name")).getAttribute("value"));
        WebElement say = driver.findElement(By.id("npc-say"));
        say.sendKeys("How much to repair my sword?", Keys.ENTER);
        waitFor("a reply", () -> count("#npc-log > li.npc") == 1);
        WebElement reply = driver.findElement(By.cssSelector("#npc-log > li.npc"));
        String source = reply.findElement(By.cssSelector(".badge")).getText();
        assertTrue(source.equals("model") || source.startsWith("fallback"), source);
        assertFalse(reply.findElement(By.cssSelector(".text")).getText().isBlank());
        String facts = reply.findElement(By.cssSelector(".facts")).getText();
        assertTrue(facts.contains("Repairing a sword costs 12 silver"), facts);

        driver.findElement(By.id("npc-say")).sendKeys("When does the forge open?", Keys.ENTER);
        waitFor("a second reply", () -> count("#npc-log > li.npc") == 2);
        WebElement second = driver.findElements(By.cssSelector("#npc-log > li.npc")).get(1);
        second.findElement(By.cssSelector("summary")).click();
        String code = second.getText();
        assertTrue(code.contains("Turn.player(\"How much to repair my sword?\")"), code);

        // A card edited in the page is what the service answers from.
        WebElement factsBox = driver.findElement(By.id("npc-facts"));
        factsBox.sendKeys(Keys.END, Keys.ENTER, "I shoe horses for 5 copper a hoof on Mondays.");
        driver.findElement(By.id("npc-save-card")).click();
        JsonNode card = JSON.readTree(waitForFile("dagna-holt.json"));
        assertEquals("Dagna Holt", card.path("name").asText());
        assertEquals("I shoe horses for 5 copper a hoof on Mondays.", card.path("facts").get(card.path("facts").size() - 1).asText());
        assertEquals("grumpy", card.path("mood").asText());
        driver.findElement(By.id("npc-save-world")).click();
        assertTrue(JSON.readTree(waitForFile("world.json")).path("facts").size() >= 5);
        shot("studio-npc.png");
    }

    /** Clicks the download link labelled {@code label} whose file is {@code name} and returns the file's bytes. */
    private static byte[] download(String label, String name) throws IOException {
        WebElement link = driver.findElement(By.cssSelector("a.download[download='" + name + "']"));
        assertEquals(label, link.getText().replace("⤓", "").strip());
        link.click();
        return waitForFile(name);
    }

    private static byte[] waitForFile(String name) throws IOException {
        Path file = downloads.resolve(name);
        waitFor("download " + name, () -> Files.isRegularFile(file) && file.toFile().length() > 0
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return Files.readAllBytes(file);
    }

    /**
     * The same picture up to rounding: no channel of any pixel more than 2 apart (Chromium may move a
     * canvas from one rasteriser to another once it has been read back, which changes a few pixels of
     * an antialiased line by 1). When not, both are written to target/ to be looked at.
     */
    private static void assertSamePicture(String expected, String actual, String what) throws IOException {
        java.awt.image.BufferedImage a = picture(expected);
        java.awt.image.BufferedImage b = picture(actual);
        assertEquals(a.getWidth() + "x" + a.getHeight(), b.getWidth() + "x" + b.getHeight(), what + ": the size");
        int differ = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)) > 2) {
                        differ++;
                        break;
                    }
                }
            }
        }
        if (differ > 0) {
            Files.write(Path.of("target", "picture-expected.png"), java.util.Base64.getDecoder().decode(expected.substring(expected.indexOf(',') + 1)));
            Files.write(Path.of("target", "picture-actual.png"), java.util.Base64.getDecoder().decode(actual.substring(actual.indexOf(',') + 1)));
            throw new AssertionError(what + ": " + differ + " pixels differ (target/picture-expected.png, target/picture-actual.png)");
        }
    }

    private static java.awt.image.BufferedImage picture(String dataUrl) throws IOException {
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1))));
    }

    /** The canvas as a data URL: equal pictures, equal strings. */
    private static String pixels(WebElement canvas) {
        return (String) js("return arguments[0].toDataURL()", canvas);
    }

    /** Distinct colours on a canvas (sampled, from a copy, so the page's canvas is never read back): a blank one has 1. */
    private static int paintedColours(WebElement canvas) {
        return ((Number) js("const s = arguments[0]; const c = document.createElement('canvas'); c.width = s.width; c.height = s.height;"
                + "const g = c.getContext('2d', {willReadFrequently: true}); g.drawImage(s, 0, 0);"
                + "const d = g.getImageData(0, 0, c.width, c.height).data;"
                + "const seen = new Set(); for (let i = 0; i < d.length; i += 4 * 7) { seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); }"
                + "return seen.size;", canvas)).intValue();
    }

    private static void setValue(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier done) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for " + what + "; page says: "
                + driver.findElement(By.id("error")).getText()).until(d -> done.getAsBoolean());
    }

    private static void shot(String name) throws IOException {
        js("window.scrollTo(0, 0)");
        Files.write(shots.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** A program on the PATH; without it the test is skipped, but under CI (where .ci/run installs {@code packages}) it fails. */
    static Path installed(String program, String packages) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path p = Path.of("/usr/bin", program);
        if (Files.isExecutable(p)) {
            return p;
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(program + " is not installed (.ci/run installs " + packages + ")");
        }
        Assumptions.assumeTrue(false, program + " is not installed (apt-get install " + packages + ")");
        return null;
    }
}
