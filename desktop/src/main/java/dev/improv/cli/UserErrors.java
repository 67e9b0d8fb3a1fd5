package dev.improv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr: a user's mistake (bad file, bad value) exits with 2,
 * anything else with 1. A stack trace is printed only with {@code -Dimprov.debug=true}.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (Boolean.getBoolean("improv.debug")) {
            e.printStackTrace();
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
