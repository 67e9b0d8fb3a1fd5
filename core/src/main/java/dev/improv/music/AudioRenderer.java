package dev.improv.music;

import dev.improv.model.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
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
        try (SynthStream synth = SynthStream.open(soundbank)) {
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

    /** Renders the song to a WAV file, atomically (see {@link AtomicFiles}). */
    public void writeWav(Song song, Path file) throws IOException {
        try (SynthStream synth = SynthStream.open(soundbank)) {
            schedule(song, synth, 0);
            AudioInputStream limited = new AudioInputStream(synth.stream(), SynthStream.FORMAT, frames(song));
            AtomicFiles.write(file, out -> AudioSystem.write(limited, AudioFileFormat.Type.WAVE, out));
        }
    }
}
