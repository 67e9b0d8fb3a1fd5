package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.api.Bar;
import dev.improv.api.Key;
import dev.improv.api.Note;
import dev.improv.api.Stinger;
import dev.improv.music.SynthStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;

/**
 * The synthesizer side of a live session: schedules bars and stingers as MIDI messages at frame
 * positions and renders the PCM blocks. Messages reach the synthesizer only just before the block
 * they fall in is rendered, so a bar can still be cut short at a beat ({@link #cut}) when the game
 * asks for a change on the beat. Not thread-safe: the playback thread owns it.
 */
final class BarScheduler implements AutoCloseable {
    private static final double RATE = AudioOutput.SAMPLE_RATE;
    private static final int STINGER_CHANNEL = 15;

    /**
     * A message waiting for its frame; ties keep the order they were scheduled in. {@code onFrame} is
     * the frame a note-off's note started at (-1 for other messages); stingers are never cut.
     */
    private record QueuedMessage(long frame, long order, int command, int channel, int data1, int data2, long onFrame,
                                 boolean stinger) implements Comparable<QueuedMessage> {
        @Override
        public int compareTo(QueuedMessage o) {
            return frame != o.frame ? Long.compare(frame, o.frame) : Long.compare(order, o.order);
        }

        QueuedMessage at(long newFrame, long newOrder) {
            return new QueuedMessage(newFrame, newOrder, command, channel, data1, data2, onFrame, stinger);
        }
    }

    private final SynthStream synth;
    private final Map<Integer, Integer> programs = new HashMap<>();
    private final PriorityQueue<QueuedMessage> pending = new PriorityQueue<>();
    private final byte[] pcm;
    private final int blockFrames;
    private long order;
    /** Frames rendered so far: the start of the next block. */
    private long rendered;

    /** Opens the synthesizer with {@code soundbank} (null: Gervill's own set), rendering {@code blockFrames} a block. */
    BarScheduler(Soundbank soundbank, int blockFrames) {
        this.synth = SynthStream.open(soundbank);
        this.blockFrames = blockFrames;
        this.pcm = new byte[blockFrames * SynthStream.FORMAT.getFrameSize()];
    }

    /** Schedules {@code bar} to play from frame {@code start} for {@code frames} frames. */
    void schedule(Bar bar, long start, long frames) {
        double framesPerBeat = frames / (double) bar.beats();
        for (var e : bar.programs().entrySet()) {
            if (!e.getValue().equals(programs.get(e.getKey()))) {
                add(start, ShortMessage.PROGRAM_CHANGE, e.getKey(), e.getValue(), 0, -1, false);
                programs.put(e.getKey(), e.getValue());
            }
        }
        for (Note n : bar.notes()) {
            long on = start + Math.round(n.startBeat() * framesPerBeat);
            long off = start + Math.round((n.startBeat() + n.lengthBeats()) * framesPerBeat);
            add(on, ShortMessage.NOTE_ON, n.channel(), n.pitch(), n.velocity(), -1, false);
            add(Math.max(on + 1, off), ShortMessage.NOTE_OFF, n.channel(), n.pitch(), 0, on, false);
        }
    }

    /** Schedules {@code stinger} from frame {@code start} on its own channel, in {@code key} if it follows the key. */
    void schedule(Stinger stinger, Key key, long start, double framesPerBeat) {
        add(start, ShortMessage.PROGRAM_CHANGE, STINGER_CHANNEL, stinger.program(), 0, -1, true);
        for (Note n : stinger.notes()) {
            int pitch = stinger.transposeToKey() ? StingerVoicing.pitchIn(key, n) : n.pitch();
            long on = start + Math.round(n.startBeat() * framesPerBeat);
            long off = start + Math.round((n.startBeat() + n.lengthBeats()) * framesPerBeat);
            add(on, ShortMessage.NOTE_ON, STINGER_CHANNEL, pitch, n.velocity(), -1, true);
            add(Math.max(on + 1, off), ShortMessage.NOTE_OFF, STINGER_CHANNEL, pitch, 0, on, true);
        }
    }

    /**
     * Cuts the music scheduled so far at frame {@code frame} (not before the next block): notes that
     * would start there or later are dropped, notes sounding then stop there. Stingers play on.
     */
    void cut(long frame) {
        if (frame < rendered) {
            throw new IllegalArgumentException("cannot cut at frame " + frame + ": " + rendered + " are rendered");
        }
        List<QueuedMessage> moved = new ArrayList<>();
        pending.removeIf(p -> {
            if (p.stinger() || p.frame() < frame || p.command() == ShortMessage.PROGRAM_CHANGE) {
                return false;
            }
            if (p.command() == ShortMessage.NOTE_OFF && p.onFrame() < frame) {
                moved.add(p);
            }
            return true;
        });
        for (QueuedMessage p : moved) {
            pending.add(p.at(frame, order++));
        }
    }

    /** From now on also sends every message to {@code port} as the synthesizer's clock reaches it (null: stop). */
    void tap(javax.sound.midi.Receiver port) {
        synth.tap(port);
    }

    /** Messages scheduled and not yet handed to the synthesizer (for tests). */
    int pendingMessages() {
        return pending.size();
    }

    /** Renders the next block into interleaved 16-bit stereo {@code samples}. */
    void render(short[] samples) throws IOException {
        long end = rendered + blockFrames;
        while (!pending.isEmpty() && pending.peek().frame() < end) {
            QueuedMessage p = pending.poll();
            synth.send(p.command(), p.channel(), p.data1(), p.data2(), micros(p.frame()));
        }
        int got = 0;
        while (got < pcm.length) {
            int n = synth.read(pcm, got, pcm.length - got);
            if (n < 0) {
                throw new IOException("the synthesizer stream ended");
            }
            got += n;
        }
        rendered = end;
        for (int i = 0, s = 0; s < samples.length; i += 2, s++) {
            samples[s] = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
        }
    }

    private void add(long frame, int command, int channel, int data1, int data2, long onFrame, boolean stinger) {
        pending.add(new QueuedMessage(frame, order++, command, channel, data1, data2, onFrame, stinger));
    }

    private static long micros(long frame) {
        return Math.max(0, frame) * 1_000_000L / (long) RATE;
    }

    @Override
    public void close() {
        synth.close();
    }
}
