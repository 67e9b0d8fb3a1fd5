package dev.improv.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile MIDI input: the work done reading it is bounded by what music needs, not by what a file claims. */
class MidiBoundsTest {

    /**
     * 89 bytes: 24 ticks a quarter in 1/32, one note held across 8 delta times of 2^28-1 ticks,
     * about 715 million bars (the bar index of the old code grew without end).
     */
    static byte[] hugeDeltas() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        write(t, 0x00, 0xFF, 0x58, 0x04, 0x01, 0x05, 0x18, 0x08); // 1/32
        write(t, 0x00, 0x90, 60, 100);                            // C4 on
        for (int k = 0; k < 8; k++) {
            write(t, 0xFF, 0xFF, 0xFF, 0x7F, 62, 0);              // 2^28-1 ticks later, D4 "off" (running status)
        }
        write(t, 0x00, 60, 0, 0x00, 0xFF, 0x2F, 0x00);           // C4 off, end of track
        return SmfBytes.header(0, 1, 24).track(unsigned(t.toByteArray())).bytes();
    }

    /** One more event than the reader accepts: running-status note-ons and note-offs, 3 bytes each. */
    static byte[] tooManyEvents() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        write(t, 0x00, 0x90, 60, 100);
        for (int k = 0; k < MidiFileCheck.MAX_EVENTS / 2; k++) {
            write(t, 0x01, 60, 0, 0x00, 60, 100);
        }
        return SmfBytes.header(0, 1, 96).track(unsigned(t.toByteArray())).bytes();
    }

    @Test
    void hugeDeltaTimesAreRefusedNamingTheFileBeforeAnyBarIsBuilt() {
        InvalidMidiFileException e = assertThrows(InvalidMidiFileException.class,
                () -> MidiFiles.read(hugeDeltas(), "long.mid"));
        assertTrue(e.getMessage().startsWith("long.mid: ") && e.getMessage().contains("bars"), e.getMessage());
    }

    @Test
    void anEndlessDeviceIsReadOnlyUpToTheSizeCap() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(zero));
        // A guard, not a speed check: the old code read /dev/zero until memory ran out.
        InvalidMidiFileException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(InvalidMidiFileException.class, () -> MidiFiles.read(zero)));
        assertTrue(e.getMessage().startsWith("/dev/zero: "), e.getMessage());
    }

    @Test
    void tooManyEventsAreRefusedBeforeJavaSoundBuildsThem() {
        InvalidMidiFileException e = assertThrows(InvalidMidiFileException.class,
                () -> MidiFiles.read(tooManyEvents(), "busy.mid"));
        assertTrue(e.getMessage().startsWith("busy.mid: ") && e.getMessage().contains("events"), e.getMessage());
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}
