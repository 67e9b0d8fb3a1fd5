package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a careless user types gets exit code 2 and one line on stderr, before any long work starts. */
class UserMistakesTest {

    @TempDir
    Path dir;

    /** Runs the command line; returns {exit code, stderr}. */
    private static Object[] run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        int rc;
        try {
            System.setErr(new PrintStream(err, true));
            System.setOut(new PrintStream(out, true));
            rc = ImprovCommand.run(args);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return new Object[] {rc, err.toString()};
    }

    private static String oneLine(Object[] result, String... expected) {
        String err = ((String) result[1]).strip();
        assertEquals(2, result[0], err);
        assertFalse(err.contains("\n") || err.contains("\tat "), "one line, no stack trace: " + err);
        for (String e : expected) {
            assertTrue(err.contains(e), "expected '" + e + "' in: " + err);
        }
        return err;
    }

    @Test
    void aPrimeWithNoNotesIsAnError() throws Exception {
        Path empty = Files.write(dir.resolve("empty.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
            'M', 'T', 'r', 'k', 0, 0, 0, 4, 0, (byte) 0xFF, 0x2F, 0});
        Path out = dir.resolve("out.mid");
        oneLine(run("music", "--engine", "transformer", "--prime", empty.toString(), "--out", out.toString()), empty + ": no notes");
        assertFalse(Files.exists(out));
    }

    @Test
    void optionsOfTheOtherEngineAreRefusedNotIgnored() throws Exception {
        Path out = dir.resolve("out.mid");
        Path prime = Files.write(dir.resolve("prime.mid"), new byte[] {'M', 'T', 'h', 'd'});
        // The band (the default) cannot continue a piece, nor take the transformer's sampling options.
        oneLine(run("music", "--prime", prime.toString(), "--out", out.toString()), "--prime", "--engine transformer");
        oneLine(run("music", "--temperature", "1.2", "--out", out.toString()), "--temperature is for --engine transformer");
        oneLine(run("music", "--key-strength", "0", "--out", out.toString()), "--key-strength is for --engine transformer");
        // The transformer has no mood, drums or band instruments.
        oneLine(run("music", "--engine", "transformer", "--mood", "sad", "--out", out.toString()), "--mood is for the band");
        oneLine(run("music", "--engine", "transformer", "--lead", "40", "--out", out.toString()), "--lead is for the band");
        Object[] engine = run("music", "--engine", "orchestra", "--out", out.toString());
        assertEquals(2, engine[0]);
        String first = ((String) engine[1]).lines().findFirst().orElse("");
        assertTrue(first.startsWith("Invalid value for option '--engine'") && first.contains("[band, transformer]"), first);
        assertFalse(Files.exists(out));
    }

    @Test
    void sectionsAreBarsColonIntensity() {
        Path out = dir.resolve("out.mid");
        oneLine(run("music", "--sections", "8-2", "--out", out.toString()), "--sections: '8-2' is not BARS:INTENSITY");
        oneLine(run("music", "--sections", "4:2,4:9", "--out", out.toString()), "'4:9' needs at least 1 bar and an intensity in 0..7");
        oneLine(run("music", "--sections", "4:2,4:6", "--bars", "16", "--out", out.toString()), "--bars 16 differs from the 8 bars");
        oneLine(run("music", "--sections", "4:2", "--intensity", "5", "--out", out.toString()), "--intensity cannot be given with --sections");
        assertFalse(Files.exists(out));
    }

    @Test
    void serviceSettingsPastWhatAMachineRunsAreRefused() {
        // Each was accepted: --queue 2000000000 then ran out of memory, the others started a service.
        oneLine(run("serve", "--port", "99999"), "--port must be in 0..65535, got 99999");
        oneLine(run("serve", "--queue", "2000000000"), "--queue must be in 0..65536");
        oneLine(run("serve", "--workers", "100000"), "--workers must be in 1..1024");
        oneLine(run("serve", "--max-batch", "100000"), "--max-batch must be in 1..1024");
        oneLine(run("serve", "--deadline-ms", "-5"), "--deadline-ms must be in 1..3600000, got -5");
        oneLine(run("serve", "--max-latency-ms", "-1"), "--max-latency-ms must be in 0..3600000");
        oneLine(run("serve", "--warm-up-seconds", "-1"), "--warm-up-seconds must be in 0..600, got -1");
        oneLine(run("serve", "--drain-seconds", "-1"), "--drain-seconds must be in 0..3600, got -1");
        oneLine(run("serve", "--read-timeout-seconds", "0"), "--read-timeout-seconds must be in 1..600, got 0");
    }

