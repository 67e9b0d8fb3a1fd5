package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Providers;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which music engine a game gets: the band unless it names another. */
class MusicEnginesTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(MusicEngineProvider.PROPERTY);
        System.clearProperty(TransformerMusicProvider.MODEL_PROPERTY);
    }

    @Test
    void theBandPlaysTheMelodyModelThePropertyNames() {
        Path missing = tmp.resolve("no-such-model");
        System.setProperty(TransformerMusicProvider.MODEL_PROPERTY, missing.toString());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new BandMusicProvider().newEngine());
        assertTrue(e.getMessage().contains("no-such-model"), e.getMessage());
    }

    @Test
    void builtInProvidersAreFoundBandFirst() {
        List<MusicEngineProvider> all = Providers.all(MusicEngineProvider.class, getClass().getClassLoader());
        // remote (rank 0) is never the default: a game chooses a server deliberately.
        assertEquals(List.of("band", "transformer", "rules", "remote"), all.stream().map(MusicEngineProvider::name).toList());
    }

    @Test
    void theBandIsTheDefaultAndTheOlderEnginesAreChosenByName() {
        ClassLoader loader = getClass().getClassLoader();
        assertEquals(BandMusicProvider.class,
                Providers.select(MusicEngineProvider.class, MusicEngineProvider.PROPERTY, loader).getClass());
        System.setProperty(MusicEngineProvider.PROPERTY, "transformer");
        assertEquals(TransformerMusicProvider.class,
                Providers.select(MusicEngineProvider.class, MusicEngineProvider.PROPERTY, loader).getClass());
        System.setProperty(MusicEngineProvider.PROPERTY, "rules");
        assertEquals(RuleMusicProvider.class,
                Providers.select(MusicEngineProvider.class, MusicEngineProvider.PROPERTY, loader).getClass());
    }
}
