package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.api.Bar;
import dev.improv.api.Key;
import dev.improv.api.Note;
import dev.improv.api.Stinger;
import dev.improv.music.SynthStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;

/**
 * The synthesizer side of a live session: schedules bars and stingers as MIDI messages at frame
 * positions and renders the PCM blocks. Not thread-safe: the playback thread owns it.
 */
final class BarScheduler implements AutoCloseable {
    private static final double RATE = AudioOutput.SAMPLE_RATE;
    private static final int STINGER_CHANNEL = 15;

    private final SynthStream synth;
    private final Map<Integer, Integer> programs = new HashMap<>();
    private final byte[] pcm;

    /** Opens the synthesizer with {@code soundbank} (null: Gervill's own set), rendering {@code blockFrames} a block. */
    BarScheduler(Soundbank soundbank, int blockFrames) {
        this.synth = SynthStream.open(soundbank);
        this.pcm = new byte[blockFrames * SynthStream.FORMAT.getFrameSize()];
    }

    /** Schedules {@code bar} to play from frame {@code start} for {@code frames} frames. */
    void schedule(Bar bar, long start, long frames) {
        double framesPerBeat = frames / (double) bar.beats();
        for (var e : bar.programs().entrySet()) {
            if (!e.getValue().equals(programs.get(e.getKey()))) {
                synth.send(ShortMessage.PROGRAM_CHANGE, e.getKey(), e.getValue(), 0, micros(start));
                programs.put(e.getKey(), e.getValue());
            }
        }
        for (Note n : bar.notes()) {
            long on = start + Math.round(n.startBeat() * framesPerBeat);
            long off = start + Math.round((n.startBeat() + n.lengthBeats()) * framesPerBeat);
            synth.send(ShortMessage.NOTE_ON, n.channel(), n.pitch(), n.velocity(), micros(on));
            synth.send(ShortMessage.NOTE_OFF, n.channel(), n.pitch(), 0, micros(Math.max(on + 1, off)));
        }
    }

    /** Schedules {@code stinger} from frame {@code start} on its own channel, in {@code key} if it follows the key. */
    void schedule(Stinger stinger, Key key, long start, double framesPerBeat) {
        synth.send(ShortMessage.PROGRAM_CHANGE, STINGER_CHANNEL, stinger.program(), 0, micros(start));
        for (Note n : stinger.notes()) {
            int pitch = stinger.transposeToKey() ? StingerVoicing.pitchIn(key, n) : n.pitch();
            long on = start + Math.round(n.startBeat() * framesPerBeat);
            long off = start + Math.round((n.startBeat() + n.lengthBeats()) * framesPerBeat);
            synth.send(ShortMessage.NOTE_ON, STINGER_CHANNEL, pitch, n.velocity(), micros(on));
            synth.send(ShortMessage.NOTE_OFF, STINGER_CHANNEL, pitch, 0, micros(off));
        }
    }

    /** Renders the next block into interleaved 16-bit stereo {@code samples}. */
    void render(short[] samples) throws IOException {
        int got = 0;
        while (got < pcm.length) {
            int n = synth.read(pcm, got, pcm.length - got);
            if (n < 0) {
                throw new IOException("the synthesizer stream ended");
            }
            got += n;
        }
        for (int i = 0, s = 0; s < samples.length; i += 2, s++) {
            samples[s] = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
        }
    }

    private static long micros(long frame) {
        return Math.max(0, frame) * 1_000_000L / (long) RATE;
    }

    @Override
    public void close() {
        synth.close();
    }
}
