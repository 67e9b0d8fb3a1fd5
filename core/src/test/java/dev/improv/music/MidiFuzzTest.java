package dev.improv.music;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.ParserContract;

/** Fuzzes the MIDI reader: any bytes give a song or one clean error; a song read is tokenised and written back. */
public class MidiFuzzTest {

    private static final MusicTokenizer TOKENIZER = new MusicTokenizer(MusicVocabulary.standard());

    /** The target for a longer campaign with Jazzer's own driver (docs/reliability.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        Song song;
        try {
            song = MidiFiles.read(data, "fuzz.mid");
        } catch (InvalidMidiFileException e) {
            ParserContract.cleanFailure(e, "fuzz.mid: ", data);
            return;
        }
        try {
            TOKENIZER.encode(song);
        } catch (IllegalArgumentException e) {
            ParserContract.cleanFailure(e, null, data); // a meter or tempo the language cannot state
        }
        try {
            MidiFiles.read(MidiFiles.toBytes(song), "again.mid");
        } catch (InvalidMidiFileException e) {
            throw new AssertionError("a song read from a file was written as a file that cannot be read: " + e.getMessage(), e);
        }
    }

    @FuzzTest(maxDuration = "4s")
    void midiFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
