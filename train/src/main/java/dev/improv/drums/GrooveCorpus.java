package dev.improv.drums;

import dev.improv.api.Seeds;
import dev.improv.music.MusicCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A folder of drum MIDI files in the Groove MIDI Dataset's layout, labelled from the file names.
 * Its {@code info.csv}, when present, decides which takes are training and which validation data
 * (its {@code split} column); a folder without one is split by file name and seed.
 */
public final class GrooveCorpus {

    /** A take and whether it is held out for validation. */
    public record Entry(DrumTake take, boolean validation) { }

    /** The readable takes and one message per skipped file. */
    public record Loaded(List<Entry> entries, List<String> skipped) {
        public List<DrumTake> takes(boolean validation) {
            return entries.stream().filter(e -> e.validation() == validation).map(Entry::take).toList();
        }
    }

    private GrooveCorpus() {
    }

    /** Reads every .mid file under {@code dir}; without an info.csv, a {@code validShare} of names (by seed) is held out. */
    public static Loaded load(Path dir, double validShare, long splitSeed, Consumer<String> progress) throws IOException {
        Map<String, String> splits = readSplits(dir.resolve("info.csv"));
        MusicCorpus.Loaded files = MusicCorpus.load(dir, progress);
        List<Entry> entries = new ArrayList<>();
        for (MusicCorpus.Piece p : files.pieces()) {
            String name = p.name().replace('\\', '/');
            String split = splits.get(name);
            boolean validation = split != null ? !split.equals("train") : MusicCorpus.heldOut(name, splitSeed, validShare);
            entries.add(new Entry(DrumTake.labelled(name, p.song()), validation));
        }
        return new Loaded(entries, files.skipped());
    }

    /** midi_filename -> split from a Groove info.csv; empty if there is none. A malformed file names its line. */
    static Map<String, String> readSplits(Path csv) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(csv)) {
            return out;
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            return out;
        }
        List<String> header = List.of(lines.get(0).split(","));
        int file = header.indexOf("midi_filename");
        int split = header.indexOf("split");
        if (file < 0 || split < 0) {
            throw new IOException(csv + ":1: expected columns midi_filename and split");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",");
            if (cells.length <= Math.max(file, split)) {
                throw new IOException(csv + ":" + (i + 1) + ": " + cells.length + " columns, expected at least " + (Math.max(file, split) + 1));
            }
            out.put(cells[file], cells[split]);
        }
        return out;
    }

    /** Encodes takes (a take in a meter the language cannot state is skipped and reported). */
    public static List<int[]> encode(List<DrumTake> takes, DrumTokenizer tokenizer, Consumer<String> skipped) {
        List<int[]> docs = new ArrayList<>();
        for (DrumTake t : takes) {
            try {
                docs.add(tokenizer.encode(t));
            } catch (IllegalArgumentException e) {
                skipped.accept(t.name() + ": " + e.getMessage());
            }
        }
        return docs;
    }

    /** A content fingerprint of an encoded take, so evaluation can leave out training takes whatever their file names. */
    public static String fingerprint(int[] doc) {
        long h = 17;
        for (int t : doc) {
            h = Seeds.mix(h, t);
        }
        return String.format("%016x", h);
    }
}
