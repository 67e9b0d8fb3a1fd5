package dev.improv.model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader (or a resumed run) sees either the old file or the whole new one:
 * a temporary file beside the target (created with the user's umask, or the old file's mode), forced
 * to disk, then renamed over it. A symbolic link is followed, so its target is replaced and the
 * link kept. Temporary files are removed when the write fails, when the JVM is stopped (SIGTERM,
 * Ctrl-C), and, for a run killed outright (SIGKILL, a power cut), by the next process that writes into
 * the same folder: its first write there removes every temporary file whose writer is no longer alive
 * (the writer's pid is in the name) and says so, and later writes remove those left for their target.
 */
public final class AtomicFiles {

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final String TMP_MARK = ".improv-";
    private static final long PID = ProcessHandle.current().pid();
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    /** Folders this process has written into, whose leftovers it has already removed. */
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    private static final System.Logger LOG = System.getLogger(AtomicFiles.class.getName());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(AtomicFiles::deleteQuietly), "atomic-files-cleanup"));
    }

    private AtomicFiles() {
    }

    /**
     * A file being written: write through {@link #channel()} or {@link #stream()}, then {@link #commit()};
     * closing without a commit removes the temporary file and leaves the target as it was.
     */
    public static final class Staged implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private OutputStream stream;
        private boolean done;

        private Staged(Path target, Path tmp, FileChannel channel) {
            this.target = target;
            this.tmp = tmp;
            this.channel = channel;
        }

        /** The temporary file's channel (seekable, for formats that patch a header at the end). */
        public FileChannel channel() {
            return channel;
        }

        /** A buffered stream onto the channel; flushed by {@link #commit()}. */
        public OutputStream stream() {
            if (stream == null) {
                stream = new BufferedOutputStream(new OutputStream() {
                    private final OutputStream out = Channels.newOutputStream(channel);

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }
                }, 1 << 16);
            }
            return stream;
        }

        /** Forces the content to disk and renames it over the target. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("already committed or closed: " + target);
            }
            try {
                if (stream != null) {
                    stream.flush();
                }
                channel.force(true);
                channel.close();
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
                forceFolder(target.getParent());
            } catch (IOException e) {
                throw new IOException(describe(target, e), e);
            } finally {
                close();
            }
        }

        /** Without a commit: removes the temporary file. */
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the temporary file is removed below either way
            }
            if (!done) {
                deleteQuietly(tmp);
                done = true;
            }
            OPEN.remove(tmp);
        }
    }

    /** Starts writing {@code target}: a temporary file beside it (or beside the file a link points to). */
    public static Staged open(Path target) throws IOException {
        requireWritable(target);
        Path real = followLinks(target);
        Path dir = real.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException(describe(target, e), e);
        }
        if (!SWEPT.contains(dir.toAbsolutePath().normalize())) {
            removeLeftovers(dir);
        } else {
            removeStale(dir, real.getFileName().toString());
        }
        Path tmp = dir.resolve("." + real.getFileName() + TMP_MARK + PID + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
        FileChannel channel;
        try {
            // No file attributes: the OS applies the user's umask, as it would for any new file.
            channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException(describe(target, e), e);
        }
        OPEN.add(tmp);
        keepMode(real, tmp);
        return new Staged(real, tmp, channel);
    }

    /**
     * Creates {@code dir} and its parents where missing; a failure says why in words ({@code runs/x.txt is
     * a file, not a folder}) where the file system's exception held only the path.
     */
    public static void createFolder(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException(describe(dir, e).replace(": cannot write: ", ": cannot create the folder: "), e);
        }
    }

    /**
     * Fails unless each target (nulls skipped) can be written as far as can be told without writing: not
     * empty, not a folder, no file where a folder above it must be. Commands call it before their work: the
     * rename over a folder failed only when the work was done (a whole {@code play --wav} session, then lost).
     */
    public static void requireWritable(Path... targets) throws IOException {
        for (Path target : targets) {
            if (target == null) {
                continue;
            }
            if (target.toString().isEmpty()) {
                throw new IOException("an output file's name is empty");
            }
            Path real = followLinks(target);
            if (Files.isDirectory(real)) {
                throw new IOException(target + ": cannot write: is a folder; give a file name");
            }
            for (Path up = real.getParent(); up != null; up = up.getParent()) {
                if (Files.exists(up)) {
                    if (!Files.isDirectory(up)) {
                        throw new IOException(target + ": cannot write: " + up + " is a file, not a folder");
                    }
                    break;
                }
            }
        }
    }

    /** Writes to a temporary file beside {@code target}, forces it to disk, then renames it over. */
    public static void write(Path target, Writer writer) throws IOException {
        try (Staged staged = open(target)) {
            try {
                writer.write(staged.stream());
            } catch (IOException e) {
                throw new IOException(describe(target, e), e);
            }
            staged.commit();
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One line for a failed write: the file and the reason in words. */
    static String describe(Path target, IOException e) {
        String reason;
        if (e instanceof java.nio.file.FileAlreadyExistsException f && !Files.isDirectory(Path.of(f.getFile()))) {
            reason = f.getFile() + " is a file, not a folder";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            // A folder that exists yet takes no new file (/proc, /sys) also says "no such file".
            Path folder = target.toAbsolutePath().getParent();
            reason = folder != null && Files.isDirectory(folder) ? folder + " takes no new files" : "no such folder";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason().toLowerCase(java.util.Locale.ROOT);
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String head = target + ": cannot write: ";
        return reason.startsWith(target + ": cannot write") ? reason : head + reason;
    }

    /** The file a chain of symbolic links ends at (the path itself when it is not a link). */
    static Path followLinks(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException(target + ": cannot write: too many levels of symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /** A replaced file keeps its permissions. */
    private static void keepMode(Path real, Path tmp) {
        try {
            PosixFileAttributeView old = Files.getFileAttributeView(real, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (old != null && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // the umask's mode stands
        }
    }

    /**
     * Removes the temporary files that writers no longer alive (runs killed outright) left in
     * {@code dir}, whatever their target, says so (an INFO log line) and returns them; those of live
     * writers are kept. The first write of a process into a folder does this; a run that owns a
     * folder (training's run folder) calls it when it starts.
     */
    public static List<Path> removeLeftovers(Path dir) {
        SWEPT.add(dir.toAbsolutePath().normalize());
        List<Path> removed = removeStale(dir, "*");
        if (!removed.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "improv: removed " + removed.size() + " temporary file(s) that a killed run left in "
                    + dir + ": " + String.join(", ", removed.stream().map(p -> p.getFileName().toString()).toList()));
        }
        return removed;
    }

    /** Removes temporary files that a killed process left for the target {@code name} ({@code *}: any). */
    private static List<Path> removeStale(Path dir, String name) {
        List<Path> removed = new ArrayList<>();
        String glob = "." + (name.equals("*") ? "*" : globEscape(name)) + TMP_MARK + "*.tmp";
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, glob)) {
            for (Path p : left) {
                String file = p.getFileName().toString();
                String rest = file.substring(file.lastIndexOf(TMP_MARK) + TMP_MARK.length());
                int dash = rest.indexOf('-');
                long pid = dash > 0 ? parsePid(rest.substring(0, dash)) : -1;
                if (pid > 0 && pid != PID && writerAlive(pid, p)) {
                    continue; // another live process is writing it
                }
                if ((pid != PID || !OPEN.contains(p)) && Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: a leftover file does no harm to the target
        }
        return removed;
    }

    /**
     * Whether process {@code pid} is alive and may have written {@code tmp}: a process started after
     * the file was last written has only been given a dead writer's pid again (pids are reused).
     */
    private static boolean writerAlive(long pid, Path tmp) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        try {
            // a second of slack: start times and file times are not kept to the same precision
            return started.isEmpty() || !started.get().isAfter(Files.getLastModifiedTime(tmp).toInstant().plusSeconds(1));
        } catch (IOException e) {
            return true;
        }
    }

    private static long parsePid(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String globEscape(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void forceFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every file system lets a folder be opened; the rename itself is still atomic
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
