package dev.improv.cli;

import dev.improv.model.DjlRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code improv} command line: generate, train, evaluate, benchmark and play without a window. */
@Command(name = "improv", mixinStandardHelpOptions = true, version = "improv 0.1.0",
        description = {"Generative music, tile levels and NPC dialogue from small transformers.",
                "Run a command with --help to see its options."},
        subcommands = {
                MusicCommand.class,
                LevelCommand.class,
                DialogueCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                BenchCommand.class,
                PlayCommand.class,
                DemoCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class ImprovCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 usage mistake). */
    public static int run(String... args) {
        // One line per log record: what the library says (no sound device; a killed run's temporary
        // files removed) reads as the command's own output, without the logger's date and class.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%5$s%n");
        }
        DjlRuntime.configure();
        CommandLine cli = new CommandLine(new ImprovCommand());
        cli.setExecutionExceptionHandler(new UserErrors());
        cli.setParameterExceptionHandler(UserErrors.BAD_OPTION);
        shareVersion(cli, cli.getCommandSpec().version());
        UserErrors.onOtherThreads(cli.getErr());
        int threadFailures = UserErrors.threadFailures();
        try {
            return UserErrors.exitCode(cli.execute(args), threadFailures);
        } catch (VirtualMachineError e) {
            // Errors pass picocli's handler; out of memory or stack is still one line, not a trace.
            return UserErrors.fatal(cli.getErr(), args.length > 0 ? args[0] : "", e);
        }
    }

    /** Every subcommand answers -V with the launcher's version (picocli leaves theirs empty). */
    static void shareVersion(CommandLine command, String[] version) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
            shareVersion(sub, version);
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
