package dev.improv.music.live;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
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
 * The JDK's software synthesizer (Gervill) as a pull stream: schedule MIDI events at sample frames,
 * then read PCM block by block. No audio line is needed, so it works with no sound card. Output is
 * deterministic for the same events. Used by one thread.
 */
public final class SynthStream implements AutoCloseable {
    /** 44.1 kHz, 16-bit signed little-endian stereo: what libGDX's AudioDevice and most lines take. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    /** The General MIDI soundfont Debian installs with timgm6mb-soundfont; used when present. */
    private static final File SOUNDFONT = new File("/usr/share/sounds/sf2/TimGM6mb.sf2");

    private final Synthesizer synth;
    private final Receiver receiver;
    private final AudioInputStream stream;
    private byte[] bytes = new byte[0];
    private long framesRendered;

    private SynthStream(Synthesizer synth, Receiver receiver, AudioInputStream stream) {
        this.synth = synth;
        this.receiver = receiver;
        this.stream = stream;
    }

    /**
     * Opens Gervill for offline streaming, with the system soundfont if installed (else Gervill's own).
     *
     * @throws IllegalStateException when the JVM lacks Gervill's AudioSynthesizer or the
     *                               {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} flag
     */
    public static SynthStream open() {
        try {
            Synthesizer synth = MidiSystem.getSynthesizer();
            Class<?> audioSynth = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynth.isInstance(synth)) {
                throw new IllegalStateException("the JDK synthesizer is not Gervill (" + synth.getClass().getName() + ")");
            }
            Soundbank bank = SOUNDFONT.canRead() ? MidiSystem.getSoundbank(SOUNDFONT) : null;
            Map<String, Object> info = new HashMap<>();
            // Timestamps are positions in the stream, not wall-clock time: no jitter correction.
            info.put("jitter correction", false);
            info.put("load default soundbank", bank == null);
            info.put("interpolation", "linear");
            info.put("max polyphony", 96);
            var openStream = audioSynth.getMethod("openStream", AudioFormat.class, Map.class);
            AudioInputStream stream = (AudioInputStream) openStream.invoke(synth, FORMAT, info);
            if (bank != null) {
                synth.loadAllInstruments(bank);
            }
            return new SynthStream(synth, synth.getReceiver(), stream);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Gervill needs the JVM flag --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot open the software synthesizer: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | MidiUnavailableException | InvalidMidiDataException | IOException e) {
            throw new IllegalStateException("cannot open the software synthesizer: " + e, e);
        }
    }

    /** Frames rendered so far: the stream's clock. */
    public long framesRendered() {
        return framesRendered;
    }

    /** Schedules a short MIDI message at sample frame {@code frame} (a past frame plays at once). */
    public void send(int command, int channel, int data1, int data2, long frame) {
        try {
            send(new ShortMessage(command, channel, data1, data2), frame);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + channel + "/" + data1 + "/" + data2, e);
        }
    }

    /** Schedules {@code message} at sample frame {@code frame}. */
    public void send(MidiMessage message, long frame) {
        receiver.send(message, Math.max(0, frame) * 1_000_000L / (long) FORMAT.getSampleRate());
    }

    /** Renders the next {@code frames} frames into {@code out} as interleaved stereo samples. */
    public void render(short[] out, int frames) {
        int need = frames * 4;
        if (bytes.length < need) {
            bytes = new byte[need];
        }
        int got = 0;
        try {
            InputStream in = stream;
            while (got < need) {
                int n = in.read(bytes, got, need - got);
                if (n < 0) {
                    throw new IllegalStateException("the synthesizer stream ended");
                }
                got += n;
            }
        } catch (IOException e) {
            throw new IllegalStateException("the synthesizer failed: " + e.getMessage(), e);
        }
        for (int i = 0, s = 0; s < frames * 2; i += 2, s++) {
            out[s] = (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8));
        }
        framesRendered += frames;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            // The stream is in memory; closing cannot lose anything.
        }
        synth.close();
    }
}
