package dev.improv.demo;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.glutils.FrameBuffer;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.utils.ScreenUtils;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.SessionStats;
import dev.improv.demo.FrameTimes.Series;
import dev.improv.demo.InputMap.Action;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Improv demo: an endless platformer whose level, music and NPC lines are generated while it
 * runs. Logic lives in {@link GameSession}; this class adds input and drawing, and draws nothing
 * when there is no GL context (the headless backend), so tests run the same game without a window.
 */
public final class DemoGame extends ApplicationAdapter {
    private static final float RESTART_SECONDS = 2.5f;
    /** Game over shows for this long before a confirm press restarts (so a jump press does not skip it). */
    private static final float RESTART_LOCK_SECONDS = 1f;
    /**
     * With {@code -Dimprov.demo.passTimes=true} each drawing pass ends with glFinish and is timed,
     * so a software renderer's rasterising shows up in the pass that caused it. It serialises the
     * frame: for finding where time goes, not for measuring frame times.
     */
    private static final boolean PASS_TIMES = Boolean.getBoolean("improv.demo.passTimes");

    private FramePacer pacer;
    private final DemoSettings settings;
    private GameSession game;
    private final Autopilot autopilot = new Autopilot();
    private InputMap input;
    /** Who plays: the keyboard and gamepads through {@link #input}, or the bot. */
    private GameSession.Pilot pilot;
    private final FrameTimes times = new FrameTimes();
    private PauseMenu menu;
    private ThreadNice threadNice;
    // Drawing, only with a GL context:
    private SpriteBatch batch;
    /** The world is drawn at 1/WORLD_SCALE of the window's resolution. */
    private static final int WORLD_SCALE = 2;
    private FrameBuffer worldBuffer;
    private Art art;
    private BitmapFont font;
    private LevelView view;
    private Hud hud;
    private volatile int framesRun;
    /** The frame in which the first world's first chunk arrived, or -1. */
    private int playFrom = -1;
    /**
     * The first frame after the loading screen, or -1 while it is up: frame times and the frame
     * count of a run ({@code --frames}) start here.
     */
    private int playStart = -1;
    private int framesDrawn;
    /** The last frame, once taken (render thread writes, the launcher reads after the app ends). */
    private volatile Screenshot lastFrame;
    /** Every frame's timings as CSV, kept at dispose when the settings ask for it. */
    private volatile String frameLog;
    private float gameOverSeconds;
    private int restarts;
    private float distance;
    private boolean finished;
    private ObjectNode report;
    private int earlierDeaths;
    private String failure;

    public DemoGame(DemoSettings settings) {
        this.settings = settings;
    }

    @Override
    public void create() {
        // Errors only: stdout carries the run's JSON report, which info lines (gdx-controllers logs
        // its manager coming and going) would break for scripts that read it.
        Gdx.app.setLogLevel(com.badlogic.gdx.Application.LOG_ERROR);
        menu = new PauseMenu(settings.seed());
        threadNice = ThreadNice.start();
        game = new GameSession(settings.improv().get(), settings.improv().get(), settings.seed(), settings.music());
        game.setVolume(menu.volume);
        if (Gdx.gl != null) {
            batch = new SpriteBatch();
            art = new Art();
            font = new BitmapFont();
            font.getRegion().getTexture().setFilter(Texture.TextureFilter.Linear, Texture.TextureFilter.Linear);
            font.setUseIntegerPositions(true);
            view = new LevelView(art);
            hud = new Hud(art, font);
            hud.engineStats = settings.autoplay();
            resize(Gdx.graphics.getWidth(), Gdx.graphics.getHeight());
        }
        input = new InputMap(key -> Gdx.input != null && Gdx.input.isKeyPressed(key), InputMap.gamepads(), this::press);
        pilot = settings.autoplay() ? autopilot::control : input::control;
        if (Gdx.input != null) {
            Gdx.input.setInputProcessor(new InputAdapter() {
                @Override
                public boolean keyDown(int key) {
                    return input.keyDown(key);
                }

                @Override
                public boolean keyTyped(char c) {
                    return menu.keyTyped(c); // digits of the seed field: text entry is the keyboard's
                }
            });
        }
    }

