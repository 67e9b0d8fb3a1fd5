package dev.improv.serve;

import dev.improv.io.BoundedFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access log of {@code improv serve --access-log FILE|-}: one logfmt line per answered request, e.g.
 * {@code time=2026-12-05T09:30:01.123Z method=POST path=/v1/levels status=200 ms=153.2 bytes=2345 key=3f2a9c1d
 * request_id=7c0e...}, where {@code key} is the API key's id ({@link ApiKeys.Bucket#id()}, never the key; {@code -}
 * on an open node). Lines go through a bounded queue to one writer thread, so an HTTP thread never waits for the
 * disk; past {@value #QUEUED} lines waiting, lines are dropped and the next written line says how many.
 * {@link #reopen} (SIGHUP, as logrotate's {@code postrotate} sends) makes the writer switch files between two lines:
 * every line before it is in the file it had (the one rotated away), every line after in the file the name now
 * names, none torn across them.
 */
final class AccessLog implements AutoCloseable {
    /** Lines that may wait for the writer: a burst of refusals at thousands a second is logged, a stalled disk is not waited for. */
    static final int QUEUED = 16_384;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicLong dropped = new AtomicLong();
    /** The file written, or null for standard output (which is never reopened). */
    private final Path file;
    /** Written by the writer thread only. */
    private Writer out;
    private final Thread writer;
    private volatile boolean closing;
    /** Reopens asked for and not yet done: the writer thread does them, between lines. */
    private final java.util.concurrent.atomic.AtomicInteger reopens = new java.util.concurrent.atomic.AtomicInteger();

    private AccessLog(OutputStream stream, Path file) {
        this.file = file;
        this.out = writer(stream);
        this.writer = new Thread(this::write, "improv-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** The log {@code target} names: {@code -} for standard output, else a file appended to (made if missing); null: none. */
    static AccessLog open(String target) throws IOException {
        if (target == null) {
            return null;
        }
        if (target.equals("-")) {
            // Standard output itself, not System.out: closing the log must not close the process's stream.
            return new AccessLog(new java.io.FilterOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            }, null);
        }
        return new AccessLog(append(Path.of(target)), Path.of(target));
    }

    private static OutputStream append(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private static Writer writer(OutputStream stream) {
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /**
     * Asks the writer to close its file and open the one its name now names (made if missing), between two lines, within
     * about 100 ms: what a node does on SIGHUP, after logrotate has moved the file away. Lines keep queueing meanwhile;
     * none is lost. A file that cannot be opened leaves the old one in use, said on standard error.
     */
    void reopen() {
        if (file != null) {
            reopens.incrementAndGet();
        }
    }

    /**
     * Fails as {@link #open} would for {@code target} (a missing folder, no permission), creating the file: a node
     * checks this before it warms up, so that a mistake is told at once and not after half a minute.
     */
    static void check(String target) throws IOException {
        if (target != null && !target.equals("-")) {
            Files.newOutputStream(Path.of(target), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE).close();
        }
    }

    /** Logs one answered request; {@code rawPath} as it came (percent-encoded), {@code keyId} null on an open node. */
    void record(String method, String rawPath, int status, long nanos, long bytes, String keyId, String requestId) {
        String line = String.format(Locale.ROOT, "time=%s method=%s path=%s status=%d ms=%.1f bytes=%d key=%s request_id=%s",
                Instant.now(), token(method, 16), token(rawPath, 256), status, nanos / 1e6, bytes,
                keyId == null ? "-" : keyId, requestId);
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    /** A value as one logfmt token: printable, no spaces or quotes (a path is percent-encoded, a method a word), capped. */
    private static String token(String value, int max) {
        String s = BoundedFiles.printable(value).replaceAll("[\\s\"=]", "_");
        return s.isEmpty() ? "-" : s.length() > max ? s.substring(0, max) + "..." : s;
    }

    private void write() {
        try {
            while (!closing || !lines.isEmpty()) {
                if (reopens.getAndSet(0) > 0) {
                    switchFile();
                }
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.write("time=" + Instant.now() + " dropped=" + lost + " (the access log's queue was full)\n");
                }
                out.write(line);
                out.write('\n');
                if (lines.isEmpty()) {
                    out.flush(); // a line is in the file as soon as the writer catches up
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("improv serve: the access log stopped: " + e.getMessage());
        }
    }

    /** Flushes and closes the file written, and goes on in a new one at the file's name; on the writer thread. */
    private void switchFile() throws IOException {
        Writer next;
        try {
            next = writer(append(file));
        } catch (IOException e) {
            System.err.println("improv serve: the access log " + file + " could not be reopened (" + e.getMessage()
                    + "); lines go on to the file it had");
            return;
        }
        out.flush();
        out.close();
        out = next;
    }

    /** Writes the lines waiting (for at most 5 s) and closes the file. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(5_000);
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // nothing more can be logged
        }
    }
}
