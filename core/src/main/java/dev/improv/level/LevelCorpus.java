package dev.improv.level;

import dev.improv.model.SeededRandom;
import dev.improv.model.TokenCorpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns VGLC levels into a level model's spec and training documents.
 *
 * <p>Levels of other heights are brought to the model height by dropping rows at the top (or padding
 * with sky). Augmentation: each level is encoded from several chunk alignments, and each chunk's
 * conditioning tokens are replaced by "any" with some probability, so that a prompt can leave
 * features open.
 */
public final class LevelCorpus {
    /** Column offsets at which a level is cut into chunks, one training document each. */
    private static final int[] OFFSETS = {0, 4, 8, 12};
    private static final double ANY_RATE = 0.3;
    /** VGLC Mario has a handful of one-off slips (a pipe half next to an enemy); three sightings make a rule. */
    private static final int RULE_MIN_COUNT = 3;

    private final List<TileGrid> levels;
    private final List<String> sources;
    private final LevelSpec spec;

    private LevelCorpus(List<TileGrid> levels, List<String> sources, LevelSpec spec) {
        this.levels = levels;
        this.sources = sources;
        this.spec = spec;
    }

    /**
     * Prepares a corpus: normalises heights, fits feature thresholds and learns tile rules.
     *
     * @param game     game name stored in the model
     * @param read     levels as read from disk
     * @param legend   their legend
     * @param height   model height (rows)
     * @param features feature specs; thresholds left empty are fitted here
     * @param jumps    jump arcs, or null
     */
    public static LevelCorpus prepare(String game, List<VglcReader.NamedLevel> read, Legend legend, int height,
                                      FeatureSet features, JumpArcs jumps) {
        List<TileGrid> levels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (VglcReader.NamedLevel l : read) {
            levels.add(normalise(l.grid(), height, legend.empty()));
            sources.add(l.source());
        }
        StringBuilder tiles = new StringBuilder();
        for (char c : legend.tiles()) {
            tiles.append(c);
        }
        List<TileGrid> chunks = new ArrayList<>();
        for (TileGrid g : levels) {
            for (int c = 0; c + LevelTokenizer.CHUNK_COLUMNS <= g.columns(); c += LevelTokenizer.CHUNK_COLUMNS / 2) {
                chunks.add(g.slice(c, c + LevelTokenizer.CHUNK_COLUMNS));
            }
        }
        FeatureSet fitted = features.fit(chunks, legend);
        LevelTokenizer tokenizer = new LevelTokenizer(height, tiles.toString(), legend.empty(), fitted);
        TileRules rules = TileRules.learn(tokenizer.tiles(), levels, RULE_MIN_COUNT);
        return new LevelCorpus(levels, sources, new LevelSpec(game, legend, tokenizer, rules, jumps));
    }

    /** Crops rows from the top, or pads sky on top, to reach {@code height} rows. */
    public static TileGrid normalise(TileGrid g, int height, char empty) {
        if (g.rows() == height) {
            return g;
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < height - g.rows(); r++) {
            rows.add(String.valueOf(empty).repeat(g.columns()));
        }
        for (int r = Math.max(0, g.rows() - height); r < g.rows(); r++) {
            rows.add(g.row(r));
        }
        return TileGrid.ofRows(rows);
    }

    /** The most common height among levels (the default model height). */
    public static int commonHeight(List<VglcReader.NamedLevel> read) {
        int[] counts = new int[1024];
        for (VglcReader.NamedLevel l : read) {
            counts[Math.min(1023, l.grid().rows())]++;
        }
        int best = 0;
        for (int h = 1; h < counts.length; h++) {
            if (counts[h] > counts[best]) {
                best = h;
            }
        }
        return best;
    }

    public LevelSpec spec() {
        return spec;
    }

    /** The normalised training levels. */
    public List<TileGrid> levels() {
        return levels;
    }

    public List<String> sources() {
        return sources;
    }

    /**
     * Token documents: every {@code validEvery}-th level (by index) goes to validation, the rest to
     * training, each encoded at every chunk offset with random "any" conditioning.
     */
    public TokenCorpus tokens(int validEvery, long seed) {
        SeededRandom random = new SeededRandom(seed);
        LevelTokenizer tok = spec.tokenizer();
        List<int[]> train = new ArrayList<>();
        List<int[]> valid = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            TileGrid g = levels.get(i);
            boolean isValid = validEvery > 0 && i % validEvery == validEvery - 1;
            for (int offset : isValid ? new int[] {0} : OFFSETS) {
                List<int[]> labels = new ArrayList<>();
                for (int c = offset; c < g.columns(); c += LevelTokenizer.CHUNK_COLUMNS) {
                    int[] l = spec.features().levels(g.slice(c, Math.min(g.columns(), c + LevelTokenizer.CHUNK_COLUMNS)), spec.legend());
                    for (int f = 0; f < l.length; f++) {
                        if (random.nextDouble() < ANY_RATE) {
                            l[f] = FeatureSet.ANY;
                        }
                    }
                    labels.add(l);
                }
                (isValid ? valid : train).add(tok.encodeLevel(g, offset, labels, spec.legend()));
            }
        }
        return new TokenCorpus(tok.vocabSize(), train, valid);
    }

    /** Total columns over all levels. */
    public int columns() {
        return levels.stream().mapToInt(TileGrid::columns).sum();
    }

    @Override
    public String toString() {
        return levels.size() + " levels, " + columns() + " columns, " + Arrays.toString(new int[] {spec.height()}) + " rows";
    }
}
