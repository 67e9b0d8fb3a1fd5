package dev.improv.music;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Seeds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A MIDI folder prepared for training: the training tunes (transposed) and the held-out tunes
 * (as they are), split by file name and seed; plus the model metadata that records the vocabulary,
 * the default tracks and a fingerprint of every training tune, so evaluation can tell seen tunes
 * from unseen ones by content.
 */
public record MusicTrainingData(List<String> trainNames, List<int[]> train, List<String> validNames, List<int[]> valid,
                                List<Song> trainSongs, Set<String> trainFingerprints, int[] trainFolders,
                                List<Song> validSongs) {

    /** The metadata field (under {@code training}) listing every folder of the corpus mix. */
    public static final String DATA_FOLDERS = "dataFolders";

    /** The metadata field (under {@code training}) with each data folder's sampling weight, when not all are 1. */
    public static final String DATA_WEIGHTS = "dataWeights";

    /** The metadata field (under {@code training}) naming what chose the kept checkpoint, when not the validation loss. */
    public static final String KEEP_BEST = "keepBest";

    /** Reads {@code dir} and splits and encodes it. */
    public static MusicTrainingData prepare(Path dir, MusicTokenizer tokenizer, double validShare, long splitSeed,
                                            int[] shifts, Consumer<String> log) throws IOException {
        return prepare(List.of(dir), tokenizer, validShare, splitSeed, shifts, TuneFilter.NONE, log);
    }

    /**
     * Reads the folders of a corpus mix (e.g. Nottingham MIDI and OpenEWLD lead sheets) and splits
     * and encodes them together. A piece's name is its path inside its own folder, so adding a
     * folder leaves the held-out share of the others as it was. {@code filter} leaves out training
     * tunes with too few notes in their stated key ({@link MusicCorpus#inKeyShare}; such a tune teaches
     * the model that the key token may be ignored), sparing minor ones if asked (they are few, and the
     * natural-minor scale they are judged by counts their leading tones as out of key), and may take the
     * chord notes outside the key out of the tunes it keeps. Held-out tunes are all kept as they are, so
     * validation stays comparable across filters.
     */
    public static MusicTrainingData prepare(List<Path> dirs, MusicTokenizer tokenizer, double validShare, long splitSeed,
                                            int[] shifts, TuneFilter filter, Consumer<String> log) throws IOException {
        List<MusicCorpus.Piece> all = new ArrayList<>();
        List<Integer> folderOf = new ArrayList<>();
        for (int d = 0; d < dirs.size(); d++) {
            MusicCorpus.Loaded loaded = MusicCorpus.load(dirs.get(d), log);
            for (String s : loaded.skipped()) {
                log.accept("skipped: " + s);
            }
            all.addAll(loaded.pieces());
            for (int i = 0; i < loaded.pieces().size(); i++) {
                folderOf.add(d);
            }
        }
        MusicCorpus.Loaded loaded = new MusicCorpus.Loaded(all, List.of());
        String dir = dirs.toString();
        List<String> trainNames = new ArrayList<>();
        List<String> validNames = new ArrayList<>();
        List<Song> trainSongs = new ArrayList<>();
        List<Song> validSongs = new ArrayList<>();
        List<Integer> trainSongFolders = new ArrayList<>();
        Set<String> fingerprints = new HashSet<>();
        int offKey = 0;
        for (int i = 0; i < loaded.pieces().size(); i++) {
            MusicCorpus.Piece p = loaded.pieces().get(i);
            if (MusicCorpus.heldOut(p.name(), splitSeed, validShare)) {
                validNames.add(p.name());
                validSongs.add(p.song());
            } else if (filter.leavesOut(p.song())) {
                offKey++;
            } else {
                trainNames.add(p.name());
                trainSongs.add(filter.apply(p.song()));
                trainSongFolders.add(folderOf.get(i));
                fingerprints.add(fingerprint(tokenizer, p.song()));
            }
        }
        if (trainSongs.isEmpty() || validSongs.isEmpty()) {
            throw new IOException(dir + ": " + loaded.pieces().size() + " readable tunes are too few to split into training and validation");
        }
        if (offKey > 0) {
            log.accept("left out " + offKey + " training tunes with less than " + filter.minInKey()
                    + " of their notes in their key" + (filter.keepMinor() ? " (minor-key tunes kept)" : ""));
        }
        List<int[]> train = new ArrayList<>();
        List<Integer> docFolders = new ArrayList<>();
        for (int i = 0; i < trainSongs.size(); i++) {
            // One song at a time, so each document knows the folder (and so the sampling weight) it came from.
            List<int[]> docs = MusicCorpus.encode(List.of(trainSongs.get(i)), tokenizer, shifts,
                    m -> log.accept("skipped: " + m));
            train.addAll(docs);
            int folder = trainSongFolders.get(i);
            docs.forEach(d -> docFolders.add(folder));
        }
        List<int[]> valid = MusicCorpus.encode(validSongs, tokenizer, new int[] {0}, m -> log.accept("skipped: " + m));
        return new MusicTrainingData(trainNames, train, validNames, valid, trainSongs, fingerprints,
                docFolders.stream().mapToInt(Integer::intValue).toArray(), validSongs);
    }

    /**
     * One sampling weight per training document: the weight of the folder it came from
     * ({@code folderWeights} in the order of the folders given to {@link #prepare}).
     */
    public double[] trainWeights(List<Double> folderWeights) {
        double[] w = new double[train.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = folderWeights.get(trainFolders[i]);
        }
        return w;
    }

    /**
     * Records in {@code metadata} (from {@link #metadata}) the folders' sampling weights, when any is not 1,
     * and what chose the kept checkpoint, when it was not the validation loss ({@code keepBest} "nll").
     */
    public static void recordSchedule(ObjectNode metadata, List<Double> folderWeights, String keepBest) {
        ObjectNode training = (ObjectNode) metadata.get("training");
        if (folderWeights.stream().anyMatch(w -> w != 1)) {
            ArrayNode weights = training.putArray(DATA_WEIGHTS);
            folderWeights.forEach(weights::add);
        }
        if (!keepBest.equals("nll")) {
            training.put(KEEP_BEST, keepBest);
        }
    }

    /** A content fingerprint of a tune (its notes on the grid), independent of its file name. */
    public static String fingerprint(MusicTokenizer tokenizer, Song song) {
        long h = 17;
        for (MusicTokenizer.GridNote n : tokenizer.quantise(song)) {
            h = Seeds.mix(h, n.track(), n.pitch(), n.onset(), n.duration());
        }
        return String.format("%016x", h);
    }

    /** The music section of model.json for a model trained on this data. */
    public ObjectNode metadata(MusicTokenizer tokenizer, Path dir, int transpose, double validShare, long splitSeed) {
        return metadata(tokenizer, List.of(dir), transpose, validShare, splitSeed, TuneFilter.NONE);
    }

    /**
     * The music section of model.json for a model trained on the folders {@code dirs}:
     * {@code training.data} names the first (as models trained on one folder always did),
     * {@code training.dataFolders} all of them, and the {@link TuneFilter} (what of it is on).
     */
    public ObjectNode metadata(MusicTokenizer tokenizer, List<Path> dirs, int transpose, double validShare, long splitSeed,
                               TuneFilter filter) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("domain", "music");
        root.set(MusicGenerator.METADATA_VOCABULARY, json.valueToTree(tokenizer.vocabulary().settings()));
        root.set(MusicGenerator.METADATA_TRACKS, json.valueToTree(typicalTracks()));
        ObjectNode training = root.putObject("training");
        training.put("data", dirs.get(0).toAbsolutePath().normalize().toString());
        ArrayNode folders = training.putArray(DATA_FOLDERS);
        dirs.forEach(d -> folders.add(d.toAbsolutePath().normalize().toString()));
        training.put("transpose", transpose);
        training.put("validShare", validShare);
        training.put("splitSeed", splitSeed);
        filter.record(training);
        training.put("trainTunes", trainNames.size());
        training.put("validTunes", validNames.size());
        ArrayNode prints = training.putArray("trainFingerprints");
        trainFingerprints.stream().sorted().forEach(prints::add);
        return root;
    }

    /** The most common track layout among training tunes (by instrument family), on distinct channels. */
    private List<Track> typicalTracks() {
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (Song s : trainSongs) {
            List<Integer> families = s.tracks().stream().map(MusicTokenizer::instrumentOf).toList();
            counts.merge(families, 1, Integer::sum);
        }
        List<Integer> best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(List.of(0));
        List<Track> tracks = SongBuilder.tracksFor(best.subList(0, Math.min(best.size(), 8)));
        List<Track> named = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            String name = tracks.size() == 2 ? (i == 0 ? "melody" : "chords") : t.name();
            named.add(new Track(name, t.channel(), t.program()));
        }
        return named;
    }
}
