package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Providers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which music engine a game gets: the band unless it names another. */
class MusicEnginesTest {
    @AfterEach
    void clear() {
        System.clearProperty(MusicEngineProvider.PROPERTY);
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
