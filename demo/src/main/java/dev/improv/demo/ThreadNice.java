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
 * Sets the OS priority (nice value) of the game's threads by what they do. Improv's generation
 * threads and the JIT compilers go down (nice 10), so that when the two cores are short the frame
 * goes first and the generators take what is left: a late frame shows at once, while a late bar or
 * chunk is absorbed by the buffers ahead. The threads a frame waits for go up (nice -5) where the
 * OS allows it (root, or CAP_SYS_NICE, or an RLIMIT_NICE that permits it; otherwise they stay at
 * 0): the render thread, Mesa's llvmpipe rasterisers (a software renderer draws on the CPU), the
 * stop-the-world garbage collector workers (the frame waits for them during a pause) and the
 * audio feed. Other processes on the machine then take the cores from the game's frame less
 * often; the frame's own threads use a fraction of one core. Where Linux groups processes by
 * session ("autogroup", the default on desktops and on this project's machines), nice values only
 * order threads inside the session and sessions share the cores equally, so the game's session is
 * given the same higher priority ({@code /proc/self/autogroup}, which also covers the X server
 * that {@code xvfb-run} starts in it); inside it the generators stay below the frame.
 *
 * <p>Java's own thread priorities do nothing on Linux for ordinary users, so this sets the nice
 * value of each thread found by name in {@code /proc/self/task}, checking again every 100 ms for
 * threads started later. Linux only; elsewhere, or when the C library cannot be reached, it does
 * nothing.
 */
final class ThreadNice implements AutoCloseable {
    /**
     * The nice value given to generation threads by default (0 is the normal priority, 19 the
     * lowest); the system property {@code improv.demo.nice} overrides it, 0 turns this off.
     */
    static final int DEFAULT_NICE = 10;
    /**
     * The nice value asked for the frame's threads by default (-20 is the highest priority); the
     * system property {@code improv.demo.frameNice} overrides it, 0 leaves them alone.
     */
    static final int DEFAULT_FRAME_NICE = -5;
    /**
     * Thread names as the kernel keeps them (the first 15 characters): core's generation threads,
     * and the JIT compilers, which compile the decoders' loops in bursts during the first seconds of
     * play (with them at normal priority, the slowest start-up frames took 23-33 ms instead of 21).
     */
    private static final String[] GENERATOR_PREFIXES = {"improv-generate", "improv-music-ge", "improv-decode-",
        "C2 CompilerThre", "C1 CompilerThre"};
    /** The threads a frame waits for besides the render thread (found by its id, see {@link #start}). */
    private static final String[] FRAME_PREFIXES = {"llvmpipe-", "GC Thread#", "improv-music-pl"};
    /** How often /proc/self/task is read for new threads (a scan costs well under 1 ms). */
    private static final long SCAN_MILLIS = 100;
    private static final Path AUTOGROUP = Path.of("/proc/self/autogroup");
    private static final int PRIO_PROCESS = 0; // with a thread id, Linux sets that thread's nice value

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    private final LibC libc;
    private final int nice;
    private final int frameNice;
    private final int sessionNice;
    /** Whether this raised the session's priority (and so gives it back on close). */
    private final boolean sessionRaised;
    /** The session's nice value before the game, given back on close (it outlives the process). */
    private final int sessionBefore;
    private final Set<String> done = new HashSet<>();
    private int lowered;
    private int raised;
    /** False once the OS refused a higher priority: the frame's threads stay at 0. */
    private boolean mayRaise;
    private final ScheduledExecutorService watcher;

    private ThreadNice(LibC libc, int nice, int frameNice, String renderThread) {
        this.libc = libc;
        this.nice = nice;
        this.frameNice = frameNice;
        this.mayRaise = frameNice < 0;
        if (renderThread != null) {
            set(renderThread, frameNice, true);
        }
        this.sessionBefore = sessionNiceNow();
        this.sessionRaised = mayRaise && sessionBefore > frameNice && setSession(frameNice);
        this.sessionNice = sessionNiceNow();
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "improv-demo-nice");
            t.setDaemon(true);
            return t;
        });
        // Often: a pool thread started between two scans generates at full priority until the next,
        // and at start-up, when every generator fills its buffers at once, that shows as late frames.
        watcher.scheduleWithFixedDelay(this::scan, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts watching the process's threads; call on the render thread (it is raised by its id).
     * Returns null where that is not possible or both values are 0.
     */
    static ThreadNice start() {
        int nice = Integer.getInteger("improv.demo.nice", DEFAULT_NICE);
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("improv.demo.nice must be 0-19, got " + nice);
        }
        int frameNice = Integer.getInteger("improv.demo.frameNice", DEFAULT_FRAME_NICE);
        if (frameNice < -20 || frameNice > 0) {
            throw new IllegalArgumentException("improv.demo.frameNice must be -20-0, got " + frameNice);
        }
        if ((nice == 0 && frameNice == 0) || !Files.isDirectory(Path.of("/proc/self/task"))) {
            return null;
        }
        try {
            return new ThreadNice(Native.load("c", LibC.class), nice, frameNice, currentThreadId());
        } catch (Throwable e) { // UnsatisfiedLinkError: no JNA native for this platform
            System.err.println("improv demo: threads keep normal priority (" + e + ")");
            return null;
        }
    }

    /** The kernel's id of the calling thread ("/proc/thread-self" links to "PID/task/TID"), or null. */
    private static String currentThreadId() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The session group's nice value ("/autogroup-85 nice 0"), or 0 where the kernel does not group by session. */
    private static int sessionNiceNow() {
        try {
            String s = Files.readString(AUTOGROUP).strip();
            return Integer.parseInt(s.substring(s.lastIndexOf(' ') + 1));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Writes the session's nice value; false where the kernel does not group by session or refuses. */
    private static boolean setSession(int value) {
        try {
            Files.writeString(AUTOGROUP, Integer.toString(value));
            return sessionNiceNow() == value;
        } catch (IOException | RuntimeException e) {
            return false; // EPERM/EACCES: not allowed to raise the session's priority
        }
    }

    /** The session's nice value while the game runs (0 where the kernel does not group by session). */
    int sessionNice() {
        return sessionNice;
    }

    /** Generation threads whose nice value was raised so far. */
    synchronized int threadsLowered() {
        return lowered;
    }

    /** Frame threads (the render thread included) given a higher priority so far; 0 where the OS refused. */
    synchronized int threadsRaised() {
        return raised;
    }

    int nice() {
        return nice;
    }

    /** The nice value of the frame's threads: {@code frameNice} where the OS allowed it, else 0. */
    synchronized int frameNice() {
        return raised > 0 ? frameNice : 0;
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
                if (nice > 0 && isGenerator(name)) {
                    set(tid, nice, false);
                } else if (isFrameThread(name)) {
                    set(tid, frameNice, true);
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc unreadable or a thread id reused: the next scan tries again
        }
    }

    private synchronized void set(String tid, int value, boolean frame) {
        if (frame && !mayRaise) {
            done.add(tid);
            return;
        }
        if (libc.setpriority(PRIO_PROCESS, Integer.parseInt(tid), value) == 0) {
            done.add(tid);
            if (frame) {
                raised++;
            } else {
                lowered++;
            }
        } else if (frame) {
            mayRaise = false; // EACCES: not allowed to go below 0, and it will not become allowed
            done.add(tid);
        }
    }

    static boolean isGenerator(String threadName) {
        return startsWithAny(threadName, GENERATOR_PREFIXES);
    }

    static boolean isFrameThread(String threadName) {
        return startsWithAny(threadName, FRAME_PREFIXES);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        if (sessionRaised) {
            setSession(sessionBefore);
        }
    }
}
