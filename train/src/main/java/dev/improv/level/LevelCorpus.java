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
 * with sky). Augmentation: each level is cut into chunks at several column offsets, documents start
 * at every chunk, and conditioning tokens are randomly replaced by "any" so that a prompt can leave
 * features open.
 */
public final class LevelCorpus {
    /** Column offsets at which a level is cut into chunks, one training document each. */
    private static final int[] OFFSETS = {0, 4, 8, 12};
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
     * Token documents of at most {@code maxTokens} tokens, each starting with BOS and a chunk header,
     * as generation does: every level is cut into chunks at several column offsets, and a document
     * starts at every chunk and runs as many chunks as fit. Every {@code validEvery}-th level (by
     * index) goes to validation instead, cut once without overlap.
     *
     * <p>Conditioning: per chunk a keep-rate is drawn uniformly and each feature keeps its measured
     * level with that probability, else reads "any"; so headers with none, some or all features
     * given are all common, as prompts are.
     */
    public TokenCorpus tokens(int validEvery, long seed, int maxTokens) {
        SeededRandom random = new SeededRandom(seed);
        LevelTokenizer tok = spec.tokenizer();
        List<int[]> train = new ArrayList<>();
        List<int[]> valid = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            TileGrid g = levels.get(i);
            boolean isValid = validEvery > 0 && i % validEvery == validEvery - 1;
            for (int offset : isValid ? new int[] {0} : OFFSETS) {
                List<int[]> chunks = new ArrayList<>(); // each chunk's tokens, header included
                for (int c = offset; c < g.columns(); c += LevelTokenizer.CHUNK_COLUMNS) {
                    int end = Math.min(g.columns(), c + LevelTokenizer.CHUNK_COLUMNS);
                    int[] l = spec.features().levels(g.slice(c, end), spec.legend());
                    double keep = random.nextDouble();
                    for (int f = 0; f < l.length; f++) {
                        if (random.nextDouble() >= keep) {
                            l[f] = FeatureSet.ANY;
                        }
                    }
                    List<Integer> t = new ArrayList<>();
                    for (int h : tok.header(l)) {
                        t.add(h);
                    }
                    tok.encodeColumns(g, c, end, t);
                    chunks.add(t.stream().mapToInt(Integer::intValue).toArray());
                }
                for (int first = 0; first < chunks.size(); ) {
                    List<Integer> doc = new ArrayList<>();
                    doc.add(LevelTokenizer.BOS);
                    int k = first;
                    while (k < chunks.size() && (doc.size() == 1 || doc.size() + chunks.get(k).length <= maxTokens)) {
                        for (int t : chunks.get(k)) {
                            doc.add(t);
                        }
                        k++;
                    }
                    (isValid ? valid : train).add(doc.stream().mapToInt(Integer::intValue).toArray());
                    first = isValid ? k : first + 1;
                }
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
