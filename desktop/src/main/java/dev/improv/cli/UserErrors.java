package dev.improv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
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

    /** Threads other than the command's that ended in an uncaught exception, since the JVM started. */
    private static final java.util.concurrent.atomic.AtomicInteger THREAD_FAILURES = new java.util.concurrent.atomic.AtomicInteger();

    static int threadFailures() {
        return THREAD_FAILURES.get();
    }

    /**
     * The command's exit code, or 1 when it would be 0 but another thread failed since {@code failuresBefore}:
     * the play thread's WAV that could not be moved into place said so on stderr, and the command exited 0.
     */
    static int exitCode(int commandCode, int failuresBefore) {
        return commandCode == 0 && THREAD_FAILURES.get() > failuresBefore ? 1 : commandCode;
    }

    /** Errors on generation and helper threads also end in one line (and the run's exit), not a trace. */
    static void onOtherThreads(java.io.PrintWriter err) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            THREAD_FAILURES.incrementAndGet();
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

    /**
     * Picocli's own words for an option it cannot read, then where the options are listed: the whole usage
     * after it (70 lines for {@code music}) pushed the one line that mattered off the screen.
     */
    static final CommandLine.IParameterExceptionHandler BAD_OPTION = (e, args) -> {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
        cli.getErr().println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for its options.");
        return 2;
    };

    /**
     * The failure in words. The file system's exceptions carry only the path as their message when the
     * OS gave no reason ({@code train --out FILE} said {@code improv music: runs/x.txt}), so their kind
     * becomes the reason.
     */
    static String message(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
            String reason = e instanceof FileAlreadyExistsException ? (Files.isDirectory(Path.of(f.getFile()))
                    ? "already exists" : "is a file, not a folder")
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NotDirectoryException ? "is not a folder"
                    : e instanceof DirectoryNotEmptyException ? "is a folder that is not empty"
                    : "cannot be used (" + e.getClass().getSimpleName() + ")";
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason;
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (Boolean.getBoolean("improv.debug")) {
            e.printStackTrace();
        }
        if (e.getCause() instanceof VirtualMachineError fatalError) {
            return fatal(cli.getErr(), cli.getCommandSpec().qualifiedName().replaceFirst("^improv ", ""), fatalError);
        }
        cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + message(e));
        if (e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof CommandLine.ParameterException) {
            return 2;
        }
        return 1;
    }
}
