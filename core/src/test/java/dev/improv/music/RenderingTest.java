package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingTest {

    private static Song oneBar() {
        return new Song(480, Key.C_MAJOR, List.of(new Track("piano", 0, 0)),
                List.of(new MidiNote(0, 60, 0, 480, 100), new MidiNote(0, 64, 480, 480, 100), new MidiNote(0, 67, 960, 960, 100)),
                List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)));
    }

    @Test
    void rendersSoundWhereNotesAreAndSilenceBefore() throws IOException {
        Song song = new Song(480, Key.C_MAJOR, List.of(new Track("piano", 0, 0)),
                List.of(new MidiNote(0, 60, 960, 960, 110)), // starts at 1.0 s, lasts 1.0 s
                List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)));
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        new AudioRenderer(null).render(song, pcm);
        byte[] bytes = pcm.toByteArray();
        assertEquals(AudioRenderer.frames(song) * 4, bytes.length);
        double before = rms(bytes, 0.1, 0.9);
        double during = rms(bytes, 1.1, 1.9);
        assertTrue(before < 1, "silence before the note, rms " + before);
        assertTrue(during > 100, "sound during the note, rms " + during);
    }

    @Test
    void barsStreamOneAfterAnother() throws IOException {
        MidiBar bar = new MidiBar(0, Meter.FOUR_FOUR, 120, 4, 480, List.of(new MidiNote(0, 67, 0, 240, 100)));
        List<Track> tracks = List.of(new Track("lead", 0, 0));
        try (SynthStream synth = SynthStream.open(null)) {
            AudioRenderer.programs(tracks, synth, 0);
            long next = AudioRenderer.scheduleBar(bar, tracks, synth, 0);
            assertEquals(2_000_000, next, "a 4/4 bar at 120 bpm lasts two seconds");
            AudioRenderer.scheduleBar(bar, tracks, synth, next);
            byte[] pcm = new byte[(int) (4.0 * 44100) * 4];
            int read = 0;
            while (read < pcm.length) {
                read += synth.read(pcm, read, pcm.length - read);
            }
            assertEquals(4_000_000, synth.micros());
            assertTrue(rms(pcm, 0.05, 0.4) > 100, "first bar sounds");
            assertTrue(rms(pcm, 1.2, 1.9) < rms(pcm, 0.05, 0.4) / 10, "quiet between the notes");
            assertTrue(rms(pcm, 2.05, 2.4) > 100, "second bar sounds at its bar line");
        }
    }

    @Test
    void writesAReadableWav(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("a.wav");
        new AudioRenderer(null).writeWav(oneBar(), wav);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(44100f, in.getFormat().getSampleRate());
            assertEquals(2, in.getFormat().getChannels());
            assertEquals(16, in.getFormat().getSampleSizeInBits());
            assertEquals(AudioRenderer.frames(oneBar()), in.getFrameLength());
        }
    }

    @Test
    void missingSoundfontIsNamed(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> SynthStream.loadSoundbank(dir.resolve("none.sf2")));
        assertTrue(e.getMessage().contains("none.sf2"));
    }

    @Test
    void pianoRollColoursNotesAndWritesPng(@TempDir Path dir) throws IOException {
        BufferedImage image = PianoRoll.draw(MusicTokenizerTest.tune());
        assertTrue(image.getWidth() > 100 && image.getHeight() > 50);
        Path png = dir.resolve("roll.png");
        PianoRoll.writePng(MusicTokenizerTest.tune(), png);
        assertTrue(Files.size(png) > 500);
    }

    /** Root mean square of the left channel between two times. */
    private static double rms(byte[] pcm, double fromSeconds, double toSeconds) {
        int from = (int) (fromSeconds * 44100) * 4;
        int to = (int) (toSeconds * 44100) * 4;
        double sum = 0;
        int count = 0;
        for (int i = from; i + 1 < to; i += 4) {
            short s = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
            sum += (double) s * s;
            count++;
        }
        return Math.sqrt(sum / count);
    }
}