    /** A press from keyboard or gamepad: the open menu takes it first, then pause, HUD and restart. */
    private boolean press(Action action) {
        if (playStart < 0) {
            return false; // the loading screen takes no input (a menu opened behind it would show after)
        }
        if (menu.press(action)) {
            return true;
        }
        switch (action) {
            case PAUSE -> menu.open = true;
            case HUD -> {
                if (hud != null) {
                    hud.engineStats = !hud.engineStats;
                }
            }
            case CONFIRM -> {
                if (!game.world.gameOver || gameOverSeconds < RESTART_LOCK_SECONDS) {
                    return false;
                }
                restart(game.seed);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void resize(int width, int height) {
        if (view != null && width > 0 && height > 0) {
            view.resize(width, height, game.world.map.height());
            hud.resize(width, height);
        }
    }

    /** Paces frames with a {@link FramePacer} (the desktop window does; headless tests run unpaced). */
    public void paceAt(int framesPerSecond) {
        pacer = new FramePacer(framesPerSecond);
    }

    @Override
    public void render() {
        if (finished) {
            return; // exit() lets one more frame run
        }
        if (pacer != null) {
            pacer.awaitNextFrame();
        }
        long start = System.nanoTime();
        times.begin(start);
        float dt = settings.frameSeconds() > 0 ? settings.frameSeconds() : Math.min(Gdx.graphics.getDeltaTime(), 0.1f);
        input.pollPads();
        applyMenu();
        boolean paused = menu.open;
        float before = game.world.player == null ? 0 : game.world.furthest;
        boolean loading;
        try {
            loading = game.loading();
            if (!loading && playStart < 0) {
                // This frame held the loading screen's garbage collection, so the next frame's
                // interval (from this frame's start) holds it too: play is timed from the one after.
                playStart = framesRun + 2;
            }
            game.frame(pilot, dt, paused || loading);
        } catch (RuntimeException e) {
            failure = e.toString();
            finished = true;
            Gdx.app.exit();
            throw e;
        }
        times.logicDone(System.nanoTime());
        if (playFrom < 0 && game.world.started()) {
            playFrom = framesRun;
        }
        distance += Math.max(0, game.world.furthest - before);
        if (game.world.gameOver) {
            gameOverSeconds += dt;
            if (settings.autoplay() && gameOverSeconds > RESTART_SECONDS) {
                restart(game.seed);
            }
        }
        if (batch != null) {
            draw(dt, loading);
            if (playStart >= 0 && framesRun >= playStart) {
                framesDrawn++;
            }
        }
        times.drawDone(System.nanoTime());
        times.end(System.nanoTime());
        framesRun++;
        if (settings.frames() > 0 && framesPlayed() >= settings.frames()) {
            if (batch != null && settings.screenshot()) {
                lastFrame = Screenshot.take();
            }
            finished = true;
            Gdx.app.exit();
        }
    }

    private void applyMenu() {
        if (menu.quit) {
            menu.quit = false;
            Gdx.app.exit();
        }
        if (menu.newWorldSeed != null) {
            long seed = menu.newWorldSeed;
            menu.newWorldSeed = null;
            restart(seed);
        }
        game.setVolume(menu.volume);
        game.pauseMusic(menu.open);
    }

    private void restart(long seed) {
        earlierDeaths += game.world.deaths;
        game.newWorld(seed);
        gameOverSeconds = 0;
        restarts++;
        if (view != null) {
            view.resize(Gdx.graphics.getWidth(), Gdx.graphics.getHeight(), game.world.map.height());
        }
    }

    private void draw(float dt, boolean loading) {
        int w = Gdx.graphics.getBackBufferWidth();
        int h = Gdx.graphics.getBackBufferHeight();
        // The pixel-art world is drawn at half resolution and scaled up (nearest): a quarter of the
        // pixels to fill, which matters on a software renderer sharing the CPU with the generators.
        int fw = Math.max(1, w / WORLD_SCALE);
        int fh = Math.max(1, h / WORLD_SCALE);
        if (worldBuffer == null || worldBuffer.getWidth() != fw || worldBuffer.getHeight() != fh) {
            if (worldBuffer != null) {
                worldBuffer.dispose();
            }
            worldBuffer = new FrameBuffer(Pixmap.Format.RGB888, fw, fh, false);
            worldBuffer.getColorBufferTexture().setFilter(Texture.TextureFilter.Nearest, Texture.TextureFilter.Nearest);
        }
        worldBuffer.begin();
        ScreenUtils.clear(0.43f, 0.78f, 0.96f, 1f);
        view.follow(game.world);
        view.draw(batch, game.world, game.npcs, menu.open ? 0 : dt);
        worldBuffer.end();
        passDone(Series.WORLD_PASS);
        Gdx.gl.glViewport(0, 0, w, h);
        batch.setProjectionMatrix(hud.camera.combined);
        batch.disableBlending();
        batch.begin();
        batch.draw(worldBuffer.getColorBufferTexture(), 0, 0, hud.camera.viewportWidth, hud.camera.viewportHeight,
                0, 0, fw, fh, false, true);
        batch.end();
        batch.enableBlending();
        passDone(Series.SCREEN_PASS);
        if (loading) {
            hud.drawLoading(batch, game);
        } else {
            hud.draw(batch, game, view, Gdx.graphics.getFramesPerSecond());
            menu.draw(batch, hud.camera, font, art);
        }
        passDone(Series.HUD_PASS);
    }

    private void passDone(Series pass) {
        if (PASS_TIMES) {
            Gdx.gl.glFinish();
            times.pass(pass, System.nanoTime());
        }
    }

    @Override
    public void dispose() {
        if (game != null) {
            if (settings.frameLog()) {
                frameLog = times.csv();
            }
            // Last: disposed() reads the report as "the outputs are final".
            report = buildReport(); // engines report their figures until they are closed
            game.close();
        }
        if (threadNice != null) {
            threadNice.close();
        }
        if (batch != null) {
            batch.dispose();
            if (worldBuffer != null) {
                worldBuffer.dispose();
            }
            art.close();
            font.dispose();
        }
    }

    /** Frames the game ran (logic), loading screen included. */
    public int framesRun() {
        return framesRun;
    }

    /** Frames run since the loading screen went down (0 while it is up). */
    public int framesPlayed() {
        return playStart < 0 ? 0 : Math.max(0, framesRun - playStart);
    }

    /** Frames drawn after the loading screen. */
    public int framesDrawn() {
        return framesDrawn;
    }

    /** Distinct colours in the screenshot (1: blank), or -1 if none was taken. */
    public int screenshotColours() {
        Screenshot shot = lastFrame;
        return shot == null ? -1 : shot.colours();
    }

    /** The last frame as PNG bytes, or null if none was taken (the settings did not ask, or no frame was drawn). */
    public byte[] screenshot() {
        Screenshot shot = lastFrame;
        return shot == null ? null : shot.png();
    }

    /** Every frame's timings as CSV (frame, then each series in ms), or null until the game is disposed. */
    public String frameLog() {
        return frameLog;
    }

    /** True once the application has disposed the game (its report is then final). */
    public boolean disposed() {
        return report != null;
    }

    /** What went wrong inside a frame, or null. */
    public String failure() {
        return failure;
    }

    /** The run's figures: frames, frame times, and what each generator did (complete once the game is disposed). */
    public ObjectNode report() {
        return report != null ? report : buildReport();
    }

    private ObjectNode buildReport() {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        // Frame times are those of play: the loading screen's frames are left out (and counted).
        int skip = playStart < 0 ? framesRun : playStart;
        r.put("frames", framesDrawn > 0 ? framesDrawn : framesPlayed());
        r.put("frames_logic", framesPlayed());
        r.put("loading_frames", skip);
        r.put("loading_s", round(game.loading.seconds()));
        r.put("loading_cut_short", game.loading.cutShort());
        r.put("frame_ms_p50", round(times.percentile(Series.INTERVAL, 50, skip)));
        r.put("frame_ms_p99", round(times.percentile(Series.INTERVAL, 99, skip)));
        r.put("frame_ms_max", round(times.percentile(Series.INTERVAL, 100, skip)));
        r.put("frames_over_20ms", times.slowerThan(20, skip));
        // Before this frame the screen says the first chunk is coming; after it the player moves.
        r.put("play_began_frame", playFrom);
        r.put("work_ms_p50", round(times.percentile(Series.WORK, 50, skip)));
        r.put("work_ms_p99", round(times.percentile(Series.WORK, 99, skip)));
        r.put("logic_ms_p99", round(times.percentile(Series.LOGIC, 99, skip)));
        r.put("draw_ms_p99", round(times.percentile(Series.DRAW, 99, skip)));
        r.put("outside_ms_p50", round(times.percentile(Series.OUTSIDE, 50, skip)));
        r.put("gc_ms_max", round(times.percentile(Series.GC, 100, skip)));
        if (PASS_TIMES) {
            ObjectNode passes = r.putObject("pass_ms_p50");
            passes.put("world", round(times.percentile(Series.WORLD_PASS, 50, skip)));
            passes.put("screen", round(times.percentile(Series.SCREEN_PASS, 50, skip)));
            passes.put("hud", round(times.percentile(Series.HUD_PASS, 50, skip)));
        }
        if (batch != null && framesDrawn > 0) {
            r.put("draw_calls_per_frame", round(batch.totalRenderCalls / (double) framesDrawn));
        }
        World w = game.world;
        ObjectNode bot = r.putObject("player");
        bot.put("autoplay", settings.autoplay());
        bot.put("distance_tiles", round(distance));
        bot.put("score", w.score);
        bot.put("coins", w.coins);
        bot.put("deaths", earlierDeaths + w.deaths);
        bot.put("restarts", restarts);
        bot.put("edge_stalls", w.edgeStalls);
        ObjectNode level = r.putObject("level");
        level.put("chunks_generated", game.chunksGenerated);
        level.put("chunks_authored", game.chunksAuthored);
        level.put("chunks_ahead", round(game.chunksAhead()));
        r.put("generator_nice", threadNice == null ? 0 : threadNice.nice());
        r.put("generator_threads_niced", threadNice == null ? 0 : threadNice.threadsLowered());
        r.put("frame_nice", threadNice == null ? 0 : threadNice.frameNice());
        r.put("frame_threads_raised", threadNice == null ? 0 : threadNice.threadsRaised());
        r.put("session_nice", threadNice == null ? 0 : threadNice.sessionNice());
        ObjectNode engines = r.putObject("engines");
        EngineChoice.CHOSEN.forEach(engines::put);
        ObjectNode dialogue = r.putObject("dialogue");
        dialogue.put("lines_model", game.npcs.fromModel);
        dialogue.put("lines_fallback", game.npcs.fromFallback);
        dialogue.put("lines_authored", game.npcs.authored);
        List<Long> lat = new ArrayList<>(game.npcs.latenciesMs);
        Collections.sort(lat);
        dialogue.put("latency_ms_p50", lat.isEmpty() ? -1 : lat.get(lat.size() / 2));
        dialogue.put("latency_ms_max", lat.isEmpty() ? -1 : lat.get(lat.size() - 1));
        ObjectNode music = r.putObject("music");
        SessionStats s = game.director.stats();
        if (s != null) {
            music.put("bars_played", s.barsPlayed());
            music.put("bars_generated", s.barsGenerated());
            music.put("underruns", s.underruns());
            music.put("real_time_factor", round(s.realTimeFactor()));
            music.put("bars_ahead", round(game.barsAhead()));
            music.put("tokens_per_s", round(game.averageTokensPerSecond()));
            music.put("audible", s.audible());
            music.put("control_changes", game.director.changesSent);
            music.put("stingers", game.director.stingers);
        }
        return r;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
