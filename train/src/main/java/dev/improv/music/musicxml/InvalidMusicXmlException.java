package dev.improv.music.musicxml;

import java.io.IOException;

/** A file that is not a MusicXML score we can read; the message names the file, then the element or line at fault. */
public class InvalidMusicXmlException extends IOException {
    public InvalidMusicXmlException(String message) {
        super(message);
    }

    public InvalidMusicXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
