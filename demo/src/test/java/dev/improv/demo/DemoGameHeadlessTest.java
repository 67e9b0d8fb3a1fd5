package dev.improv.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Cancellation;
import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueLine;
import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelEngine;
import dev.improv.api.LevelStream;
import dev.improv.engines.RuleMusicProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole demo game headless (no GL: the world, bot, NPCs and music run, nothing is drawn)
 * with engines that take real time: a level engine that needs 80 ms a chunk and lays pits, pipes
 * and enemies, and a dialogue engine that answers every other request at once and never finishes
 * the rest (so those must miss their deadline and show the authored line). Music comes from the
 * rule engine, which needs no model.
 */
class DemoGameHeadlessTest {
    private static final int FRAMES = 900;

    @Test
    void botPlaysWhileChunksAndLinesAreGeneratedOffTheRenderThread() throws Exception {
        AtomicReference<DemoGame> gameRef = new AtomicReference<>();
        List<Integer> framesDuringStuckLines = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        DialogueEngine dialogue = (request, cancellation) -> {
            if (requests.getAndIncrement() % 2 == 0) {
                return new DialogueLine("Fine weather in " + request.slots().get("place") + ".", DialogueLine.MODEL);
            }
            int before = gameRef.get().framesRun();
            while (true) {
                if (cancellation.isCancelled()) {
                    framesDuringStuckLines.add(gameRef.get().framesRun() - before);
                }
                cancellation.throwIfCancelled();
                sleep(5);
            }
        };
        LevelEngine level = seed -> new SlowLevel();
        DemoSettings settings = new DemoSettings(5, true, FRAMES, false, true,
                () -> Improv.builder().optThreads(1).optLevelEngine(() -> level).optDialogueEngine(() -> dialogue)
                        .optMusicEngine(() -> new RuleMusicProvider().newEngine()).build(),
                1f / 60f, true);
        DemoGame game = new DemoGame(settings);
        gameRef.set(game);
        HeadlessApplicationConfiguration config = new HeadlessApplicationConfiguration();
        config.updatesPerSecond = 120; // twice real time; each frame advances 1/60 s of game time
        HeadlessApplication app = new HeadlessApplication(game, config);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!game.disposed() && System.nanoTime() < deadline) {
            sleep(20);
        }
        app.exit();
        assertTrue(game.disposed(), "the game did not finish its " + FRAMES + " frames within 60 s");
        assertNull(game.failure());
        ObjectNode r = game.report();

        // The run counts frames of play; the loading screen came first and is reported apart.
        assertEquals(FRAMES, game.framesPlayed());
        assertEquals(game.framesRun() - FRAMES, r.get("loading_frames").asInt(), r.toString());
        assertTrue(r.get("loading_frames").asInt() > 0, r.toString());
        assertEquals(false, r.get("loading_cut_short").asBoolean(), "warm engines end the loading screen: " + r);
        assertEquals(0, game.framesDrawn(), "no GL context: nothing is drawn");
        assertNull(game.screenshot(), "not asked for, and nothing was drawn");
        // The frame log is kept in memory for the launcher to write: a header, then a row per frame run.
        List<String> log = game.frameLog().lines().toList();
        assertTrue(log.get(0).startsWith("frame,interval_ms,"), log.get(0));
        assertEquals(game.framesRun(), log.size() - 1, "rows of the frame log");
        // The bot crosses pits, pipes and enemies: 15 s of game time at up to 9 tiles/s.
        double distance = r.get("player").get("distance_tiles").asDouble();
        assertTrue(distance > 60, "the bot should advance, got " + distance + " tiles: " + r);
        assertEquals(0, r.get("player").get("deaths").asInt(), "the bot should survive the test level: " + r);
        // Chunks stay ahead of the camera, and the player never reached the end of the generated level.
        assertTrue(r.get("level").get("chunks_generated").asInt() >= 6, r.toString());
        assertEquals(0, r.get("level").get("chunks_authored").asInt(), "80 ms chunks never miss 3 s: " + r);
        assertTrue(r.get("level").get("chunks_ahead").asDouble() >= 1, r.toString());
        assertEquals(0, r.get("player").get("edge_stalls").asInt(), r.toString());
        // NPCs spoke: generated lines and, where the engine hung, the authored fallback after the deadline.
        assertTrue(r.get("dialogue").get("lines_model").asInt() >= 1, r.toString());
        assertTrue(r.get("dialogue").get("lines_authored").asInt() >= 1, r.toString());
        assertTrue(r.get("dialogue").get("latency_ms_max").asLong() >= NpcSystem.DEADLINE.toMillis(), r.toString());
        // While a line was stuck in generation until its deadline the game kept running frames.
        assertTrue(!framesDuringStuckLines.isEmpty() && framesDuringStuckLines.get(0) > 100,
                "frames while a line was being generated: " + framesDuringStuckLines);
        // The music session followed the game (silently: the headless backend has no audio device).
        assertTrue(r.get("music").get("bars_generated").asInt() >= 1, r.toString());
        assertTrue(r.get("music").get("stingers").asInt() >= 1, "coins or stomps should play stingers: " + r);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 16x14 chunks with a pit, a pipe, an enemy and coins, after 80 ms of "generation" each. */
    private static final class SlowLevel implements LevelStream {
        private int next;

        @Override
        public LevelChunk generate(String prompt, Cancellation cancellation) {
            sleep(80);
            cancellation.throwIfCancelled();
            int i = next++;
            char[][] g = new char[14][16];
            for (char[] row : g) {
                Arrays.fill(row, '-');
            }
            int gap = i == 0 ? 0 : 2 + i % 3;
            for (int x = 0; x < 16; x++) {
                if (x < 6 || x >= 6 + gap) {
                    g[13][x] = 'X';
                    g[12][x] = 'X';
                }
            }
            if (i > 0) {
                int pipeTop = 12 - (2 + i % 2);
                g[pipeTop][12] = '<';
                g[pipeTop][13] = '>';
                for (int y = pipeTop + 1; y < 12; y++) {
                    g[y][12] = '[';
                    g[y][13] = ']';
                }
                g[11][3] = 'E';
                g[11][1] = 'o';
                g[11][2] = 'o';
            }
            List<String> rows = new ArrayList<>();
            for (char[] row : g) {
                rows.add(new String(row));
            }
            return new LevelChunk(i, rows, true);
        }

        @Override
        public void place(LevelChunk chunk) {
            next = chunk.index() + 1;
        }

        @Override
        public void close() {
        }
    }
}
