package dev.improv.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavRecorderTest {

    @Test
    void recordsSoundAndGapsInOrderAndBehavesLikeTheDevice(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("out.wav");
        SilentOutput device = new SilentOutput();
        long[] gapsForwarded = {0};
        var recorder = new WavRecorder(wav, new dev.improv.api.AudioOutput() {
            @Override
            public void write(short[] samples, int offset, int count) {
            }

            @Override
            public void gap(long frames) {
                gapsForwarded[0] += frames;
            }

            @Override
            public boolean blocksInRealTime() {
                return device.blocksInRealTime();
            }

            @Override
            public int aheadFrames() {
                return device.aheadFrames();
            }

            @Override
            public boolean isAudible() {
                return false;
            }

            @Override
            public void close() {
            }
        });
        assertEquals(device.aheadFrames(), recorder.aheadFrames(), "recording does not change the session's lead");
        recorder.write(new short[] {100, -100, 200, -200}, 0, 4); // 2 frames
        recorder.gap(5000); // more than one chunk of zeros
        recorder.write(new short[] {7, 8}, 0, 2);
        recorder.close();
        assertEquals(5000, gapsForwarded[0]);

        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int frames = 2 + 5000 + 1;
        assertEquals(44 + frames * 4, b.limit());
        assertEquals(frames * 4, b.getInt(40), "data chunk size");
        assertEquals(36 + frames * 4, b.getInt(4), "RIFF size");
        assertEquals(100, b.getShort(44));
        assertEquals(-200, b.getShort(44 + 6));
        for (int i = 0; i < 5000 * 2; i++) {
            assertEquals(0, b.getShort(44 + 8 + 2 * i), "gap sample " + i);
        }
        assertEquals(7, b.getShort(44 + 8 + 20000));
        assertEquals(8, b.getShort(44 + 8 + 20002));
        assertEquals(44_100, b.getInt(24));
        assertEquals(2, b.getShort(22));
    }
}
