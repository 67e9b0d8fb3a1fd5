package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import java.util.ArrayList;
import java.util.List;

/**
 * The token ids of the REMI-style music language and what each one means. Ranges are laid out one
 * after another in the order of {@link Kind}; the {@link Settings} (grid, meters, tempi, durations)
 * travel in the model's metadata so that a model and its vocabulary never drift apart.
 */
public final class MusicVocabulary {

    /**
     * What the language can say.
     *
     * @param gridPerQuarter positions per quarter note: 12 holds 16ths and 8th-note triplets (both occur in Nottingham)
     * @param meters         meters the language can state, as "n/d"
     * @param tempos         tempo buckets in bpm; a tempo is written as its nearest bucket
     * @param durations      note lengths in grid units; a note is written with its nearest length
     * @param tracks         most tracks a song may have
     * @param densityBounds  intensity class c holds bars with at least {@code densityBounds[c]} notes a quarter note
     */
    public record Settings(int gridPerQuarter, List<String> meters, List<Integer> tempos, List<Integer> durations,
                           int tracks, List<Double> densityBounds) {
        public Settings {
            // Every range is checked before anything is sized by it: a model.json is untrusted input.
            require("gridPerQuarter", gridPerQuarter, 1, MAX_GRID_PER_QUARTER);
            require("tracks", tracks, 1, 16);
            if (meters == null || tempos == null || durations == null || densityBounds == null) {
                throw new IllegalArgumentException("field 'meters', 'tempos', 'durations' or 'densityBounds' is missing");
            }
            require("meters (how many)", meters.size(), 1, MAX_LIST);
            require("tempos (how many)", tempos.size(), 1, MAX_LIST);
            require("durations (how many)", durations.size(), 1, MAX_LIST);
            meters = List.copyOf(meters);
            tempos = List.copyOf(tempos);
            durations = List.copyOf(durations);
            densityBounds = List.copyOf(densityBounds);
            if (densityBounds.size() != INTENSITIES) {
                throw new IllegalArgumentException("field 'densityBounds': need " + INTENSITIES + " values, got "
                        + densityBounds.size());
            }
            for (double b : densityBounds) {
                if (!(b >= 0 && b <= 1000)) {
                    throw new IllegalArgumentException("field 'densityBounds': values must be in 0..1000, got " + b);
                }
            }
            for (int t : tempos) {
                require("tempos", t, 1, 1000);
            }
            for (int d : durations) {
                require("durations", d, 1, 32 * 4 * gridPerQuarter);
            }
            for (String m : meters) {
                try {
                    Meter.parse(m);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("field 'meters': " + e.getMessage());
                }
            }
        }
    }

    /** Finest grid a vocabulary may use: 96 positions a quarter (4 ticks of 480) is finer than any corpus needs. */
    public static final int MAX_GRID_PER_QUARTER = 96;
    /** Most meters, tempi or durations a vocabulary may list. */
    private static final int MAX_LIST = 512;

