package dev.improv.music;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * The JDK's software synthesizer (Gervill) opened as a PCM stream with no sound card: schedule MIDI
 * messages at microsecond times, then read 44.1 kHz 16-bit stereo little-endian PCM, which advances
 * the synthesizer's clock. Works for offline files and for live streaming alike. Not thread-safe:
 * one producer thread schedules and reads.
 */
public final class SynthStream implements AutoCloseable {

    /** 44.1 kHz, 16-bit, stereo, signed little-endian: what WAV files and libGDX's AudioDevice take. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);

    private final Synthesizer synth;
    private final Receiver receiver;
    private final AudioInputStream stream;
    private long framesRead;
    /** Where every message also goes, as the synthesizer's clock reaches it (null: nowhere). */
    private Receiver tap;
    private final java.util.PriorityQueue<Timed> tapped = new java.util.PriorityQueue<>();
    private long tapOrder;

    /** A message waiting for its time; ties keep the order they were sent in. */
    private record Timed(long micros, long order, MidiMessage message) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            return micros != o.micros ? Long.compare(micros, o.micros) : Long.compare(order, o.order);
        }
    }

    private SynthStream(Synthesizer synth, Receiver receiver, AudioInputStream stream) {
        this.synth = synth;
        this.receiver = receiver;
        this.stream = stream;
    }

    /**
     * Opens a synthesizer stream with the given soundbank, or Gervill's built-in General MIDI set if
     * null. Throws IllegalStateException with the JVM flag to add if the JDK refuses access.
     */
    public static SynthStream open(Soundbank soundbank) {
        try {
            Synthesizer synth = MidiSystem.getSynthesizer();
            Class<?> audioSynth = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynth.isInstance(synth)) {
                throw new IllegalStateException("the JDK's synthesizer cannot render offline (" + synth.getClass().getName() + ")");
            }
            // Called by reflection so that compiling needs no --add-exports (javac refuses it with --release).
            Method openStream = audioSynth.getMethod("openStream", AudioFormat.class, Map.class);
            AudioInputStream stream = (AudioInputStream) openStream.invoke(synth, FORMAT, null);
            if (soundbank != null) {
                Soundbank builtIn = synth.getDefaultSoundbank();
                if (builtIn != null) {
                    synth.unloadAllInstruments(builtIn);
                }
                if (!synth.loadAllInstruments(soundbank)) {
                    throw new IllegalStateException("the synthesizer refused the soundbank '" + soundbank.getName() + "'");
                }
            }
            return new SynthStream(synth, synth.getReceiver(), stream);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("audio rendering needs the JVM flag --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED", e);
        } catch (ReflectiveOperationException | MidiUnavailableException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot open the software synthesizer: " + cause, e);
        }
    }

    /** Loads a .sf2 or .dls soundbank; a missing or unreadable file is an IOException naming it. */
    public static Soundbank loadSoundbank(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": soundfont not found");
        }
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sf3")) {
            throw new IOException(file + ": .sf3 (compressed) soundfonts play as noise in the JDK synthesizer; use .sf2");
        }
        try {
            return MidiSystem.getSoundbank(file.toFile());
        } catch (InvalidMidiDataException | RuntimeException e) {
            throw new IOException(file + ": not a soundfont the JDK synthesizer can read (" + e.getMessage() + ")", e);
        }
    }

    /** Loads a .sf2 or .dls soundbank from a URL (a file or a classpath resource); failures are an IOException naming it. */
    public static Soundbank loadSoundbank(java.net.URL url) throws IOException {
        if (url.getPath().toLowerCase(java.util.Locale.ROOT).endsWith(".sf3")) {
            throw new IOException(url + ": .sf3 (compressed) soundfonts play as noise in the JDK synthesizer; use .sf2");
        }
        try (var in = new java.io.BufferedInputStream(url.openStream())) {
            return MidiSystem.getSoundbank(in);
        } catch (InvalidMidiDataException | RuntimeException e) {
            throw new IOException(url + ": not a soundfont the JDK synthesizer can read (" + e.getMessage() + ")", e);
        }
    }

    /** Queues a message to take effect at {@code micros} since the stream opened. */
    public void send(MidiMessage message, long micros) {
        receiver.send(message, micros);
        if (tap != null) {
            tapped.add(new Timed(micros, tapOrder++, (MidiMessage) message.clone()));
        }
    }

    /**
     * From now on also sends every message to {@code port} (a MIDI output, see {@link MidiPorts}) at
     * the moment this stream's PCM reaches its time: a stream read in real time (a live session)
     * drives the port in real time, within one read block. Ports are sent "now" (timestamp -1),
     * since most hardware ignores timestamps. Null stops it.
     */
    public void tap(Receiver port) {
        this.tap = port;
        tapped.clear();
    }

    private void releaseTapped() {
        long now = micros();
        while (tap != null && !tapped.isEmpty() && tapped.peek().micros() <= now) {
            tap.send(tapped.poll().message(), -1);
        }
    }

    /** Queues a channel message (command, channel, two data bytes) at {@code micros}. */
    public void send(int command, int channel, int data1, int data2, long micros) {
        try {
            send(new ShortMessage(command, channel, data1, data2), micros);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message: command " + command + " channel " + channel + " data " + data1 + ", " + data2, e);
        }
    }

    /** Reads up to {@code length} bytes of PCM (whole frames); blocks only while synthesizing. */
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = stream.read(buffer, offset, length - length % FORMAT.getFrameSize());
        if (n > 0) {
            framesRead += n / FORMAT.getFrameSize();
            releaseTapped();
        }
        return n;
    }

    /** Where the synthesizer's clock stands: microseconds of audio read so far. */
    public long micros() {
        return Math.round(framesRead * 1e6 / FORMAT.getFrameRate());
    }

    /** The PCM stream itself, endless until closed. */
    public AudioInputStream stream() {
        return stream;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing an in-memory synthesizer stream has nothing to report
        }
        synth.close();
    }
}
