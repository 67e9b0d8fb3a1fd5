package dev.improv.music;

import dev.improv.api.Meter;
import dev.improv.api.Key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoudnessTest {

    private static byte[] sine(double amplitude, int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            int s = (int) Math.round(amplitude * 32767 * Math.sin(i * 2 * Math.PI * 441 / 44100));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    @Test
    void peakAndRmsOfASineAndTheGainToTheTarget() {
        byte[] pcm = sine(0.5, 44100);
        Loudness l = Loudness.of(pcm, 0, pcm.length);
        assertEquals(0.5, l.peak(), 1e-3);
        assertEquals(0.5 / Math.sqrt(2), l.rms(), 1e-3);
        Loudness.apply(pcm, 0, pcm.length, l.gain());
        assertEquals(Loudness.TARGET_RMS, Loudness.of(pcm, 0, pcm.length).rms(), 1e-3);
        // spiky audio: the peak limit wins over the RMS target, and nothing clips
        byte[] spiky = sine(0.02, 44100);
        spiky[1000] = (byte) 0xFF;
        spiky[1001] = 0x7F;
        Loudness s = Loudness.of(spiky, 0, spiky.length);
        Loudness.apply(spiky, 0, spiky.length, s.gain());
        assertEquals(Loudness.MAX_PEAK, Loudness.of(spiky, 0, spiky.length).peak(), 1e-3);
    }

    @Test
    void aNormalisedRenderingNeverClipsAndReportsWhatItWrote(@TempDir Path dir) throws Exception {
        List<MidiNote> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // a loud chord on every beat, two channels
            for (int p : new int[] {48, 55, 60, 64, 67, 72}) {
                notes.add(new MidiNote(i % 2, p, i * 480L, 480, 127));
            }
        }
        Song song = new Song(480, Key.C_MAJOR, List.of(new Track("a", 0, 0), new Track("b", 1, 48)), notes,
                List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)));
        Path wav = dir.resolve("loud.wav");
        Loudness written = new AudioRenderer(null).writeNormalisedWav(song, wav);
        assertTrue(written.peak() <= Loudness.MAX_PEAK + 1e-3, "peak " + written.peak());
        assertTrue(written.peak() > 0.5 || Math.abs(written.rms() - Loudness.TARGET_RMS) < 0.01, written.toString());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] all = in.readAllBytes();
            assertEquals(written, Loudness.of(all, 0, all.length));
        }
    }

    @Test
    void aTappedStreamSendsEachMessageOnceWhenItsTimeIsRendered() throws Exception {
        List<Long> heardAtMicros = new ArrayList<>();
        List<Integer> pitches = new ArrayList<>();
        try (SynthStream synth = SynthStream.open(null)) {
            synth.tap(new Receiver() {
                @Override
                public void send(MidiMessage message, long timeStamp) {
                    heardAtMicros.add(synth.micros());
                    pitches.add(((ShortMessage) message).getData1());
                    assertEquals(-1, timeStamp);
                }

                @Override
                public void close() {
                }
            });
            synth.send(ShortMessage.NOTE_ON, 0, 62, 90, 300_000);
            synth.send(ShortMessage.NOTE_ON, 0, 60, 90, 100_000);
            byte[] block = new byte[512 * 4];
            while (synth.micros() < 200_000) {
                synth.read(block, 0, block.length);
            }
            assertEquals(List.of(60), pitches, "only what is due");
            while (synth.micros() < 400_000) {
                synth.read(block, 0, block.length);
            }
            assertEquals(List.of(60, 62), pitches);
            assertTrue(heardAtMicros.get(0) >= 100_000 && heardAtMicros.get(0) < 100_000 + 12_000, "late: " + heardAtMicros);
        }
    }
}