    private static void require(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("field '" + field + "' must be in " + min + ".." + max + ", got " + value);
        }
    }

    /** The kinds of token, in id order. */
    public enum Kind { PAD, BOS, EOS, BAR, KEY, METER, TEMPO, INTENSITY, INSTRUMENT, POSITION, TRACK, VELOCITY, PITCH, DURATION }

    /** Number of intensity classes. */
    public static final int INTENSITIES = 8;
    /** General MIDI instrument families (program / 8) plus one for drums. */
    public static final int INSTRUMENTS = 17;
    public static final int DRUM_INSTRUMENT = 16;
    public static final int VELOCITIES = 8;

    private final Settings settings;
    private final List<Meter> meters;
    private final int positions;
    private final int[] bases;
    private final int[] sizes;
    private final Kind[] kinds;

    public MusicVocabulary(Settings settings) {
        this.settings = settings;
        this.meters = settings.meters().stream().map(Meter::parse).toList();
        int max = 0;
        for (Meter m : meters) {
            max = Math.max(max, barLength(m));
        }
        this.positions = max;
        this.sizes = new int[] {1, 1, 1, 1, 24, meters.size(), settings.tempos().size(), INTENSITIES, INSTRUMENTS,
            positions, settings.tracks(), VELOCITIES, 128, settings.durations().size()};
        this.bases = new int[sizes.length];
        int total = 0;
        for (int k = 0; k < sizes.length; k++) {
            bases[k] = total;
            total += sizes[k];
        }
        this.kinds = new Kind[total];
        for (Kind k : Kind.values()) {
            java.util.Arrays.fill(kinds, bases[k.ordinal()], bases[k.ordinal()] + sizes[k.ordinal()], k);
        }
    }

    /** The settings, for the model metadata. */
    public Settings settings() {
        return settings;
    }

    /** The vocabulary of the default music model. */
    public static MusicVocabulary standard() {
        List<Integer> durations = new ArrayList<>();
        for (int d = 1; d <= 24; d++) {
            durations.add(d);
        }
        for (int d = 27; d <= 48; d += 3) {
            durations.add(d);
        }
        for (int d = 54; d <= 96; d += 6) {
            durations.add(d);
        }
        for (int d = 108; d <= 192; d += 12) {
            durations.add(d);
        }
        for (int d = 216; d <= 384; d += 24) {
            durations.add(d);
        }
        return new MusicVocabulary(new Settings(12,
                List.of("2/4", "3/4", "4/4", "5/4", "6/4", "7/4", "2/2", "3/2", "3/8", "6/8", "9/8", "12/8", "7/8"),
                List.of(40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 132, 144, 160, 180, 208),
                durations, 8, List.of(0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0)));
    }

    /** Positions per quarter note. */
    public int gridPerQuarter() {
        return settings.gridPerQuarter();
    }

    /** Most tracks a song may have. */
    public int tracks() {
        return settings.tracks();
    }

    /** Tempo of bucket {@code i} in bpm. */
    public int tempo(int i) {
        return settings.tempos().get(i);
    }

    /** Length of duration {@code i} in grid units. */
    public int duration(int i) {
        return settings.durations().get(i);
    }

    /** Meter {@code i} of the language. */
    public Meter meter(int i) {
        return meters.get(i);
    }

    /** Most positions in a bar: the longest meter on the grid. */
    public int positions() {
        return positions;
    }

    /** A bar of {@code meter} in grid units. */
    public int barLength(Meter meter) {
        return (int) Math.round(meter.quarters() * gridPerQuarter());
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
        return kinds.length;
    }

    /** The kind of a token id. */
    public Kind kindOf(int id) {
        if (id < 0 || id >= kinds.length) {
            throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + kinds.length);
        }
        return kinds[id];
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

    /** Index of a meter in the language, or -1 if it cannot be stated. */
    public int meterIndex(Meter meter) {
        return meters.indexOf(meter);
    }

    /** The nearest tempo bucket. */
    public int tempoIndex(double bpm) {
        return nearest(settings.tempos(), bpm);
    }

    /** The nearest duration, in grid units, as an index. */
    public int durationIndex(int gridUnits) {
        return nearest(settings.durations(), gridUnits);
    }

    /** The intensity class (0..7) of a bar of {@code quarters} quarter notes holding {@code notes} notes. */
    public int intensityOf(int notes, double quarters) {
        return densityClass(settings.densityBounds(), notes / quarters);
    }

    /** The highest class c whose lower bound {@code bounds[c]} the density reaches (0 if none). */
    public static int densityClass(List<Double> bounds, double density) {
        int c = 0;
        for (int i = 1; i < bounds.size(); i++) {
            if (density >= bounds.get(i) - 1e-9) {
                c = i;
            }
        }
        return c;
    }

    /**
     * How many notes a bar of class {@code intensity} holds, as {lo, hi} inclusive, for a bar of
     * {@code quarters} quarter notes; the top class is capped at 3 notes per grid-quarter beyond its bound.
     */
    public int[] notesFor(int intensity, double quarters) {
        int lo = (int) Math.ceil(settings.densityBounds().get(intensity) * quarters - 1e-9);
        int hi = intensity + 1 < INTENSITIES
                ? (int) Math.ceil(settings.densityBounds().get(intensity + 1) * quarters - 1e-9) - 1
                : (int) Math.ceil((settings.densityBounds().get(intensity) + 3) * quarters);
        return new int[] {lo, Math.max(lo, hi)};
    }

    /** A readable name for a token id, e.g. {@code PITCH_60}. */
    public String name(int id) {
        Kind kind = kindOf(id);
        int v = value(id);
        return switch (kind) {
            case PAD, BOS, EOS, BAR -> kind.name();
            case KEY -> "KEY_" + Key.ofIndex(v);
            case METER -> "METER_" + meters.get(v);
            case TEMPO -> "TEMPO_" + tempo(v);
            case DURATION -> "DUR_" + duration(v);
            default -> kind.name() + "_" + v;
        };
    }

    /** Index of the value nearest {@code x} (the first of equals). */
    public static int nearest(List<Integer> values, double x) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (Math.abs(values.get(i) - x) < Math.abs(values.get(best) - x)) {
                best = i;
            }
        }
        return best;
    }
}