    @Test
    void anApiKeyFileThatIsNotUtf8NamesItsLine() throws Exception {
        // It said "improv serve: Input length = 1".
        Path keys = Files.write(dir.resolve("keys.txt"), new byte[] {'k', 'e', 'y', '\n', (byte) 0xFF, '\n'});
        oneLine(run("serve", "--port", "0", "--api-key-file", keys.toString()), keys + ": line 2: byte 0xff");
    }

    @Test
    void anAccessLogThatCannotBeWrittenIsToldBeforeTheNodeStarts() {
        Path log = dir.resolve("no-such-folder").resolve("access.log");
        oneLine(run("serve", "--port", "0", "--warm-up-seconds", "0", "--access-log", log.toString()), log.toString(),
                "no such file or folder");
    }

    @Test
    void moodPresetsWithoutAMoodAreAnError() throws Exception {
        // --moods was read only when --mood named a preset: a bad or unused file passed in silence.
        Path moods = Files.write(dir.resolve("moods.json"), new byte[] {'{', (byte) 0xFF});
        Path out = dir.resolve("out.mid");
        oneLine(run("music", "--moods", moods.toString(), "--out", out.toString()), "--moods " + moods, "--mood NAME");
        assertFalse(Files.exists(out));
    }

    @Test
    void aBrokenGameDefinitionNamesFileLineAndField() throws Exception {
        Path game = Files.writeString(dir.resolve("game.json"), "{\n  \"name\": \"crypt\",\n  \"rule\": \"top-down\",\n"
                + "  \"legend\": {\".\": [\"passable\", \"empty\"], \"D\": [\"passable\", \"door\"]},\n"
                + "  \"chunk\": {\"columns\": 9, \"rows\": \"seven\"},\n  \"features\": \"zelda\"\n}\n");
        oneLine(run("level", "--game", dir.toString(), "--out", dir.resolve("l.txt").toString()),
                game + ":5: field 'chunk.rows': must be a whole number from 1 to 256, got \"seven\"");
        oneLine(run("level", "--game", "zelda", "--rooms", "4by3", "--out", dir.resolve("l.txt").toString()),
                "--rooms: expected WIDExHIGH");
        oneLine(run("level", "--game", "boxoban", "--chunks", "3", "--out", dir.resolve("l.txt").toString()),
                "boxoban makes whole push puzzles");
    }

    /** A value picocli cannot convert: its first line names the option and the choices, then the usage follows. */
    @Test
    void anUnknownWeightFormatNamesTheChoices() {
        for (String[] args : new String[][] {{"music", "--weights", "int4", "--out", dir.resolve("m.mid").toString()},
                {"level", "--weights", "int4", "--out", dir.resolve("l.txt").toString()}}) {
            Object[] result = run(args);
            assertEquals(2, result[0]);
            String first = ((String) result[1]).lines().findFirst().orElse("");
            assertEquals("Invalid value for option '--weights': unknown weight format 'int4' (fp32, int8)", first);
        }
    }

    @Test
    void workPastTheLimitsIsRefusedWithTheRange() {
        oneLine(run("level", "--width", "100000000", "--out", dir.resolve("l.txt").toString()), "--width must be in 1..10000");
        oneLine(run("level", "--chunks", "1000000", "--out", dir.resolve("l.txt").toString()), "--chunks must be in 1..625");
        oneLine(run("dialogue", "--persona", "I sell bread.", "--say", "hi", "--n", "2000000000"), "--n must be 1-1000");
        oneLine(run("bench", "model", "--no-peer", "--at", "64,512"), "--at: each position must be in [0, 511], got 512");
        // Checked before the corpus is looked for or read (here there is none).
        oneLine(run("train", "ranker", "--data", dir.toString(), "--batch", "100000000"), "batch 2-8192");
        oneLine(run("train", "ranker", "--data", dir.toString(), "--word-dropout", "NaN"), "word dropout in [0,1)");
    }

