package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.AtomicFiles;
import dev.improv.api.AudioOutput;
import dev.improv.api.Cancellation;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Providers;
import dev.improv.api.SessionSettings;
import dev.improv.api.SessionStats;
import dev.improv.live.JavaSoundOutput;
import dev.improv.live.LiveSession;
import dev.improv.live.SilentOutput;
import dev.improv.live.WavRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `improv play`: a live music session without a window, driven by a control script, with a report. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Plays live adaptive music headless for a while, changing the controls as a game would, "
                + "and reports bars played, underruns (times playback waited for generation), control latency, "
                + "the generation real-time factor and the output level (normalised to an RMS of -18 dBFS, peaks "
                + "limited to -1 dBFS). Without a sound device it plays silently.")
public final class PlayCommand implements Callable<Integer> {

    @Option(names = "--minutes", defaultValue = "1", description = "Minutes of music to play (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--controls", paramLabel = "script.json",
            description = "Control script (JSON: start controls, changes at bar positions heard on the next bar or, with \"on\": \"beat\", "
                    + "the next beat, stingers, \"finish\": true to end with a cadence, repeat_bars); default: built in, changes intensity and key several times.")
    Path controls;

    @Option(names = "--wav", paramLabel = "out.wav", description = "Also write what a player would have heard (gaps included).")
    Path wav;

