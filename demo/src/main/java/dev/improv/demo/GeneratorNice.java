package dev.improv.demo;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives Improv's generation threads a lower OS priority (a higher nice value) than the game, so
 * that when the two cores are short the render thread and the GL driver's rasteriser threads run
 * first and the generators take what is left: a late frame shows at once, while a late bar or
 * chunk is absorbed by the buffers ahead. Java's own thread priorities do nothing on Linux for
 * ordinary users, so this sets the nice value of each thread found by name in
 * {@code /proc/self/task}, checking again every 100 ms for threads started later. Linux only;
 * elsewhere, or when the C library cannot be reached, it does nothing.
 */
final class GeneratorNice implements AutoCloseable {
    /**
     * The nice value given to generation threads by default (0 is the normal priority, 19 the
     * lowest); the system property {@code improv.demo.nice} overrides it, 0 turns this off.
     */
    static final int DEFAULT_NICE = 10;
    /**
     * Thread names as the kernel keeps them (the first 15 characters): core's generation threads,
     * and the JIT compilers, which compile the decoders' loops in bursts during the first seconds of
     * play (with them at normal priority, the slowest start-up frames took 23-33 ms instead of 21).
     */
    private static final String[] GENERATOR_PREFIXES = {"improv-generate", "improv-music-ge", "improv-decode-",
        "C2 CompilerThre", "C1 CompilerThre"};
    /** How often /proc/self/task is read for new generation threads (a scan costs well under 1 ms). */
    private static final long SCAN_MILLIS = 100;
    private static final int PRIO_PROCESS = 0; // with a thread id, Linux sets that thread's nice value

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    private final LibC libc;
    private final int nice;
    private final Set<String> done = new HashSet<>();
    private final ScheduledExecutorService watcher;

    private GeneratorNice(LibC libc, int nice) {
        this.libc = libc;
        this.nice = nice;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "improv-demo-nice");
            t.setDaemon(true);
            return t;
        });
        // Often: a pool thread started between two scans generates at full priority until the next,
        // and at start-up, when every generator fills its buffers at once, that shows as late frames.
        watcher.scheduleWithFixedDelay(this::scan, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts watching for generation threads, or returns null where that is not possible or turned off. */
    static GeneratorNice start() {
        int nice = Integer.getInteger("improv.demo.nice", DEFAULT_NICE);
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("improv.demo.nice must be 0-19, got " + nice);
        }
        if (nice == 0 || !Files.isDirectory(Path.of("/proc/self/task"))) {
            return null;
        }
        try {
            return new GeneratorNice(Native.load("c", LibC.class), nice);
        } catch (Throwable e) { // UnsatisfiedLinkError: no JNA native for this platform
            System.err.println("improv demo: generation threads keep normal priority (" + e + ")");
            return null;
        }
    }

    /** Threads whose nice value was raised so far. */
    synchronized int threadsLowered() {
        return done.size();
    }

    int nice() {
        return nice;
    }

    private synchronized void scan() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String tid = task.getFileName().toString();
                if (done.contains(tid)) {
                    continue;
                }
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue; // the thread ended while we looked
                }
                if (isGenerator(name) && libc.setpriority(PRIO_PROCESS, Integer.parseInt(tid), nice) == 0) {
                    done.add(tid);
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc unreadable or a thread id reused: the next scan tries again
        }
    }

    static boolean isGenerator(String threadName) {
        for (String p : GENERATOR_PREFIXES) {
            if (threadName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
