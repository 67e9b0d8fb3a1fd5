package dev.improv.io;

import java.lang.management.ManagementFactory;

/**
 * The most work one request may ask of this machine, in one place so every command states and
 * checks the same numbers (their {@code --help} quotes them). Values past these fail at once with
 * one line, before any memory is spent, instead of running out of memory minutes later.
 */
public final class Limits {

    /** Corpus files (a level, a CSV of conversations) larger than this are refused; the largest in use is a few MB. */
    public static final long MAX_CORPUS_FILE_BYTES = 256L << 20;
    /** Settings files (legends, features, jump arcs, grammars, control scripts) larger than this are refused. */
    public static final long MAX_SETTINGS_FILE_BYTES = 16L << 20;
    /** Model weights files larger than this are refused (the default models are under 20 MB). */
    public static final long MAX_WEIGHTS_BYTES = 512L << 20;
    /** Widest level {@code improv level} makes (about 40 screens of SMB; the chunks stream, the picture does not). */
    public static final int MAX_LEVEL_COLUMNS = 10_000;
    /** Most windows a training step may hold. */
    public static final int MAX_TRAIN_BATCH = 1024;
    /** Share of physical memory a training run's estimate may take (the rest is the OS, the JVM and the game). */
    private static final double TRAINING_MEMORY_SHARE = 0.5;

    private Limits() {
    }

    /** {@code value} when it lies in {@code min..max}, else an error naming the option and the range. */
    public static int require(String option, int value, int min, int max) {
        return (int) require(option, (long) value, min, max);
    }

    /** {@code value} when it lies in {@code min..max}, else an error naming the option and the range. */
    public static long require(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /**
     * Bytes a training run of this shape needs, roughly: weights, gradients and two AdamW moments
     * (4 float copies of every parameter), plus per-layer activations kept for the backward pass
     * (about 16 floats per token and width, and the attention scores) and the logits.
     */
    public static long trainingBytes(long parameters, int layers, int width, int heads, int vocab, int batch, int length) {
        double tokens = (double) batch * length;
        double activations = tokens * layers * (16.0 * width + 3.0 * heads * length) + tokens * vocab * 3.0;
        double bytes = 4.0 * (4.0 * parameters + activations);
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** Physical memory of this machine in bytes (the JVM's maximum heap when the OS does not say). */
    public static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** Fails, saying the estimate and what the machine holds, when a training run would not fit. */
    public static void requireTrainingFits(long parameters, int layers, int width, int heads, int vocab, int batch, int length) {
        long need = trainingBytes(parameters, layers, width, heads, vocab, batch, length);
        long have = (long) (physicalMemory() * TRAINING_MEMORY_SHARE);
        if (need > have) {
            throw new IllegalArgumentException(String.format(
                    "a model of %d layers, width %d (%,d parameters) trained with batch %d of %d tokens needs about %s; "
                            + "this machine allows %s (half its memory): make --layers, --width, --batch or --seq-len smaller",
                    layers, width, parameters, batch, length, gib(need), gib(have)));
        }
    }

    private static String gib(long bytes) {
        return String.format("%.1f GiB", bytes / (double) (1L << 30));
    }
}
