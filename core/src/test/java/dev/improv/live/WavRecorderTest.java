package dev.improv.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavRecorderTest {

    @Test
    void anExistingFileIsReplacedOnlyByAWholeRecording(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("session.wav");
        byte[] old = {'o', 'l', 'd'};
        Files.write(wav, old);
        WavRecorder recorder = new WavRecorder(wav, new SilentOutput());
        recorder.write(new short[4410 * 2], 0, 4410 * 2);
        // Mid-session (a kill now would stop here): the old file is untouched, not truncated.
        assertArrayEquals(old, Files.readAllBytes(wav));
        recorder.close();
        byte[] done = Files.readAllBytes(wav);
        assertEquals(44 + 4410 * 4, done.length);
        assertEquals(4410 * 4, ByteBuffer.wrap(done, 40, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), "data size in the header");
    }
}
