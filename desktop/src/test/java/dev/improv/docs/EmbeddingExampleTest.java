package dev.improv.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.badlogic.gdx.ApplicationListener;
import com.badlogic.gdx.ApplicationLogger;
import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal game in docs/embedding.md compiles against improv-core and runs headless with the default models. */
class EmbeddingExampleTest {
    @TempDir
    Path dir;

    /** A default model on the classpath, or a folder named by the engine's system property. */
    private static boolean modelAvailable(String resource, String property) {
        return System.getProperty(property) != null
                || EmbeddingExampleTest.class.getClassLoader().getResource("improv/models/" + resource + "/model.json") != null;
    }

    @Test
    void theDocumentedGameCompilesAndGetsMusicAChunkAndALine() throws Exception {
        // The game runs the default models; until improv-models ships them this test has nothing to run.
        assumeTrue(modelAvailable("music", "improv.music.model"), "no default music model in improv-models yet");
        assumeTrue(modelAvailable("level-smb", "improv.level.game") || modelAvailable("level-lode-runner", "improv.level.game"),
                "no default level model in improv-models yet");
        assumeTrue(modelAvailable("dialogue", "improv.dialogue.model"), "no default dialogue model in improv-models yet");
        String doc = Files.readString(Path.of("..", "docs", "embedding.md"));
        Matcher m = Pattern.compile("```java\\n(package example;.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/embedding.md has the example game");
        Path src = dir.resolve("example/MinimalGame.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, m.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-classpath", testClassPath(), src.toString());
        assertEquals(0, rc, "the example compiles");

        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            ApplicationListener game = (ApplicationListener) loader.loadClass("example.MinimalGame")
                    .getConstructor().newInstance();
            HeadlessApplicationConfiguration config = new HeadlessApplicationConfiguration();
            config.updatesPerSecond = 60;
            HeadlessApplication app = new HeadlessApplication(game, config);
            app.setApplicationLogger(new ApplicationLogger() {
                private void add(String tag, String message) {
                    log.add(tag + ": " + message);
                    if (message.equals("ready")) {
                        ready.countDown();
                    }
                }

                @Override
                public void log(String tag, String message) {
                    add(tag, message);
                }

                @Override
                public void log(String tag, String message, Throwable exception) {
                    add(tag, message + " " + exception);
                }

                @Override
                public void error(String tag, String message) {
                    add(tag, message);
                }

                @Override
                public void error(String tag, String message, Throwable exception) {
                    add(tag, message + " " + exception);
                }

                @Override
                public void debug(String tag, String message) {
                    add(tag, message);
                }

                @Override
                public void debug(String tag, String message, Throwable exception) {
                    add(tag, message + " " + exception);
                }
            });
            assertTrue(ready.await(120, TimeUnit.SECONDS), "the game logged 'ready'; log: " + log);
            Thread.sleep(200);
        }
        String all = String.join("\n", log);
        assertTrue(all.contains("chunk 0 is 16x") && all.contains("(generated)"), all);
        assertTrue(all.contains("innkeeper: "), all);
        assertTrue(all.contains("0 underruns"), all);
    }

    /** The test's class path, expanded from surefire's manifest-only jar when it uses one. */
    private static String testClassPath() throws Exception {
        String cp = System.getProperty("java.class.path");
        StringBuilder out = new StringBuilder(cp);
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (var jar = new java.util.jar.JarFile(entry)) {
                    String manifestCp = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestCp != null) {
                        for (String url : manifestCp.split(" ")) {
                            if (!url.isBlank()) {
                                out.append(File.pathSeparator).append(Path.of(new URL(url).toURI()));
                            }
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
