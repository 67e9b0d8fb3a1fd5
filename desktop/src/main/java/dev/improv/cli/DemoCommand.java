package dev.improv.cli;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.demo.DemoGame;
import dev.improv.demo.DemoSettings;
import dev.improv.model.AtomicFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `improv demo`: opens the demo game. With --autoplay a bot plays for --frames frames, the last
 * frame is saved with --screenshot, and one JSON line reports frame times and the generators'
 * figures; the exit code is 1 if no frame was drawn or the screenshot came out blank.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Opens the demo game: an endless platformer whose level, music and NPC lines are generated "
                + "live. Keys: arrows/WASD move, Space/Up/Z jump, Esc pause menu, F1/H engine HUD. Gamepad: stick or "
                + "d-pad move, A jump, Start pause menu, Back/Y engine HUD.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--autoplay", description = "A bot plays (it follows the playability agent's reachable spots).")
    boolean autoplay;

    @Option(names = "--frames", defaultValue = "0",
            description = "Quit after this many frames (0: run until the window closes; --autoplay default 600).")
    int frames;

    @Option(names = "--screenshot", description = "Save the last frame as this PNG.")
    Path screenshot;

    @Option(names = "--frame-log", description = "Write every frame's timings (interval, logic, draw, GC) to this CSV.")
    Path frameLog;

    @Option(names = "--no-music", description = "Do not start live music.")
    boolean noMusic;

    @Option(names = "--no-generation",
            description = "Peer for frame times: authored chunks and lines, no music (nothing is generated).")
    boolean noGeneration;

    @Option(names = "--width", defaultValue = "1280", description = "Window width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "720", description = "Window height (default: ${DEFAULT-VALUE}).")
    int height;

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public Integer call() throws Exception {
        if (frames < 0) {
            throw new IllegalArgumentException("--frames must be >= 0, got " + frames);
        }
        if (width < 320 || height < 240 || width > 7680 || height > 4320) {
            throw new IllegalArgumentException("--width/--height must be 320x240 to 7680x4320, got " + width + "x" + height);
        }
        int n = frames == 0 && autoplay ? 600 : frames;
        if (screenshot != null && n == 0) {
            throw new IllegalArgumentException("--screenshot needs --frames (or --autoplay) to know which frame is the last");
        }
        if (System.getProperty("os.name", "").startsWith("Linux") && blank(System.getenv("DISPLAY"))
                && blank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalArgumentException("no display (DISPLAY is not set); run under a desktop or "
                    + "xvfb-run -a -s \"-screen 0 1280x720x24\" ./improv demo ...");
        }
        DemoGame game = new DemoGame(new DemoSettings(seed.value(), autoplay, n, screenshot != null, !noMusic && !noGeneration,
                noGeneration ? DemoSettings::noGeneration : DemoSettings::defaultEngines, 0, frameLog != null));
        Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
        config.setTitle("Improv - generated platformer (seed " + seed.value() + ")");
        config.setWindowedMode(width, height);
        // Vsync paces frames where the display has it; the game's own FramePacer sits one above the
        // refresh rate so that it never makes a frame miss a vertical blank (a cap at exactly the
        // refresh rate on top of vsync drops a frame now and then), and paces frames alone under
        // Xvfb. libGDX's limiter is off: it yields, which on a busy machine makes frames late.
        int refresh = Lwjgl3ApplicationConfiguration.getDisplayMode().refreshRate;
        config.setForegroundFPS(0);
        game.paceAt((refresh > 0 ? refresh : 60) + 1);
        config.useVsync(true);
        config.setResizable(true);
        // The render thread (which creates the GL context, and with Mesa's llvmpipe its rasterizer
        // threads) outranks the generation threads. The JVM honours this on Linux only with
        // -XX:ThreadPriorityPolicy=1 as root (IMPROV_JAVA_OPTS); elsewhere it is a no-op.
        Thread.currentThread().setPriority(Thread.MAX_PRIORITY);
        try {
            new Lwjgl3Application(game, config);
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (msg.contains("GLFW") || msg.contains("display")) {
                throw new IllegalArgumentException("cannot open a window (" + msg + "); run under a display or "
                        + "xvfb-run -a -s \"-screen 0 1280x720x24\" ./improv demo ...");
            }
            throw e;
        }
        // The game keeps its outputs in memory; written here like every other output (AtomicFiles).
        byte[] png = game.screenshot();
        if (screenshot != null && png != null) {
            AtomicFiles.write(screenshot, out -> out.write(png));
        }
        if (frameLog != null && game.frameLog() != null) {
            AtomicFiles.writeString(frameLog, game.frameLog());
        }
        if (n > 0) {
            System.out.println(new ObjectMapper().writeValueAsString(game.report()));
        }
        if (game.failure() != null) {
            System.err.println("improv demo: the game failed: " + game.failure());
            return 1;
        }
        if (n > 0 && game.framesDrawn() == 0) {
            System.err.println("improv demo: no frame was drawn");
            return 1;
        }
        if (screenshot != null && game.screenshotColours() <= 1) {
            System.err.println("improv demo: the screenshot " + screenshot + " is blank"
                    + (game.screenshotColours() < 0 ? " (not taken)" : ""));
            return 1;
        }
        return 0;
    }
}
