package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output is written whole or not at all, with the mode a user expects, through links, leaving no litter. */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFileGetsTheUmaskModeAndAReplacedFileKeepsItsMode(@TempDir Path dir) throws IOException {
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives any new file
        Path made = dir.resolve("made.txt");
        AtomicFiles.writeString(made, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(made));
        Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(made, "y");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
    }

    @Test
    void writingThroughASymlinkReplacesTheTargetAndKeepsTheLink(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("level.txt");
        Files.writeString(target, "the old level");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[10_000]);
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().startsWith(target + ": cannot write: "), e.getMessage());
        assertEquals("the old level", Files.readString(target));
        assertEquals(List.of("level.txt"), names(dir));
    }

    @Test
    void anUnwritablePathIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        Path target = file.resolve("out.png");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertEquals(target + ": cannot write: " + file + " is a file, not a folder", e.getMessage());
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(locked)) { // root may write anywhere
            Path inLocked = locked.resolve("out.png");
            e = assertThrows(IOException.class, () -> AtomicFiles.writeString(inLocked, "x"));
            assertEquals(inLocked + ": cannot write: permission denied", e.getMessage());
        }
    }

    /** A folder as the target was refused only by the rename at commit, after the work (a whole play --wav session). */
    @Test
    void aFolderOrAnEmptyNameIsRefusedBeforeTheWork(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.open(folder));
        assertEquals(folder + ": cannot write: is a folder; give a file name", e.getMessage());
        assertEquals(List.of(), listed(dir.resolve("out")), "nothing staged");
        assertEquals(List.of(folder), listed(dir), "no temporary file beside it");
        e = assertThrows(IOException.class, () -> AtomicFiles.requireWritable(null, Path.of("")));
        assertEquals("an output file's name is empty", e.getMessage());
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path under = file.resolve("deeper").resolve("x.wav");
        e = assertThrows(IOException.class, () -> AtomicFiles.requireWritable(under));
        assertEquals(under + ": cannot write: " + file + " is a file, not a folder", e.getMessage());
        AtomicFiles.requireWritable(dir.resolve("new").resolve("x.wav"), dir.resolve("x.wav")); // folders made when written
    }

    private static List<Path> listed(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFolderThatTakesNoFilesIsNamedAsSuch() {
        // procfs exists but creates no files: the write failed with "no such folder" for /proc.
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "Linux /proc");
        Path target = proc.resolve("level.png");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertEquals(target + ": cannot write: /proc takes no new files", e.getMessage());
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedByTheNextWrite(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("song.mid");
        // pid 2^22+1 is above Linux's pid_max default, so no live process owns it.
        Files.writeString(dir.resolve(".song.mid.improv-4194305-1a2b.tmp"), "half a file");
        AtomicFiles.writeString(target, "whole");
        assertEquals(List.of("song.mid"), names(dir));
    }

    @Test
    void aStoppedProcessLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.wav");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HalfWritten.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        String ready = new String(p.getInputStream().readNBytes(6));
        assertEquals("ready\n", ready);
        assertTrue(names(dir).stream().anyMatch(n -> n.endsWith(".tmp")), "the child is writing: " + names(dir));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of(), names(dir));
        assertFalse(Files.exists(target));
    }

    @Test
    void aRunKilledOutrightLeavesATemporaryFileThatTheNextRunInTheFolderRemoves(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("checkpoint.safetensors");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HalfWritten.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        assertEquals("ready\n", new String(p.getInputStream().readNBytes(6)));
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> left = names(dir);
        assertEquals(1, left.size(), left.toString());
        assertTrue(left.get(0).startsWith(".checkpoint.safetensors.improv-" + p.pid() + "-"), left.toString());
        // The next run writes something else into the folder: the leftover goes with its first write.
        AtomicFiles.writeString(dir.resolve("log.csv"), "step,loss\n");
        assertEquals(List.of("log.csv"), names(dir));
    }

    @Test
    void leftoversOfDeadWritersGoAndThoseOfLiveWritersStay(@TempDir Path dir) throws IOException {
        // pid 2^22+1 is above Linux's pid_max default, so no live process owns it.
        Files.writeString(dir.resolve(".weights.safetensors.improv-4194305-1a2b.tmp"), "half a file");
        Files.writeString(dir.resolve(".log.csv.improv-4194305-ff.tmp"), "half a log");
        // The parent JVM (the build) is alive and started before this file was written: it may be writing it.
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path live = dir.resolve(".song.mid.improv-" + parent + "-7.tmp");
        Files.writeString(live, "being written");
        // The same live pid on a file written long before that process started: a dead writer's pid, reused.
        Path reused = dir.resolve(".old.mid.improv-" + parent + "-8.tmp");
        Files.writeString(reused, "from before a reboot");
        Files.setLastModifiedTime(reused, java.nio.file.attribute.FileTime.fromMillis(946_684_800_000L)); // 2000-01-01
        List<Path> removed = AtomicFiles.removeLeftovers(dir);
        assertEquals(List.of(".log.csv.improv-4194305-ff.tmp", ".old.mid.improv-" + parent + "-8.tmp",
                ".weights.safetensors.improv-4194305-1a2b.tmp"),
                removed.stream().map(f -> f.getFileName().toString()).sorted().toList());
        assertEquals(List.of(live.getFileName().toString()), names(dir));
    }

    /** The child of {@link #aStoppedProcessLeavesNoTemporaryFile}: starts a write and never finishes it. */
    public static final class HalfWritten {
        public static void main(String[] args) throws Exception {
            AtomicFiles.Staged staged = AtomicFiles.open(Path.of(args[0]));
            staged.stream().write(new byte[1000]);
            System.out.print("ready\n");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
