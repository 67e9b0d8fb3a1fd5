package dev.improv.music;

import dev.improv.model.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Renders a {@link Song} to 44.1 kHz 16-bit stereo PCM through {@link SynthStream}. */
public final class AudioRenderer {

    /** Time after the last note for release tails and reverb. */
    private static final double TAIL_SECONDS = 1.5;

    private final Soundbank soundbank;

    /** A renderer with the given soundbank, or Gervill's built-in set if null. */
    public AudioRenderer(Soundbank soundbank) {
        this.soundbank = soundbank;
    }

    /** Queues every program change and note of {@code song} on {@code synth}, {@code offsetMicros} from its start. */
    public static void schedule(Song written, SynthStream synth, long offsetMicros) {
        Song song = written.withoutOverlaps();
        programs(song.tracks(), synth, offsetMicros);
        for (MidiNote n : song.notes()) {
            int channel = song.tracks().get(n.track()).channel();
            long on = offsetMicros + Math.round(song.secondsAt(n.startTick()) * 1e6);
            long off = offsetMicros + Math.round(song.secondsAt(n.endTick()) * 1e6);
            synth.send(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity(), on);
            synth.send(ShortMessage.NOTE_OFF, channel, n.pitch(), 0, Math.max(on + 1, off - 1));
        }
    }

    /**
     * Queues the notes of one bar on {@code synth}, the bar line at {@code barStartMicros}; for live
     * playback, schedule each bar ahead of the synthesizer's clock ({@link SynthStream#micros()}).
     * Returns the microsecond time of the next bar line.
     */
    public static long scheduleBar(MidiBar bar, List<Track> tracks, SynthStream synth, long barStartMicros) {
        double microsPerTick = 60e6 / (bar.bpm() * bar.ticksPerQuarter());
        for (MidiNote n : bar.notes()) {
            if (n.track() >= tracks.size()) {
                continue;
            }
            int channel = tracks.get(n.track()).channel();
            long on = barStartMicros + Math.round(n.startTick() * microsPerTick);
            long off = barStartMicros + Math.round(n.endTick() * microsPerTick);
            synth.send(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity(), on);
            synth.send(ShortMessage.NOTE_OFF, channel, n.pitch(), 0, Math.max(on + 1, off - 1));
        }
        return barStartMicros + Math.round(bar.lengthTicks() * microsPerTick);
    }

    /** Sets each track's program on {@code synth} at {@code micros}. */
    public static void programs(List<Track> tracks, SynthStream synth, long micros) {
        for (Track t : tracks) {
            synth.send(ShortMessage.PROGRAM_CHANGE, t.channel(), t.program(), 0, micros);
        }
    }

    /** Number of PCM frames the rendering of {@code song} holds (its length plus the tail). */
    public static long frames(Song song) {
        return (long) Math.ceil((song.seconds() + TAIL_SECONDS) * SynthStream.FORMAT.getFrameRate());
    }

    /** Renders the song as raw PCM into {@code out}. */
    public void render(Song song, OutputStream out) throws IOException {
        render(song, out, 1);
    }

    /** Renders the song as raw PCM into {@code out} with the synthesizer's master volume at {@code volume} (0..1). */
    private void render(Song song, OutputStream out, double volume) throws IOException {
        try (SynthStream synth = SynthStream.open(soundbank)) {
            if (volume < 1) {
                synth.send(masterVolume(volume), 0);
            }
            schedule(song, synth, 0);
            byte[] buffer = new byte[4096 * SynthStream.FORMAT.getFrameSize()];
            long left = frames(song) * SynthStream.FORMAT.getFrameSize();
            while (left > 0) {
                int n = synth.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n <= 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /**
     * Renders the song, normalised ({@link Loudness}), to a WAV file written atomically, and returns
     * the loudness of what was written. The synthesizer plays at half its master volume so that a
     * full band never clips inside it; the gain afterwards restores the level.
     */
    public Loudness writeNormalisedWav(Song song, Path file) throws IOException {
        java.io.ByteArrayOutputStream pcm = new java.io.ByteArrayOutputStream();
        render(song, pcm, 0.5);
        byte[] bytes = pcm.toByteArray();
        Loudness.apply(bytes, 0, bytes.length, Loudness.of(bytes, 0, bytes.length).gain());
        AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(bytes), SynthStream.FORMAT,
                bytes.length / SynthStream.FORMAT.getFrameSize());
        // Through AtomicFiles, like every other output: the umask's mode, not createTempFile's 600.
        AtomicFiles.write(file, out -> AudioSystem.write(in, AudioFileFormat.Type.WAVE, out));
        return Loudness.of(bytes, 0, bytes.length);
    }

    /** The universal real-time SysEx that sets the master volume to {@code level} (0..1) of full. */
    public static javax.sound.midi.SysexMessage masterVolume(double level) {
        int v = (int) Math.round(Math.max(0, Math.min(1, level)) * 16383);
        byte[] data = {(byte) 0xF0, 0x7F, 0x7F, 0x04, 0x01, (byte) (v & 0x7F), (byte) (v >> 7), (byte) 0xF7};
        try {
            return new javax.sound.midi.SysexMessage(data, data.length);
        } catch (javax.sound.midi.InvalidMidiDataException e) {
            throw new IllegalStateException("a master-volume SysEx was refused", e);
        }
    }

    /** Renders the song to a WAV file, atomically (see {@link AtomicFiles}). */
    public void writeWav(Song song, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeWav(song, out));
    }

    /** Renders the song as a WAV file's bytes into {@code out} (what {@link #writeWav(Song, Path)} writes). */
    public void writeWav(Song song, OutputStream out) throws IOException {
        try (SynthStream synth = SynthStream.open(soundbank)) {
            schedule(song, synth, 0);
            AudioInputStream limited = new AudioInputStream(synth.stream(), SynthStream.FORMAT, frames(song));
            AudioSystem.write(limited, AudioFileFormat.Type.WAVE, out);
        }
    }
}
