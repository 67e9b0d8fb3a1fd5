package dev.improv.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys of {@code --api-key-file} as the file stands now: it is looked at again at most once a second and re-read
 * when its modification time or size changed, so keys rotate without a restart (a Kubernetes secret updated in
 * place, a new line added by hand). Each key that stays, with the same limit, keeps its rate bucket. A file that no
 * longer reads (a short key, a bad line, gone) leaves the keys in force, and says why on standard error once.
 */
final class KeyFile {
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private final Path file;
    private volatile ApiKeys keys;
    private volatile List<Object> stamp;
    private final AtomicLong nextCheck = new AtomicLong(System.nanoTime() + CHECK_EVERY_NANOS);

    private KeyFile(Path file, ApiKeys keys, List<Object> stamp) {
        this.file = file;
        this.keys = keys;
        this.stamp = stamp;
    }

    /** Reads the key file; a bad one is an error naming the file and line, as at start. */
    static KeyFile open(Path file) throws IOException {
        List<Object> stamp = stamp(file);
        return new KeyFile(file, ApiKeys.load(file), stamp);
    }

    /** The keys in force, the file looked at first if a second has passed since it last was. */
    ApiKeys keys() {
        long next = nextCheck.get();
        long now = System.nanoTime();
        if (now - next >= 0 && nextCheck.compareAndSet(next, now + CHECK_EVERY_NANOS)) {
            check();
        }
        return keys;
    }

    private void check() {
        List<Object> now;
        try {
            now = stamp(file);
        } catch (IOException e) {
            refused("cannot be read: " + e.getMessage());
            return;
        }
        if (now.equals(stamp)) {
            return;
        }
        try {
            keys = ApiKeys.load(file).keepingBucketsOf(keys);
            System.err.println("improv serve: " + file + " changed; its " + keys.size() + " keys are in force");
        } catch (IOException | IllegalArgumentException e) {
            refused(e.getMessage());
        }
        stamp = now; // a bad file is told once, not every second; the next change is read again
    }

    private void refused(String why) {
        System.err.println("improv serve: the key file " + file + " was not re-read (" + why + "); the keys in force stay");
    }

    /** What tells a changed file: its modification time and size (through a symbolic link, as a mounted secret is). */
    private static List<Object> stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(a.lastModifiedTime(), a.size());
    }
}
