package dev.improv.cli;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where this process's CPU went between two moments, by what its threads do: the service's HTTP front,
 * its decoding, the load generator in the same process, and the JVM's own threads (garbage collection,
 * the JIT), each split into user and kernel time, and how long each group's threads were ready to run
 * but waiting for a core (the scheduler's run queue). For benches whose generator shares the cores with the
 * service: it says which of them took the time. Read from Linux's {@code /proc/self/task} (every thread,
 * the JVM's own included, which Java's ThreadMXBean does not show); elsewhere it reports nothing.
 */
final class ThreadCpu {
    private static final Path PROC = Path.of("/proc");
    /** Linux's clock ticks a second in /proc's times (USER_HZ, 100 on every usual kernel). */
    private static final double TICKS = 100;

    /** Per thread id: its group, then user and kernel ticks and nanoseconds runnable but not running. */
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, long[]> ticks = new HashMap<>();
    private final long gcMillis;
    private final long gcCount;
    private final long at = System.nanoTime();

    private ThreadCpu(long pid) {
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> all = Files.list(tasks)) {
                all.forEach(this::read);
            } catch (IOException e) {
                ticks.clear(); // nothing rather than part
            }
        }
        long ms = 0;
        long count = 0;
        if (pid == ProcessHandle.current().pid()) {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ms += Math.max(0, gc.getCollectionTime());
                count += Math.max(0, gc.getCollectionCount());
            }
        }
        gcMillis = ms;
        gcCount = count;
    }

    private void read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // "tid (comm) state ...": the name may hold spaces and parentheses, so split after the last ')'.
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the name: state is field 3 of the whole line, utime 14, stime 15.
            // schedstat: nanoseconds on a core, nanoseconds runnable but waiting for one, time slices.
            String[] sched = Files.readString(task.resolve("schedstat")).strip().split(" ");
            ticks.put(task.getFileName().toString(), new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(sched[1])});
            groups.put(task.getFileName().toString(), group(name));
        } catch (IOException | RuntimeException e) {
            // the thread ended while being read: it is missed, like one that ended in between
        }
    }

    /** This process's CPU counters now. */
    static ThreadCpu now() {
        return of(ProcessHandle.current().pid());
    }

    /** Process {@code pid}'s CPU counters now (its garbage collector's pauses only for this process). */
    static ThreadCpu of(long pid) {
        return new ThreadCpu(pid);
    }

    /**
     * CPU seconds from {@code before} to this by group ({@link #group}), each as "group user", "group
     * kernel" and "group waiting for a core" (runnable, not running), with "wall" for the seconds between the two and "gc_pauses_s" and "gc_count" from the
     * collectors (this process only); empty where /proc cannot be read. A thread that ended in between is missed.
     */
    Map<String, Double> since(ThreadCpu before) {
        Map<String, Double> out = new TreeMap<>();
        if (ticks.isEmpty() || before.ticks.isEmpty()) {
            return out;
        }
        ticks.forEach((tid, t) -> {
            long[] was = before.ticks.getOrDefault(tid, new long[3]);
            String group = groups.get(tid);
            out.merge(group + " user", (t[0] - was[0]) / TICKS, Double::sum);
            out.merge(group + " kernel", (t[1] - was[1]) / TICKS, Double::sum);
            out.merge(group + " waiting for a core", (t[2] - was[2]) / 1e9, Double::sum);
        });
        out.values().removeIf(seconds -> seconds == 0);
        out.put("wall", (at - before.at) / 1e9);
        if (gcCount > 0) {
            out.put("gc_pauses_s", (gcMillis - before.gcMillis) / 1e3);
            out.put("gc_count", (double) (gcCount - before.gcCount));
        }
        return out;
    }

    /** The JIT's CPU over the wall time of a {@link #since} (NaN where /proc was not read). */
    static double jitShare(Map<String, Double> since) {
        if (!since.containsKey("wall")) {
            return Double.NaN;
        }
        return (since.getOrDefault("jvm jit user", 0.0) + since.getOrDefault("jvm jit kernel", 0.0)) / since.get("wall");
    }

    /** What a thread does, from its name as Linux keeps it (the first 15 characters). */
    static String group(String name) {
        if (name.startsWith("improv-http") || name.startsWith("HTTP-Dispatch") || name.startsWith("server-timer")) {
            return "service http";
        }
        if (name.startsWith("improv-batch") || name.startsWith("improv-decode")) {
            return "service batched steps"; // the batcher's thread and its decode helpers: the model's forward passes
        }
        if (name.startsWith("improv-worker") || name.startsWith("improv-generat") || name.startsWith("improv-deadlin")) {
            return "service workers"; // the generators: sampling, retrieval, checks (and decoding, without a batcher)
        }
        if (name.startsWith("HttpClient") || name.equals("java") || name.equals("limit-watch") || name.equals("heap-watch")) {
            return "load generator";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Periodic")
                || name.equals("VM Thread")) {
            return "jvm gc";
        }
        if (name.contains("CompilerThre")) {
            return "jvm jit";
        }
        return "other: " + name.replaceAll("[-#]?\\d+", "");
    }
}
