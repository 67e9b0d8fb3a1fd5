package dev.improv.gdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.ApplicationAdapter;
import dev.improv.api.Cancellation;
import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelEngine;
import dev.improv.api.LevelStream;
import dev.improv.api.Seeds;
import dev.improv.model.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkStreamerTest {
    private static final int HEIGHT = 6;

    /** Ground as a random walk that continues the chunk before; chunk 3 takes too long. */
    private static final class WalkEngine implements LevelEngine {
        @Override
        public LevelStream newStream(long seed) {
            return new LevelStream() {
                private final List<LevelChunk> level = new ArrayList<>();

                @Override
                public LevelChunk generate(String prompt, Cancellation cancellation) {
                    int count = level.size();
                    LevelChunk last = count == 0 ? null : level.get(count - 1);
                    long end = System.nanoTime() + (count == 3 ? 2000 : 5) * 1_000_000L;
                    while (System.nanoTime() < end) {
                        cancellation.throwIfCancelled();
                        Thread.onSpinWait();
                    }
                    SeededRandom r = new SeededRandom(Seeds.mix(seed, count));
                    int ground = last == null ? 2 : groundAt(last, last.width() - 1);
                    StringBuilder[] rows = new StringBuilder[HEIGHT];
                    for (int y = 0; y < HEIGHT; y++) {
                        rows[y] = new StringBuilder();
                    }
                    for (int x = 0; x < 16; x++) {
                        ground = Math.max(1, Math.min(4, ground + r.nextInt(3) - 1));
                        for (int y = 0; y < HEIGHT; y++) {
                            rows[y].append(y >= HEIGHT - ground ? 'X' : '-');
                        }
                    }
                    List<String> out = new ArrayList<>();
                    for (StringBuilder row : rows) {
                        out.add(row.toString());
                    }
                    LevelChunk chunk = new LevelChunk(count, out, true);
                    level.add(chunk);
                    return chunk;
                }

                @Override
                public void place(LevelChunk chunk) {
                    while (level.size() > chunk.index()) {
                        level.remove(level.size() - 1);
                    }
                    level.add(chunk);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static int groundAt(LevelChunk chunk, int x) {
        int g = 0;
        for (int y = 0; y < chunk.height(); y++) {
            if (chunk.tile(x, y) == 'X') {
                g++;
            }
        }
        return g;
    }

    private static LevelChunk flat(int index) {
        return LevelChunk.authored(index, List.of("-".repeat(16), "-".repeat(16), "-".repeat(16), "-".repeat(16),
                "X".repeat(16), "X".repeat(16)));
    }

    @Test
    void chunksArriveInOrderAheadOfTheCameraAndContinueAuthoredFallbacks() throws Exception {
        Headless headless = new Headless();
        List<LevelChunk> chunks = new ArrayList<>();
        List<Boolean> onRenderThread = new ArrayList<>();
        headless.run(new ApplicationAdapter() {
            ImprovGdx improv;
            ChunkStreamer streamer;
            Thread render;
            int frame;

            @Override
            public void create() {
                render = Thread.currentThread();
                improv = new ImprovGdx(Improv.builder().optLevelEngine(WalkEngine::new).build());
                streamer = improv.streamChunks(5, "", 2, Duration.ofMillis(150), ChunkStreamerTest::flat, chunk -> {
                    onRenderThread.add(Thread.currentThread() == render);
                    chunks.add(chunk);
                });
            }

            @Override
            public void render() {
                // The camera moves one chunk every 10 frames.
                int camera = frame++ / 10;
                streamer.update(camera);
                if (chunks.size() >= 8) {
                    headless.done.countDown();
                }
            }

            @Override
            public void dispose() {
                streamer.close();
                improv.close();
            }
        }, 20);
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(i, chunks.get(i).index());
            assertTrue(onRenderThread.get(i));
        }
        assertEquals(flat(3), chunks.get(3), "chunk 3 missed its deadline: the authored chunk stands in");
        assertFalse(chunks.get(3).generated());
        for (int i = 1; i < chunks.size(); i++) {
            if (i == 3) {
                continue;
            }
            int step = groundAt(chunks.get(i), 0) - groundAt(chunks.get(i - 1), 15);
            assertTrue(Math.abs(step) <= 1, "chunk " + i + " continues the one placed before it (chunk 4 the authored one)");
        }
    }
}
