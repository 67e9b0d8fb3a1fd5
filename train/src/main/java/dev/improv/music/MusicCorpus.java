package dev.improv.music;

import dev.improv.api.Seeds;
import dev.improv.music.musicxml.MusicXmlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A folder of MIDI files, MusicXML lead sheets (.mxl, .musicxml) or both as training material:
 * reading (a bad file is reported and skipped, never fatal), a held-out split decided by each file's name and a seed (so no fixed list is ever tuned
 * to), and encoding with transposition augmentation.
 */
public final class MusicCorpus {

    /** One readable file. */
    public record Piece(String name, Song song) { }

    /** What a folder held: the readable pieces and one message per file that was skipped. */
    public record Loaded(List<Piece> pieces, List<String> skipped) { }

    private MusicCorpus() {
    }

    /**
     * Reads every .mid/.midi/.mxl/.musicxml file under {@code dir} (sorted by path); {@code progress}
     * gets a line now and then.
     */
    public static Loaded load(Path dir, Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder of MIDI or MusicXML files");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            files = walk.filter(Files::isRegularFile).filter(p -> isMidi(p) || MusicXmlFiles.isMusicXml(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + ": no .mid, .midi, .mxl or .musicxml files");
        }
        List<Piece> pieces = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            try {
                pieces.add(new Piece(dir.relativize(f).toString(), isMidi(f) ? MidiFiles.read(f) : MusicXmlFiles.read(f)));
            } catch (IOException e) {
                skipped.add(e.getMessage());
            }
            if ((i + 1) % 200 == 0 || i + 1 == files.size()) {
                progress.accept("read " + (i + 1) + "/" + files.size() + " files");
            }
        }
        return new Loaded(pieces, skipped);
    }

    private static boolean isMidi(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }

    /**
     * The share of a song's pitched notes (drum tracks left out) whose pitch class is in its key's
     * scale; 1 for a song without pitched notes. The key token is a control only if the tunes
     * under it keep to it, which this measures.
     */
    public static double inKeyShare(Song song) {
        long pitched = 0;
        long inKey = 0;
        for (MidiNote n : song.notes()) {
            if (n.track() < song.tracks().size() && song.tracks().get(n.track()).drums()) {
                continue;
            }
            pitched++;
            if (song.key().inScale(n.pitch())) {
                inKey++;
            }
        }
        return pitched == 0 ? 1 : inKey / (double) pitched;
    }

    /** True if the piece called {@code name} belongs to the held-out share under {@code seed}. */
    public static boolean heldOut(String name, long seed, double share) {
        long h = Seeds.mix(seed, name.hashCode(), name.length());
        return (h >>> 11) * 0x1.0p-53 < share;
    }

    /**
     * Encodes songs, each once per transposition in {@code shifts} (a shift that pushes a note out
     * of range, or a meter the language cannot state, skips that version; {@code skipped} hears why).
     */
    public static List<int[]> encode(List<Song> songs, MusicTokenizer tokenizer, int[] shifts, Consumer<String> skipped) {
        List<int[]> docs = new ArrayList<>();
        for (Song song : songs) {
            for (int s : shifts) {
                Song moved = s == 0 ? song : song.transposed(s);
                if (moved.notes().size() != song.notes().size()) {
                    continue; // a note left the MIDI range: keep the tune whole or not at all
                }
                try {
                    docs.add(tokenizer.encode(moved));
                } catch (IllegalArgumentException e) {
                    skipped.accept(e.getMessage());
                    break;
                }
            }
        }
        return docs;
    }

    /** Shifts -k..+k clipped to one octave's worth (at most 12 versions): -5..+6 for k >= 6. */
    public static int[] shifts(int k) {
        int lo = -Math.min(k, 5);
        int hi = Math.min(k, 6);
        int[] out = new int[hi - lo + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = lo + i;
        }
        return out;
    }
}
