package dev.improv.drums;

import dev.improv.api.Meter;
import dev.improv.music.Song;
import java.util.Locale;

/**
 * One drum performance: its file name, the style and whether it is a fill (as the Groove corpus
 * labels them), and the notes as read from the MIDI file (drums on channel 10).
 */
public record DrumTake(String name, String style, boolean fill, Song song) {

    /**
     * Labels a take from a Groove file name, {@code <id>_<style>[-<substyle>]_<bpm>_<beat|fill>_<n>-<d>.mid}:
     * the primary style, and fill or beat. A name in another form is a beat of style "other".
     */
    public static DrumTake labelled(String name, Song song) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String[] parts = base.replaceFirst("\\.midi?$", "").split("_");
        String style = "other";
        boolean fill = false;
        if (parts.length >= 5) {
            style = parts[1].split("-")[0];
            fill = parts[3].equals("fill");
        }
        return new DrumTake(name, style, fill, song);
    }

    /** The meter the take is played in (the file's first). */
    public Meter meter() {
        return song.meterAt(0);
    }

    /** The take's tempo in bpm (the file's first). */
    public double bpm() {
        return song.bpmAt(0);
    }
}
