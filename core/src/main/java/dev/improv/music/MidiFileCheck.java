package dev.improv.music;

/**
 * Walks the raw bytes of a Standard MIDI File before javax.sound.midi sees them, so that a corrupt,
 * truncated or hostile file fails with a message that says what is wrong and where, and so that no
 * length field is ever trusted beyond the bytes actually present.
 */
final class MidiFileCheck {

    /** Larger files are refused outright: a game's MIDI is kilobytes, and this bounds memory. */
    static final int MAX_BYTES = 32 << 20;

    /**
     * More events are refused before javax.sound.midi builds an object for each (about 240 bytes
     * apiece): the largest pieces in the corpora have tens of thousands.
     */
    static final int MAX_EVENTS = 1_000_000;

    private int events;

    private final byte[] data;
    private final String name;

    private MidiFileCheck(byte[] data, String name) {
        this.data = data;
        this.name = name;
    }

    /** Throws if {@code data} is not a well-formed type 0 or 1 Standard MIDI File with a PPQ time base. */
    static void check(byte[] data, String name) throws InvalidMidiFileException {
        new MidiFileCheck(data, name).run();
    }

    private InvalidMidiFileException fail(String what) {
        return new InvalidMidiFileException(name + ": " + what);
    }

    private void run() throws InvalidMidiFileException {
        if (data.length > MAX_BYTES) {
            throw fail("file is " + data.length + " bytes; MIDI files over " + MAX_BYTES + " bytes are refused");
        }
        if (data.length < 14 || !chunkType(0).equals("MThd")) {
            throw fail(data.length < 14 ? "too short to be a MIDI file (" + data.length + " bytes)"
                    : "not a Standard MIDI File (no 'MThd' header at the start)");
        }
        long headerLength = u32(4);
        if (headerLength < 6 || headerLength > data.length - 8) {
            throw fail("header chunk claims " + headerLength + " bytes, expected 6");
        }
        int format = u16(8);
        int tracks = u16(10);
        int division = u16(12);
        if (format > 1) {
            throw fail(format == 2 ? "format 2 (independent sequences) is not supported; use type 0 or 1"
                    : "unknown MIDI format " + format);
        }
        if ((division & 0x8000) != 0) {
            throw fail("SMPTE time division is not supported; only ticks per quarter note");
        }
        if (division == 0) {
            throw fail("time division is 0 ticks per quarter note");
        }
        if (tracks == 0) {
            throw fail("header announces 0 tracks");
        }
        if (format == 0 && tracks != 1) {
            throw fail("type 0 file announces " + tracks + " tracks; it must have exactly 1");
        }
        int pos = (int) (8 + headerLength);
        int found = 0;
        int chunk = 0;
        while (found < tracks) {
            if (pos + 8 > data.length) {
                throw fail("truncated: header announces " + tracks + " tracks but the file ends after " + found);
            }
            String type = chunkType(pos);
            long length = u32(pos + 4);
            long remaining = data.length - pos - 8L;
            if (length > remaining) {
                throw fail("chunk #" + chunk + " ('" + printable(type) + "') at byte " + pos + " claims " + length
                        + " bytes but only " + remaining + " remain (truncated or corrupt)");
            }
            if (type.equals("MTrk")) {
                checkTrack(found, pos + 8, pos + 8 + (int) length);
                found++;
            } else if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw fail("garbage where chunk #" + chunk + " should start (byte " + pos + ")");
            }
            pos += 8 + (int) length;
            chunk++;
        }
    }

    private void checkTrack(int track, int start, int end) throws InvalidMidiFileException {
        int pos = start;
        int running = 0;
        while (pos < end) {
            int[] vlq = readVlq(track, pos, end); // delta time
            pos = vlq[1];
            if (pos >= end) {
                throw fail("track " + track + ": event cut off at byte " + pos);
            }
            if (++events > MAX_EVENTS) {
                throw fail("more than " + MAX_EVENTS + " events; longer files are refused");
            }
            int status = data[pos] & 0xFF;
            if (status < 0x80) {
                if (running == 0) {
                    throw fail("track " + track + ": data byte 0x" + Integer.toHexString(status) + " at byte " + pos
                            + " with no running status");
                }
                status = running;
            } else {
                pos++;
            }
            if (status == 0xFF) {
                if (pos >= end) {
                    throw fail("track " + track + ": meta event cut off at byte " + pos);
                }
                int metaType = data[pos] & 0xFF;
                int[] len = readVlq(track, pos + 1, end);
                if (len[0] > end - len[1]) {
                    throw fail("track " + track + ": meta event 0x" + Integer.toHexString(metaType) + " at byte " + pos
                            + " claims " + len[0] + " bytes but the track has " + (end - len[1]) + " left");
                }
                pos = len[1] + len[0];
                if (metaType == 0x2F) {
                    return; // end of track: the rest of the chunk is ignored, as readers do
                }
            } else if (status == 0xF0 || status == 0xF7) {
                int[] len = readVlq(track, pos, end);
                if (len[0] > end - len[1]) {
                    throw fail("track " + track + ": sysex at byte " + pos + " claims " + len[0]
                            + " bytes but the track has " + (end - len[1]) + " left");
                }
                pos = len[1] + len[0];
            } else if (status >= 0xF0) {
                throw fail("track " + track + ": status byte 0x" + Integer.toHexString(status) + " at byte " + (pos - 1)
                        + " is not allowed in a MIDI file");
            } else {
                running = status;
                int dataBytes = (status & 0xF0) == 0xC0 || (status & 0xF0) == 0xD0 ? 1 : 2;
                if (pos + dataBytes > end) {
                    throw fail("track " + track + ": channel message cut off at byte " + pos);
                }
                for (int i = 0; i < dataBytes; i++) {
                    if ((data[pos + i] & 0x80) != 0) {
                        throw fail("track " + track + ": data byte 0x" + Integer.toHexString(data[pos + i] & 0xFF)
                                + " at byte " + (pos + i) + " has its top bit set");
                    }
                }
                pos += dataBytes;
            }
        }
    }

    /** Returns {value, next position}; a MIDI variable-length number has at most 4 bytes. */
    private int[] readVlq(int track, int pos, int end) throws InvalidMidiFileException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= end) {
                throw fail("track " + track + ": variable-length number cut off at byte " + pos);
            }
            int b = data[pos++] & 0xFF;
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return new int[] {value, pos};
            }
        }
        throw fail("track " + track + ": variable-length number longer than 4 bytes at byte " + (pos - 4));
    }

    private String chunkType(int pos) {
        return new String(data, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }

    private int u16(int pos) {
        return ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    }

    private long u32(int pos) {
        return ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
                | (data[pos + 3] & 0xFF);
    }
}
