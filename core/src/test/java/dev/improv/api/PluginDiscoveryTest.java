package dev.improv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.plugin.PhrasebookDialogueProvider;
import dev.improv.api.plugin.ShoutingDialogueProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third party adds engines by putting a jar with a META-INF/services entry on the classpath. */
class PluginDiscoveryTest {

    @TempDir
    Path dir;

    /** Writes a plugin jar that registers the two test providers, as a third party would ship it. */
    private URLClassLoader pluginOnClasspath() throws IOException {
        Path jar = dir.resolve("my-dialogue-plugin.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/" + DialogueEngineProvider.class.getName()));
            String services = PhrasebookDialogueProvider.class.getName() + "\n"
                    + "# comments and blank lines are allowed\n\n" + ShoutingDialogueProvider.class.getName() + "\n";
            j.write(services.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    }

    private static final DialogueRequest REQUEST = DialogueRequest.builder().addPersona("I row the ferry.")
            .addTurn(DialogueTurn.player("Is it safe?")).optSlot("name", "Ada").optSeed(1).build();

    @Test
    void highestRankedPluginIsTheDefault() throws IOException {
        try (URLClassLoader loader = pluginOnClasspath();
             Improv improv = Improv.builder().optClassLoader(loader).build()) {
            Outcome<DialogueLine> o = improv.line(REQUEST, Duration.ofSeconds(5)).await();
            assertEquals(Outcome.Status.COMPLETED, o.status(), o.message());
            assertEquals(new DialogueLine("Mind the bridge, Ada.", "phrasebook"), o.value());
            assertEquals("phrasebook", Providers.all(DialogueEngineProvider.class, loader).get(0).name());
        }
    }

    @Test
    void systemPropertyOverridesTheRank() throws IOException {
        System.setProperty(DialogueEngineProvider.PROPERTY, "shouting");
        try (URLClassLoader loader = pluginOnClasspath();
             Improv improv = Improv.builder().optClassLoader(loader).build()) {
            assertEquals("IS IT SAFE?", improv.line(REQUEST, Duration.ofSeconds(5)).await().value().text());
        } finally {
            System.clearProperty(DialogueEngineProvider.PROPERTY);
        }
    }

    @Test
    void unknownProviderNameIsAClearFailure() throws IOException {
        System.setProperty(DialogueEngineProvider.PROPERTY, "klingon");
        try (URLClassLoader loader = pluginOnClasspath();
             Improv improv = Improv.builder().optClassLoader(loader).build()) {
            Outcome<DialogueLine> o = improv.line(REQUEST, Duration.ofSeconds(5)).await();
            assertEquals(Outcome.Status.FAILED, o.status());
            assertTrue(o.message().contains("improv.dialogue.engine=klingon"), o.message());
            assertTrue(o.message().contains("phrasebook (rank 100)"), o.message());
        } finally {
            System.clearProperty(DialogueEngineProvider.PROPERTY);
        }
    }
}
