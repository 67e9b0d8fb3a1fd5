package dev.improv.music;

import java.io.IOException;

/** A file that is not a Standard MIDI File we can read; the message names the file and the fault. */
public class InvalidMidiFileException extends IOException {
    public InvalidMidiFileException(String message) {
        super(message);
    }

    public InvalidMidiFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