    @Option(names = "--json", description = "Print one JSON line instead of a readable report.")
    boolean json;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--soundfont", paramLabel = "FILE",
            description = "A General MIDI .sf2 or .dls soundbank to play with. Default: the JDK synthesizer's own set.")
    Path soundfont;

    @Option(names = "--lookahead", defaultValue = "3", description = "Bars generated ahead of playback, 1-16 (default: ${DEFAULT-VALUE}).")
    int lookahead;

    @Option(names = "--cutoff-beats", defaultValue = "0.5",
            description = "A change less than this many beats before a bar line waits for the next one (default: ${DEFAULT-VALUE}).")
    double cutoffBeats;

    @Option(names = "--busy-threads", defaultValue = "0",
            description = "Threads that keep a core busy meanwhile, standing in for a game (default: ${DEFAULT-VALUE}).")
    int busyThreads;

    @Option(names = "--fast", description = "Run as fast as generation allows instead of in real time (for --wav; underruns then mean nothing).")
    boolean fast;

    @Option(names = "--engine",
            description = {"Music engine: band (harmony, bass, drums and lead; moods pick presets of improv/music/moods.json "
                + "or -Dimprov.music.moods=FILE), transformer (the older melody-and-chords engine), rules or remote. "
                + "Default: the highest-ranked one, the band."})
    String engineName;

    @Option(names = "--list-midi-devices", description = "List the MIDI output ports of this machine and exit.")
    boolean listMidiDevices;

    @Option(names = "--midi-out", paramLabel = "NAME",
            description = "Also send the music to the MIDI output port whose name contains NAME (a hardware synth, a DAW's "
                + "virtual port; see --list-midi-devices), as it is heard.")
    String midiOut;

    @Override
    public Integer call() throws Exception {
        AtomicFiles.requireWritable(wav);
        if (listMidiDevices) {
            java.util.List<String> ports = dev.improv.music.MidiPorts.list();
            if (ports.isEmpty()) {
                System.out.println("no MIDI output ports");
            }
            ports.forEach(System.out::println);
            return 0;
        }
        if (engineName != null) {
            System.setProperty(MusicEngineProvider.PROPERTY, engineName);
        }
        if (!(minutes > 0 && minutes <= 600)) {
            throw new IllegalArgumentException("--minutes must be in (0, 600], got " + minutes);
        }
        if (busyThreads < 0 || busyThreads > 64) {
            throw new IllegalArgumentException("--busy-threads must be 0-64, got " + busyThreads);
        }
        ControlScript script = controls == null ? ControlScript.defaultScript() : ControlScript.read(controls);
        if (soundfont != null) {
            dev.improv.music.SynthStream.loadSoundbank(soundfont); // a bad one fails now, not once the session plays
        }
        SessionSettings settings = new SessionSettings(seed.value(), script.start(), lookahead, cutoffBeats, !fast,
                soundfont == null ? null : soundfont.toUri().toURL(), midiOut);
        if (midiOut != null) {
            // Say now, not a minute in, when the port is not there.
            try (var port = dev.improv.music.MidiPorts.open(midiOut)) {
                progress("MIDI out: " + port.device().getDeviceInfo().getName());
            } catch (javax.sound.midi.MidiUnavailableException e) {
                throw new IllegalArgumentException("--midi-out: " + e.getMessage());
            }
        }

        MusicEngineProvider provider;
        try {
            provider = Providers.select(MusicEngineProvider.class, MusicEngineProvider.PROPERTY, PlayCommand.class.getClassLoader());
        } catch (IllegalStateException e) {
            if (engineName == null || !e.getMessage().contains("; available: ")) {
                throw e;
            }
            // The selection speaks of the JVM property that --engine sets; the user typed --engine.
            throw new IllegalArgumentException("--engine: no music engine '" + engineName + "'"
                    + e.getMessage().substring(e.getMessage().indexOf("; available: ")));
        }
        progress("loading music engine '" + provider.name() + "'");
        MusicEngine engine = provider.newEngine();
        warmUp(engine, settings);

        AudioOutput output = openOutput();
        double seconds = minutes * 60;
        // The script runs to a generous bar bound; the session stops on music time, not bars.
        ControlScript.Driver driver = new ControlScript.Driver(script, seconds * 240 / 60 + 16);
        CountDownLatch finished = new CountDownLatch(1);
        double[] musicSeconds = {0};
        LiveSession.PositionListener listener = new LiveSession.PositionListener() {
            @Override
            public void onBlock(LiveSession session, double barPosition) {
                driver.onBlock(session, barPosition);
                musicSeconds[0] += LiveSession.BLOCK_FRAMES / (double) AudioOutput.SAMPLE_RATE;
                if (musicSeconds[0] >= seconds) {
                    finished.countDown();
                }
            }
        };
        List<Thread> busy = startBusyThreads();
        long t0 = System.nanoTime();
        LiveSession session = LiveSession.start(() -> engine, settings, output, listener);
        long reportEvery = fast ? 10 : 30;
        while (!finished.await(reportEvery, TimeUnit.SECONDS)) {
            if (session.stats().failure() != null || session.stats().finished()) {
                break;
            }
            SessionStats s = session.stats();
            progress(String.format("%.0f / %.0f s of music, %d bars, %d underruns, generation %.1fx real time",
                    musicSeconds[0], seconds, s.barsPlayed(), s.underruns(), s.realTimeFactor()));
        }
        session.close();
        busy.forEach(Thread::interrupt);
        engine.close();
        if (session.stats().failure() != null) {
            throw new IllegalStateException(session.stats().failure());
        }
        report(session.stats(), driver, (System.nanoTime() - t0) / 1e9, provider.name());
        return 0;
    }

    /** Generates a few bars untimed so the JIT has compiled the decoder before the clock starts. */
    private void warmUp(MusicEngine engine, SessionSettings settings) {
        long t0 = System.nanoTime();
        try (var stream = engine.newBarStream(settings.seed() ^ 0x5EED)) {
            for (int i = 0; i < 4; i++) {
                stream.next(i, settings.controls(), new Cancellation());
            }
        }
        progress(String.format("warmed up in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private AudioOutput openOutput() {
        AudioOutput device;
        try {
            device = JavaSoundOutput.open(200);
        } catch (IllegalStateException e) {
            device = new SilentOutput();
        }
        return wav == null ? device : new WavRecorder(wav, device);
    }

    private List<Thread> startBusyThreads() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < busyThreads; i++) {
            Thread t = new Thread(() -> {
                double x = 1;
                while (!Thread.currentThread().isInterrupted()) {
                    for (int k = 0; k < 1_000_000; k++) {
                        x = x * 1.0000001 + 1e-9;
                    }
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "busy-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private void report(SessionStats s, ControlScript.Driver driver, double wallSeconds, String engineName) {
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("bars_played", s.barsPlayed());
            o.put("underruns", s.underruns());
            o.put("underrun_ms", s.underrunMillis());
            o.put("max_control_latency_bars", round(s.maxControlLatencyBars()));
            o.put("max_stinger_latency_beats", round(s.maxStingerLatencyBeats()));
            o.put("generation_realtime_factor", round(s.realTimeFactor()));
            o.put("stale_bars", s.staleBarsPlayed());
            o.put("dropouts", s.dropouts());
            o.put("peak_dbfs", dbfs(s.outputPeak()));
            o.put("rms_dbfs", dbfs(s.outputRms()));
            o.put("limited_samples", s.limitedSamples());
            o.put("finished", s.finished());
            o.put("bars_generated", s.barsGenerated());
            o.put("control_changes", driver.controlChanges());
            o.put("stingers", driver.stingers());
            o.put("minutes", minutes);
            o.put("wall_seconds", round(wallSeconds));
            o.put("real_time", !fast);
            o.put("busy_threads", busyThreads);
            o.put("audible", s.audible());
            o.put("engine", engineName);
            o.put("seed", seed.value());
            // Figures from a shared machine mean little without how busy it was.
            o.put("load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            System.out.println(o);
        } else {
            System.out.printf("bars played            %d%n", s.barsPlayed());
            System.out.printf("underruns              %d (%d ms waiting)%n", s.underruns(), s.underrunMillis());
            System.out.printf("control changes        %d, latest heard after %.2f bars%n", driver.controlChanges(), s.maxControlLatencyBars());
            System.out.printf("stingers               %d, latest after %.2f beats%n", driver.stingers(), s.maxStingerLatencyBeats());
            System.out.printf("generation             %.1fx real time (%d bars made)%n", s.realTimeFactor(), s.barsGenerated());
            System.out.printf("bars with late changes %d%n", s.staleBarsPlayed());
            System.out.printf("synthesis dropouts     %d%n", s.dropouts());
            System.out.printf("level                  peak %.1f dBFS, RMS %.1f dBFS (normalised; %d samples limited)%n",
                    dbfs(s.outputPeak()), dbfs(s.outputRms()), s.limitedSamples());
            if (s.finished()) {
                System.out.printf("ended                  with a cadence%n");
            }
            System.out.printf("sound                  %s%n", s.audible() ? "played" : "silent (no sound device)");
            System.out.printf("load average (1 min)   %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double dbfs(double level) {
        return Math.round(dev.improv.music.Loudness.dbfs(Math.max(level, 1e-6)) * 100) / 100.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void progress(String message) {
        System.err.println("improv play: " + message);
    }
}