    @Test
    void aLevelToEditIsCheckedAndItsChunkRedrawnInPlace() throws Exception {
        Path level = dir.resolve("l.txt");
        assertEquals(0, run("level", "--chunks", "3", "--seed", "2", "--out", level.toString())[0]);
        String out = dir.resolve("edit.txt").toString();
        oneLine(run("level", "--regenerate-chunk", "1", "--out", out), "--regenerate-chunk needs --from");
        oneLine(run("level", "--from", level.toString(), "--out", out), "--from needs --chunks");
        oneLine(run("level", "--from", level.toString(), "--regenerate-chunk", "3", "--out", out),
                level + ": chunk 3 is not in a level of 3 chunks (0..2)");
        Path ragged = Files.writeString(dir.resolve("ragged.txt"), "---\n--\n");
        oneLine(run("level", "--from", ragged.toString(), "--chunks", "1", "--out", out),
                ragged + ": line 2 has 2 tiles, line 1 has 3");
        // An editor's blank line at the end is no row (it was "row 14 has 0 tiles"), nor a Windows byte-order mark a tile.
        Path saved = dir.resolve("saved.txt");
        Files.write(saved, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Files.writeString(saved, Files.readString(level).replace("\n", "\r\n") + "\r\n\r\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, run("level", "--from", saved.toString(), "--chunks", "1", "--out", out)[0]);
        Files.delete(Path.of(out));
        Path alien = Files.writeString(dir.resolve("alien.txt"), Files.readString(level).replaceFirst("-", "Z"));
        oneLine(run("level", "--from", alien.toString(), "--chunks", "1", "--out", out), alien + ": row 1, column 1: 'Z'");
        assertFalse(Files.exists(Path.of(out)));

        assertEquals(0, run("level", "--from", level.toString(), "--regenerate-chunk", "1", "--seed", "5", "--out", out)[0]);
        List<String> before = Files.readAllLines(level);
        List<String> after = Files.readAllLines(Path.of(out));
        for (int r = 0; r < before.size(); r++) {
            assertEquals(before.get(r).substring(0, 16) + before.get(r).substring(32),
                    after.get(r).substring(0, 16) + after.get(r).substring(32), "chunks 0 and 2 kept, row " + r);
        }
    }

    @Test
    void picturesAskedTheWayTheOtherModeAsksAreAnErrorNotIgnored() throws Exception {
        Path level = dir.resolve("one.txt");
        oneLine(run("level", "--width", "32", "--out", level.toString(), "--formats", "png"),
                "--formats names the files of each level written by --count N");
        assertFalse(Files.exists(level));
        Path folder = dir.resolve("many");
        oneLine(run("level", "--width", "32", "--count", "2", "--out", folder.toString(), "--png",
                dir.resolve("x.png").toString()), "--png writes one level's file; with --count use --formats");
        assertFalse(Files.exists(folder));
    }

    @Test
    void anUnwritablePictureIsOneLineAndTheLevelIsStillWritten() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "not a folder");
        Path level = dir.resolve("l.txt");
        // A picture under a file is refused before the work, so nothing is made and nothing half-written.
        String err = oneLine(run("level", "--width", "32", "--out", level.toString(), "--png", blocker.resolve("l.png").toString()),
                blocker.resolve("l.png") + ": cannot write: " + blocker + " is a file, not a folder");
        assertTrue(err.startsWith("improv level: "), err);
        assertFalse(Files.exists(level));
        // One that fails only when written (procfs takes no new files) leaves the level written.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        oneLine(run("level", "--width", "32", "--out", level.toString(), "--png", "/proc/l.png"),
                "/proc/l.png: cannot write: /proc takes no new files");
        assertTrue(Files.exists(level));
    }

    @Test
    void runningOutOfMemoryIsOneLineNotAStackTrace() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
                "-cp", System.getProperty("java.class.path"), ImprovCommand.class.getName(),
                "music", "--bars", "4", "--out", dir.resolve("m.mid").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes()).strip();
        assertEquals(1, p.waitFor(), err);
        assertTrue(err.startsWith("improv music: ran out of memory") && !err.contains("\n"), err);
    }

    /** A mistake in a training option is named before the corpus is read (here there is none to read), by the full command. */
    @Test
    void trainingMistakesAreRefusedBeforeTheCorpusIsRead() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-tunes"));
        String data = empty.toString();
        String run = dir.resolve("run").toString();
        String err = oneLine(run("train", "music", "--data", data, "--out", run, "--steps", "0"), "--steps must be in 1..");
        assertTrue(err.startsWith("improv train music: "), err);
        oneLine(run("train", "drums", "--data", data, "--out", run, "--lr", "NaN"), "improv train drums: --lr must be in (0, 1)");
        oneLine(run("train", "music", "--data", data, "--out", run, "--width", "32", "--heads", "3"),
                "'heads' must be a divisor of the width 32, got 3", "--heads");
        oneLine(run("train", "music", "--data", data, "--out", run, "--resume"), "--resume: no checkpoint in " + run);
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        oneLine(run("train", "music", "--data", data, "--out", file.toString()), file + ": is a file; --out is the run's folder");
        oneLine(run("train", "music", "--data", data, "--out", file.resolve("run").toString()),
                file.resolve("run").resolve("log.csv") + ": cannot write: " + file + " is a file, not a folder");
        assertEquals("mine", Files.readString(file));
        assertFalse(Files.exists(Path.of(run)), "a refused run leaves no folder");
    }

    /** A value picocli cannot read: its line and where the options are, not 70 lines of usage over it. */
    @Test
    void anOptionPicocliCannotReadIsItsLineAndWhereTheOptionsAre() {
        Object[] result = run("train", "music", "--steps", "many", "--data", dir.toString());
        assertEquals(2, result[0]);
        List<String> lines = ((String) result[1]).strip().lines().toList();
        assertEquals(List.of("Invalid value for option '--steps': 'many' is not an int",
                "Run 'improv train music --help' for its options."), lines);
    }

    /** The file system's exceptions carry only a path; the kind of failure is the reason given. */
    @Test
    void aFileSystemFailureSaysWhatWentWrong() {
        assertEquals("a/b: is a file, not a folder", UserErrors.message(new java.nio.file.FileAlreadyExistsException("a/b")));
        assertEquals("a/b: no such file or folder", UserErrors.message(new java.nio.file.NoSuchFileException("a/b")));
        assertEquals("a/b: permission denied", UserErrors.message(new java.nio.file.AccessDeniedException("a/b")));
        assertEquals("a/b: read-only file system",
                UserErrors.message(new java.nio.file.FileSystemException("a/b", null, "Read-only file system")));
    }

    /** A slot with no value is named by file and line, or by option, before the model loads (it was the bare line). */
    @Test
    void aSlotWithNoValueNamesItsFileAndLine() throws Exception {
        Path card = Files.writeString(dir.resolve("brom.json"),
                "{\"name\": \"Brom\", \"persona\": [\"I work.\"], \"facts\": [\"Axes are 2 gold.\", \"The {item} is 3 gold.\"]}");
        oneLine(run("dialogue", "--card", card.toString(), "--say", "How much?"),
                card + ": facts[1]: no value for slot {item}; give it with --slot item=VALUE or in the card's slots");
        oneLine(run("dialogue", "--persona", "I sell {ware}.", "--say", "What do you sell?"),
                "--persona: persona[0]: no value for slot {ware}; give it with --slot ware=VALUE");
        oneLine(run("dialogue", "--card", card.toString(), "--slot", "item=sword", "--say", "Where is {town}?"),
                "--say: no value for slot {town}");
        Path world = Files.writeString(dir.resolve("world.json"), "{\"facts\": [\"The {river} floods.\"]}");
        oneLine(run("dialogue", "--card", card.toString(), "--slot", "item=sword", "--world", world.toString(), "--say", "hi"),
                world + ": facts[0]: no value for slot {river}");
    }

    /** Found as a user: a session played to its end, then its WAV was lost into a folder; a script's list was Jackson's words. */
    @Test
    void playRefusesAFolderForItsWavAndAScriptOfTheWrongShapeAtOnce() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("takes"));
        oneLine(run("play", "--fast", "--minutes", "0.05", "--wav", folder.toString()), folder + ": cannot write: is a folder");
        Path script = Files.writeString(dir.resolve("controls.json"), "{\"start\": [1]}");
        oneLine(run("play", "--fast", "--minutes", "0.05", "--controls", script.toString()),
                script + ": line 1, field 'start': must be an object, got a list");
        // Both were found only once the session played: two lines, "java.io.IOException" and exit 1; and a -D property named.
        Path noise = Files.write(dir.resolve("bank.sf2"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        oneLine(run("play", "--fast", "--minutes", "0.05", "--soundfont", noise.toString()),
                noise + ": not a soundfont the JDK synthesizer can read");
        String err = oneLine(run("play", "--fast", "--minutes", "0.05", "--engine", "orchestra"),
                "improv play: --engine: no music engine 'orchestra'; available: band");
        assertFalse(err.contains("-D"), err);
        System.clearProperty(dev.improv.api.MusicEngineProvider.PROPERTY); // --engine sets it for the session
    }

    /** A failure on another thread (the play thread's last write) is the command's failure, not exit code 0. */
    @Test
    void aFailureOnAnotherThreadFailsTheCommand() throws Exception {
        java.io.StringWriter said = new java.io.StringWriter();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try {
            UserErrors.onOtherThreads(new java.io.PrintWriter(said, true));
            int failures = UserErrors.threadFailures();
            assertEquals(0, UserErrors.exitCode(0, failures));
            Thread t = new Thread(() -> {
                throw new java.io.UncheckedIOException(new java.io.IOException("x.wav: cannot write: disk full"));
            }, "improv-music-play");
            t.start();
            t.join();
            assertEquals(1, UserErrors.exitCode(0, failures), said.toString());
            assertEquals(2, UserErrors.exitCode(2, failures));
            assertTrue(said.toString().startsWith("improv: thread improv-music-play failed"), said.toString());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
