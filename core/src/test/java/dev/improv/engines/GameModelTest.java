package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Bar;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.api.Improv;
import dev.improv.api.ModelSource;
import dev.improv.api.MusicClip;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicRequest;
import dev.improv.api.Outcome;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import dev.improv.music.MusicVocabulary;
import dev.improv.music.Track;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A game ships its own model (issue #12): from a folder, from inside its jar, or from streams it
 * opens, chosen on Improv's builder rather than by a JVM-wide system property.
 */
class GameModelTest {
    private static final Duration GENEROUS = Duration.ofMinutes(1);

    @TempDir
    Path tmp;

    /** An untrained music model with the music tokenizer's metadata, saved as train writes it. */
    private Path musicModelFolder() throws Exception {
        MusicVocabulary vocab = MusicVocabulary.standard();
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta = json.createObjectNode();
        meta.set("vocabulary", json.valueToTree(vocab.settings()));
        meta.set("tracks", json.valueToTree(List.of(new Track("melody", 0, 73), new Track("chords", 1, 0))));
        Path dir = tmp.resolve("boss-music");
        LanguageModel.random(new TransformerConfig(vocab.size(), 1, 32, 2, 256, 0f), 5)
                .withMetadata("boss-music", meta).save(dir);
        return dir;
    }

    /** Two bars of music from {@code source}, seed 3. */
    private static List<Bar> compose(ModelSource source) {
        try (Improv improv = Improv.builder().optMusicModel(source).build()) {
            Outcome<MusicClip> clip = improv.compose(new MusicRequest(3, MusicControls.DEFAULT, 2), GENEROUS).await();
            assertTrue(clip.isCompleted(), clip.message());
            return clip.value().bars();
        }
    }

    @Test
    void theSameModelFromAFolderTheGameJarOrStreamsMakesTheSameMusic() throws Exception {
        Path folder = musicModelFolder();
        byte[] config = Files.readAllBytes(folder.resolve(ModelSource.CONFIG_FILE));
        byte[] weights = Files.readAllBytes(folder.resolve(ModelSource.WEIGHTS_FILE));

        Path jar = tmp.resolve("game.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (var file : List.of(ModelSource.CONFIG_FILE, ModelSource.WEIGHTS_FILE)) {
                out.putNextEntry(new JarEntry("mygame/models/boss-music/" + file));
                out.write(Files.readAllBytes(folder.resolve(file)));
                out.closeEntry();
            }
        }

        List<Bar> fromFolder = compose(ModelSource.folder(folder));
        assertEquals(2, fromFolder.size());
        assertFalse(fromFolder.get(0).notes().isEmpty() && fromFolder.get(1).notes().isEmpty(), "some notes");
        try (URLClassLoader game = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(fromFolder, compose(ModelSource.resource("mygame/models/boss-music", game)));
        }
        assertEquals(fromFolder, compose(ModelSource.streams("boss-music",
                () -> new ByteArrayInputStream(config), () -> new ByteArrayInputStream(weights))));
    }

    @Test
    void aMissingModelFailsTheRequestNamingWhereItLooked() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null);
             Improv improv = Improv.builder().optMusicModel(ModelSource.resource("mygame/models/nothing", empty)).build()) {
            Outcome<MusicClip> clip = improv.compose(new MusicRequest(3, MusicControls.DEFAULT, 1), GENEROUS).await();
            assertFalse(clip.isCompleted());
            assertTrue(clip.message().contains("classpath:mygame/models/nothing/model.json"), clip.message());
        }
    }

    @Test
    void dialogueAndLevelEnginesReadTheGameModelToo() throws Exception {
        Path folder = musicModelFolder(); // a real model, but of music: each domain must refuse it by name
        DialogueRequest ask = DialogueRequest.builder().addPersona("I sell apples.")
                .addTurn(DialogueTurn.player("What do you sell?")).build();
        try (Improv improv = Improv.builder().optDialogueModel(ModelSource.folder(folder))
                .optLevelModel(ModelSource.folder(tmp.resolve("no-such-level"))).build()) {
            var line = improv.line(ask, GENEROUS).await();
            assertFalse(line.isCompleted());
            assertTrue(line.message().contains("boss-music"), line.message());
            var chunk = improv.level(1).next("", GENEROUS).await();
            assertFalse(chunk.isCompleted());
            assertTrue(chunk.message().contains("no-such-level"), chunk.message());
        }
    }

    @Test
    void theFilesAreClosedAfterLoading() throws Exception {
        Path folder = musicModelFolder();
        int[] open = {0};
        ModelSource.Opener config = () -> counted(Files.readAllBytes(folder.resolve(ModelSource.CONFIG_FILE)), open);
        ModelSource.Opener weights = () -> counted(Files.readAllBytes(folder.resolve(ModelSource.WEIGHTS_FILE)), open);
        compose(ModelSource.streams("boss-music", config, weights));
        assertEquals(0, open[0], "streams left open");
    }

    private static ByteArrayInputStream counted(byte[] bytes, int[] open) {
        open[0]++;
        return new ByteArrayInputStream(bytes) {
            @Override
            public void close() {
                open[0]--;
            }
        };
    }
}
