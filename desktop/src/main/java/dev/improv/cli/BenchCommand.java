package dev.improv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code improv bench} group. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures speed on this machine and prints one JSON line.",
        subcommands = {
                BenchModelCommand.class,
                BenchMusicCommand.class,
                BenchBandCommand.class,
                BenchLevelCommand.class,
                BenchDialogueCommand.class,
                BenchGdxCommand.class,
                BenchServeCommand.class,
                BenchOverloadCommand.class,
                BenchNatsCommand.class,
        })
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
