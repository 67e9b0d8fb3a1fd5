package dev.improv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr: a user's mistake (bad file, bad value) exits with 2,
 * anything else with 1. A stack trace is printed only with {@code -Dimprov.debug=true}.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {

    /** One line for an out-of-memory or stack overflow, with what to try; exit code 1. */
    static int fatal(java.io.PrintWriter err, String command, VirtualMachineError e) {
        if (Boolean.getBoolean("improv.debug")) {
            e.printStackTrace();
        }
        String head = command.isEmpty() || command.startsWith("-") ? "improv: " : "improv " + command + ": ";
        if (e instanceof OutOfMemoryError) {
            err.println(head + "ran out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap): "
                    + "ask for less work (see --help for the limits) or raise the heap with IMPROV_JAVA_OPTS=-Xmx8g");
        } else if (e instanceof StackOverflowError) {
            err.println(head + "the input nests too deeply (stack overflow)");
        } else {
            err.println(head + "the Java VM failed: " + e);
        }
        err.flush();
        return 1;
    }

    /** Errors on generation and helper threads also end in one line (and the run's exit), not a trace. */
    static void onOtherThreads(java.io.PrintWriter err) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof VirtualMachineError fatalError) {
                Runtime.getRuntime().halt(fatal(err, "", fatalError));
            }
            if (Boolean.getBoolean("improv.debug")) {
                e.printStackTrace();
            }
            err.println("improv: thread " + thread.getName() + " failed: " + e);
            err.flush();
        });
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (Boolean.getBoolean("improv.debug")) {
            e.printStackTrace();
        }
        if (e.getCause() instanceof VirtualMachineError fatalError) {
            return fatal(cli.getErr(), cli.getCommandName(), fatalError);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("improv " + cli.getCommandName() + ": " + message);
        if (e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof CommandLine.ParameterException) {
            return 2;
        }
        return 1;
    }
}
