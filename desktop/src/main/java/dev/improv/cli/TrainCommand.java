package dev.improv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code improv train} group. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a default model on a corpus (progress, checkpoints, --resume).",
        subcommands = {
                TrainMusicCommand.class,
                TrainDrumsCommand.class,
                TrainLevelCommand.class,
                TrainDialogueCommand.class,
                TrainRankerCommand.class,
                TrainRelatedWordsCommand.class,
        })
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
