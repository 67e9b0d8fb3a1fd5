package dev.improv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code improv eval} group. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measures a model on data it was not trained on and prints one JSON line.",
        subcommands = {
                EvalMusicCommand.class,
                EvalMusicKeyCommand.class,
                EvalDrumsCommand.class,
                EvalMusicRoundtripCommand.class,
                EvalJsbCommand.class,
                EvalLevelCommand.class,
                EvalDialogueCommand.class,
        })
public final class EvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
