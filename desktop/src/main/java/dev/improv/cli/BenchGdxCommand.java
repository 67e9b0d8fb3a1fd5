package dev.improv.cli;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Cancellation;
import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.MusicSession;
import dev.improv.api.Outcome;
import dev.improv.api.Providers;
import dev.improv.api.SessionSettings;
import dev.improv.gdx.ChunkStreamer;
import dev.improv.gdx.ImprovGdx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `improv bench gdx`: a headless libGDX game at 60 frames a second that streams level chunks, asks
 * for dialogue lines, plays live music and changes its controls, timing every moment the render
 * thread spends inside Improv (calls and result delivery). Peer: the same dialogue engine called
 * synchronously on the render thread, as a game without Improv's async layer would.
 */
@Command(name = "gdx", mixinStandardHelpOptions = true,
        description = "Measures how long the libGDX render thread spends inside Improv calls (target: p99 < 1 ms) "
                + "in a headless game that uses music, levels and dialogue at once; prints one JSON line.")
public final class BenchGdxCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "30", description = "How long the game runs (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "3",
            description = "Seconds of play before timing starts, so the JIT has compiled the calls (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--threads", defaultValue = "2", description = "Improv generation threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--peer-calls", defaultValue = "10",
            description = "Dialogue lines generated synchronously on the render thread, as the peer (default: ${DEFAULT-VALUE}).")
    int peerCalls;

    /** Timings of everything the render thread does inside Improv. */
    private static final class Timings {
        final List<Long> calls = new ArrayList<>();
        final List<Long> frames = new ArrayList<>();
        final java.util.Map<String, List<Long>> byKind = new java.util.TreeMap<>();
        long frame;
        boolean recording;

        long start() {
            return System.nanoTime();
        }

        void stop(long t0, String kind) {
            long dt = System.nanoTime() - t0;
            if (!recording) {
                return;
            }
            calls.add(dt);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(dt);
            frame += dt;
        }

        void endFrame() {
            if (recording) {
                frames.add(frame);
            }
            frame = 0;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("--seconds must be 1-3600, got " + seconds);
        }
        if (warmupSeconds < 0 || threads < 1 || threads > 8) {
            throw new IllegalArgumentException("--warmup-seconds must be >= 0 and --threads 1-8");
        }
        Timings t = new Timings();
        int[] outcomes = new int[Outcome.Status.values().length];
        int[] chunks = new int[2];
        long[] peer = new long[peerCalls];
        String[] error = new String[1];
        MusicSession[] musicOut = new MusicSession[1];
        CountDownLatch done = new CountDownLatch(1);

        ApplicationAdapter game = new ApplicationAdapter() {
            ImprovGdx improv;
            ChunkStreamer streamer;
            MusicSession music;
            int frame;
            int warmFrames = -1;

            @Override
            public void create() {
                improv = new ImprovGdx(Improv.builder().optThreads(threads).build());
                Outcome<String> ready = improv.improv().warmUp().await();
                if (!ready.isCompleted()) {
                    error[0] = "engines failed to load: " + ready.message();
                    done.countDown();
                    return;
                }
                runPeer(peer);
                music = improv.startMusic(SessionSettings.of(1));
                musicOut[0] = music;
                streamer = improv.streamChunks(1, "", 2, Duration.ofSeconds(3), BenchGdxCommand::flatChunk,
                        timed(t, "chunk_delivery", c -> chunks[0]++));
                warmFrames = 0;
            }

            @Override
            public void render() {
                if (warmFrames < 0 || done.getCount() == 0) {
                    return;
                }
                frame++;
                t.recording = frame > warmupSeconds * 60;
                long t0 = t.start();
                // The camera crosses a 16-tile chunk about every 2 seconds.
                streamer.update(frame / 120);
                t.stop(t0, "chunk_update");
                if (frame % 30 == 0) {
                    t0 = t.start();
                    improv.line(greeting(frame),
                            Duration.ofMillis(400), timed(t, "line_delivery", o -> outcomes[o.status().ordinal()]++));
                    t.stop(t0, "line_request");
                }
                if (frame % 45 == 0) {
                    t0 = t.start();
                    music.setIntensity((frame / 45) % 8);
                    t.stop(t0, "music_control");
                }
                if (frame % 100 == 0) {
                    t0 = t.start();
                    music.stinger(dev.improv.api.Stinger.arpeggio());
                    t.stop(t0, "music_stinger");
                }
                t.endFrame();
                if (frame >= (seconds + warmupSeconds) * 60) {
                    chunks[1] = streamer.fallbacks();
                    done.countDown();
                }
            }

            @Override
            public void dispose() {
                if (streamer != null) {
                    streamer.close();
                }
                if (music != null) {
                    music.close();
                }
                improv.close();
            }
        };
        HeadlessApplicationConfiguration config = new HeadlessApplicationConfiguration();
        config.updatesPerSecond = 60;
        HeadlessApplication app = new HeadlessApplication(game, config);
        boolean finished = done.await(seconds + warmupSeconds + 300L, TimeUnit.SECONDS);
        var musicStats = musicOut[0] == null ? null : musicOut[0].stats();
        app.exit();
        if (error[0] != null) {
            throw new IllegalStateException(error[0]);
        }
        if (!finished) {
            throw new IllegalStateException("the headless game did not finish in time");
        }
        report(t, outcomes, chunks, peer, musicStats);
        return 0;
    }

    /** The peer: generate lines synchronously on the render thread. */
    private void runPeer(long[] peer) {
        DialogueEngine engine = Providers.select(DialogueEngineProvider.class, DialogueEngineProvider.PROPERTY,
                BenchGdxCommand.class.getClassLoader()).newEngine();
        for (int i = 0; i < peer.length; i++) {
            long t0 = System.nanoTime();
            engine.generate(greeting(i), new Cancellation());
            peer[i] = System.nanoTime() - t0;
        }
        engine.close();
    }

    private static DialogueRequest greeting(long seed) {
        return DialogueRequest.builder().addPersona("I keep the inn by the {place}.").optSlot("place", "river")
                .addTurn(DialogueTurn.player("Good evening! Any rooms free?")).optSeed(seed).build();
    }

    private static <T> Consumer<T> timed(Timings t, String kind, Consumer<T> body) {
        return value -> {
            long t0 = t.start();
            body.accept(value);
            t.stop(t0, kind);
        };
    }

    private static LevelChunk flatChunk(int index) {
        List<String> rows = new ArrayList<>();
        for (int y = 0; y < 14; y++) {
            rows.add((y >= 12 ? "X" : "-").repeat(16));
        }
        return LevelChunk.authored(index, rows);
    }

    private static double percentileMicros(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        int i = (int) Math.min(a.length - 1, Math.ceil(p * a.length) - 1);
        return Math.round(a[Math.max(0, i)] / 100.0) / 10.0;
    }

    private void report(Timings t, int[] outcomes, int[] chunks, long[] peer, dev.improv.api.SessionStats music) {
        List<Long> peerList = new ArrayList<>();
        for (long p : peer) {
            peerList.add(p);
        }
        double callP99 = percentileMicros(t.calls, 0.99);
        double peerP99 = percentileMicros(peerList, 0.99);
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("frames", t.frames.size());
        o.put("warmup_seconds", warmupSeconds);
        o.put("threads", threads);
        o.put("improv_calls", t.calls.size());
        o.put("call_p50_us", percentileMicros(t.calls, 0.50));
        o.put("call_p99_us", callP99);
        o.put("call_max_us", percentileMicros(t.calls, 1.0));
        t.byKind.forEach((kind, samples) -> o.put(kind + "_p99_us", percentileMicros(samples, 0.99)));
        o.put("frame_p99_us", percentileMicros(t.frames, 0.99));
        o.put("frame_max_us", percentileMicros(t.frames, 1.0));
        o.put("lines_completed", outcomes[Outcome.Status.COMPLETED.ordinal()]);
        o.put("lines_deadline_missed", outcomes[Outcome.Status.DEADLINE_MISSED.ordinal()]);
        o.put("lines_rejected", outcomes[Outcome.Status.REJECTED.ordinal()]);
        o.put("chunks_delivered", chunks[0]);
        o.put("chunks_fallback", chunks[1]);
        if (music != null) {
            o.put("music_bars_played", music.barsPlayed());
            o.put("music_underruns", music.underruns());
        }
        o.put("peer_sync_line_p99_us", peerP99);
        o.put("peer_over_improv_p99", callP99 > 0 ? Math.round(peerP99 / callP99) : 0);
        System.out.println(o);
    }
}
