package dev.improv.drums;

import dev.improv.api.Meter;
import dev.improv.music.MusicVocabulary;
import java.util.Arrays;
import java.util.List;

/**
 * The token ids of the drum language and what each one means.
 *
 * <pre>
 * take  = BOS STYLE METER TEMPO bar* EOS
 * bar   = BAR INTENSITY [FILL] (POSITION HIT+)*     positions rise within a bar, hit classes within a position
 * HIT   = one drum class struck at one of four loudness levels (class * 4 + level)
 * </pre>
 *
 * The {@link Settings} travel in the model's metadata, so a model and its vocabulary never drift apart.
 */
public final class DrumVocabulary {

    /**
     * What the language can say.
     *
     * @param gridPerQuarter positions per quarter note (12 holds 16ths and 8th-note triplets)
     * @param styles         style names, the first one standing for any style not listed
     * @param meters         meters as "n/d"
     * @param tempos         tempo buckets in bpm; a tempo is written as its nearest bucket
     * @param densityBounds  intensity class c holds bars with at least {@code densityBounds[c]} hits a quarter note
     */
    public record Settings(int gridPerQuarter, List<String> styles, List<String> meters, List<Integer> tempos,
                           List<Double> densityBounds) {
        public Settings {
            styles = List.copyOf(styles);
            meters = List.copyOf(meters);
            tempos = List.copyOf(tempos);
            densityBounds = List.copyOf(densityBounds);
            if (densityBounds.size() != INTENSITIES) {
                throw new IllegalArgumentException("need " + INTENSITIES + " density bounds, got " + densityBounds.size());
            }
            if (gridPerQuarter < 1 || styles.isEmpty() || meters.isEmpty() || tempos.isEmpty()) {
                throw new IllegalArgumentException("a drum vocabulary needs a grid, styles, meters and tempos");
            }
            meters.forEach(Meter::parse);
        }
    }

    /** The kinds of token, in id order. */
    public enum Kind { PAD, BOS, EOS, BAR, STYLE, METER, TEMPO, INTENSITY, FILL, POSITION, HIT }

    /** Intensity classes, as in the music language. */
    public static final int INTENSITIES = 8;
    /** Loudness levels a hit is written with. */
    public static final int LEVELS = 4;

    private final Settings settings;
    private final List<Meter> meters;
    private final int[] bases = new int[Kind.values().length];
    private final int[] sizes = new int[Kind.values().length];
    private final int size;

    public DrumVocabulary(Settings settings) {
        this.settings = settings;
        this.meters = settings.meters().stream().map(Meter::parse).toList();
        int positions = meters.stream().mapToInt(this::barLength).max().orElse(1);
        int[] counts = {1, 1, 1, 1, settings.styles().size(), meters.size(), settings.tempos().size(), INTENSITIES, 1,
            positions, DrumKit.PIECES * LEVELS};
        int total = 0;
        for (int k = 0; k < counts.length; k++) {
            bases[k] = total;
            sizes[k] = counts[k];
            total += counts[k];
        }
        this.size = total;
    }

    /**
     * The vocabulary of the default drum model: the Groove corpus's primary styles, its meters, the
     * music language's tempo buckets, and intensity bounds at about the octiles of hits a quarter note
     * over its 4/4 beats (2.25 .. 8.0 from the 5th to the 95th percentile).
     */
    public static DrumVocabulary standard() {
        return new DrumVocabulary(new Settings(12,
                List.of("other", "rock", "funk", "hiphop", "jazz", "latin", "punk", "neworleans", "soul", "afrocuban",
                        "country", "gospel", "reggae", "pop", "afrobeat", "dance", "blues", "highlife", "middleeastern"),
                List.of("4/4", "3/4", "6/8", "5/4", "5/8", "2/4", "12/8", "7/8"),
                List.of(40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 132, 144, 160, 180, 208),
                List.of(0.0, 2.5, 3.5, 4.25, 5.0, 5.75, 6.5, 7.5)));
    }

    public Settings settings() {
        return settings;
    }

    public int gridPerQuarter() {
        return settings.gridPerQuarter();
    }

    /** A bar of {@code meter} in grid units. */
    public int barLength(Meter meter) {
        return (int) Math.round(meter.quarters() * settings.gridPerQuarter());
    }

    /** First id of a kind. */
    public int base(Kind kind) {
        return bases[kind.ordinal()];
    }

    /** Number of ids of a kind. */
    public int count(Kind kind) {
        return sizes[kind.ordinal()];
    }

    /** Total number of token ids. */
    public int size() {
        return size;
    }

    /** The kind of a token id. */
    public Kind kindOf(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("token id " + id + " is outside the drum vocabulary of " + size);
        }
        int k = Arrays.binarySearch(bases, id);
        if (k < 0) {
            k = -k - 2;
        }
        return Kind.values()[k];
    }

    /** The id of value {@code value} (0-based within its kind). */
    public int id(Kind kind, int value) {
        if (value < 0 || value >= count(kind)) {
            throw new IllegalArgumentException(kind + " value " + value + " is outside 0.." + (count(kind) - 1));
        }
        return base(kind) + value;
    }

    /** The 0-based value of a token within its kind. */
    public int value(int id) {
        return id - base(kindOf(id));
    }

    /** The style's index; a style the language does not list is "other" (index 0). */
    public int styleIndex(String style) {
        int i = settings.styles().indexOf(style);
        return Math.max(0, i);
    }

    /** Index of a meter in the language, or -1 if it cannot be stated. */
    public int meterIndex(Meter meter) {
        return meters.indexOf(meter);
    }

    /** Meter {@code i} of the language. */
    public Meter meter(int i) {
        return meters.get(i);
    }

    /** The nearest tempo bucket. */
    public int tempoIndex(double bpm) {
        return MusicVocabulary.nearest(settings.tempos(), bpm);
    }

    /** The intensity class (0..7) of a bar of {@code quarters} quarter notes holding {@code hits} hits. */
    public int intensityOf(int hits, double quarters) {
        return MusicVocabulary.densityClass(settings.densityBounds(), hits / quarters);
    }

    /** How many hits a bar of class {@code intensity} holds, {lo, hi} inclusive; the top class allows up to 12 a quarter. */
    public int[] hitsFor(int intensity, double quarters) {
        List<Double> b = settings.densityBounds();
        int lo = (int) Math.ceil(b.get(intensity) * quarters - 1e-9);
        int hi = intensity + 1 < INTENSITIES ? (int) Math.ceil(b.get(intensity + 1) * quarters - 1e-9) - 1
                : (int) Math.ceil(12 * quarters);
        return new int[] {lo, Math.max(lo, hi)};
    }

    /** The hit token of a drum class at a loudness level 0..3. */
    public int hit(DrumKit.Piece piece, int level) {
        return id(Kind.HIT, piece.ordinal() * LEVELS + level);
    }

    /** Velocity 1..127 to its loudness level 0..3 (soft ghost notes, normal, accented, hard). */
    public static int levelOf(int velocity) {
        return velocity <= 40 ? 0 : velocity <= 70 ? 1 : velocity <= 100 ? 2 : 3;
    }

    /** The velocity a loudness level is played at. */
    public static int velocityOf(int level) {
        return new int[] {30, 58, 88, 114}[level];
    }
}
