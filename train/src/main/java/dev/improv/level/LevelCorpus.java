package dev.improv.level;

import dev.improv.level.dungeon.RoomSides;
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
    /** Versions of each top-down run: as is, mirrored left-right, top-bottom, both. */
    private static final int MIRRORS = 4;

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
    /**
     * Prepares a top-down corpus: each map (a grid of rooms, VGLC style) is cut into rooms of
     * {@code rows} x {@code columns}; rooms holding a "void" tile are gaps between rooms; each
     * horizontal run of neighbouring rooms becomes a level whose chunks are its rooms. Every run is
     * also mirrored left-right, top-bottom and both (doors stay lined up under mirroring), and the
     * room sides (door and wall bands) are learnt from all rooms.
     */
    public static LevelCorpus prepareRooms(String game, List<VglcReader.NamedLevel> maps, Legend legend, int rows, int columns,
                                           int wall, FeatureSet features) {
        List<TileGrid> runs = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (VglcReader.NamedLevel m : maps) {
            TileGrid g = m.grid();
            if (g.rows() % rows != 0 || g.columns() % columns != 0) {
                throw new LevelFormatException(m.source(), 0, 0, "a map of " + g.rows() + " x " + g.columns()
                        + " tiles is not a grid of " + rows + " x " + columns + " rooms");
            }
            for (int rr = 0; rr < g.rows() / rows; rr++) {
                List<TileGrid> run = new ArrayList<>();
                for (int rc = 0; rc <= g.columns() / columns; rc++) {
                    TileGrid room = rc < g.columns() / columns ? room(g, rr, rc, rows, columns) : null;
                    if (room != null && !hasTag(room, legend, "void")) {
                        run.add(room);
                        continue;
                    }
                    if (!run.isEmpty()) {
                        TileGrid level = run.get(0);
                        for (int i = 1; i < run.size(); i++) {
                            level = level.append(run.get(i));
                        }
                        for (TileGrid v : mirrors(level)) {
                            runs.add(v);
                            sources.add(m.source() + " room row " + (rr + 1));
                        }
                        run.clear();
                    }
                }
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no rooms without void tiles in the maps given");
        }
        List<TileGrid> rooms = new ArrayList<>();
        for (TileGrid run : runs) {
            for (int c = 0; c < run.columns(); c += columns) {
                rooms.add(run.slice(c, c + columns));
            }
        }
        StringBuilder tiles = new StringBuilder();
        for (char c : legend.tiles()) {
            tiles.append(c);
        }
        FeatureSet fitted = features.fit(rooms, legend);
        LevelTokenizer tokenizer = new LevelTokenizer(rows, columns, tiles.toString(), legend.empty(), fitted);
        TileRules rules = TileRules.learn(tokenizer.tiles(), runs, RULE_MIN_COUNT);
        RoomSides sides = RoomSides.learn(rooms, wall, legend);
        return new LevelCorpus(runs, sources, new LevelSpec(game, LevelSpec.TOP_DOWN, legend, tokenizer, rules, null, sides));
    }

    private static TileGrid room(TileGrid map, int roomRow, int roomColumn, int rows, int columns) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(map.row(roomRow * rows + r).substring(roomColumn * columns, (roomColumn + 1) * columns));
        }
        return TileGrid.ofRows(out);
    }

    private static boolean hasTag(TileGrid g, Legend legend, String tag) {
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.columns(); c++) {
                if (legend.hasTag(g.at(r, c), tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The grid, mirrored left-right, top-bottom, and both. */
    static List<TileGrid> mirrors(TileGrid g) {
        List<String> same = new ArrayList<>();
        List<String> lr = new ArrayList<>();
        for (int r = 0; r < g.rows(); r++) {
            same.add(g.row(r));
            lr.add(new StringBuilder(g.row(r)).reverse().toString());
        }
        List<String> tb = new ArrayList<>(same);
        java.util.Collections.reverse(tb);
        List<String> both = new ArrayList<>(lr);
        java.util.Collections.reverse(both);
        return List.of(g, TileGrid.ofRows(lr), TileGrid.ofRows(tb), TileGrid.ofRows(both));
    }

    /** The rooms of the corpus (top-down games), in order. */
    public List<TileGrid> rooms() {
        int w = spec.tokenizer().chunkColumns();
        List<TileGrid> out = new ArrayList<>();
        for (TileGrid run : levels) {
            for (int c = 0; c + w <= run.columns(); c += w) {
                out.add(run.slice(c, c + w));
            }
        }
        return out;
    }

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
            int unit = spec.rooms() != null ? i / MIRRORS : i; // a run's mirrors stay on one side of the split
            boolean isValid = validEvery > 0 && unit % validEvery == validEvery - 1;
            int width = tok.chunkColumns();
            // rooms are whole: a top-down level is cut at room edges only
            int[] offsets = isValid || spec.rooms() != null ? new int[] {0} : OFFSETS;
            for (int offset : offsets) {
                List<int[]> chunks = new ArrayList<>(); // each chunk's tokens, header included
                for (int c = offset; c < g.columns(); c += width) {
                    int end = Math.min(g.columns(), c + width);
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
