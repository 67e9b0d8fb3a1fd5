package dev.improv.music;

import java.io.ByteArrayOutputStream;

/** Builds Standard MIDI File bytes by hand, so tests control every byte (running status, lengths). */
final class SmfBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static SmfBytes header(int format, int tracks, int division) {
        SmfBytes b = new SmfBytes();
        b.ascii("MThd").u32(6).u16(format).u16(tracks).u16(division);
        return b;
    }

    SmfBytes ascii(String s) {
        for (char c : s.toCharArray()) {
            out.write(c);
        }
        return this;
    }

    SmfBytes u32(long v) {
        out.write((int) (v >> 24));
        out.write((int) (v >> 16));
        out.write((int) (v >> 8));
        out.write((int) v);
        return this;
    }

    SmfBytes u16(int v) {
        out.write(v >> 8);
        out.write(v);
        return this;
    }

    /** Appends an MTrk chunk with the given event bytes (delta times included by the caller). */
    SmfBytes track(int... events) {
        ascii("MTrk").u32(events.length);
        for (int e : events) {
            out.write(e);
        }
        return this;
    }

    SmfBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
