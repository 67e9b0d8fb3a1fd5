package dev.improv.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} option of every command that generates: same seed and options, same output. */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed: the same seed and options give the same output. Default: ${DEFAULT-VALUE}.")
    private long seed;

    /** For picocli; commands give their own default. */
    SeedOption() {
        this(1);
    }

    SeedOption(long defaultSeed) {
        this.seed = defaultSeed;
    }

    long value() {
        return seed;
    }
}
