package dev.improv.music.musicxml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.ParserContract;
import dev.improv.music.InvalidMidiFileException;
import dev.improv.music.MidiFiles;
import dev.improv.music.MusicTokenizer;
import dev.improv.music.MusicVocabulary;
import dev.improv.music.Song;

/**
 * Fuzzes the MusicXML reader (plain XML and .mxl archives): any bytes give a song or one clean
 * error naming the file; a song read is tokenised and written as MIDI and read back.
 */
public class MusicXmlFuzzTest {

    private static final MusicTokenizer TOKENIZER = new MusicTokenizer(MusicVocabulary.standard());

    /** The target for a longer campaign with Jazzer's own driver (docs/reliability.md). */
    public static void fuzzerTestOneInput(byte[] data) {
        Song song;
        try {
            song = MusicXmlFiles.read(data, "fuzz.mxl");
        } catch (InvalidMusicXmlException e) {
            ParserContract.cleanFailure(e, "fuzz.mxl", data);
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
            throw new AssertionError("a lead sheet read from a file was written as MIDI that cannot be read: " + e.getMessage(), e);
        }
    }

    @FuzzTest(maxDuration = "4s")
    void musicXmlFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
