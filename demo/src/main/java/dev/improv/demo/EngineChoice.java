package dev.improv.demo;

import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.Improv;
import dev.improv.api.LevelEngineProvider;
import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Providers;
import dev.improv.api.Ranked;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Picks the demo's engines: the highest-ranked provider whose engine loads (for levels and dialogue the
 * transformer when its model is on the classpath, for music the band), else the next one (rule
 * music, grammar dialogue), saying so once on stderr. The band is the api's default for music: the demo's music follows play by mood (calm,
 * tense, victory), and only the band's mood presets make moods sound different, not just major or
 * minor. A system property that names a provider (as {@link Providers#select} reads it) is obeyed
 * as is. The chosen names are kept for the report.
 */
final class EngineChoice {
    /** Domain ("music", "level", "dialogue") to the name of the engine that loaded. */
    static final Map<String, String> CHOSEN = new ConcurrentHashMap<>();

    private EngineChoice() {
    }

    /** Improv with the engines that load (each loaded on first use), on one generation thread. */
    static Improv open() {
        ClassLoader loader = EngineChoice.class.getClassLoader();
        return Improv.builder().optThreads(1)
                .optMusicEngine(() -> load("music", MusicEngineProvider.class, MusicEngineProvider.PROPERTY, loader,
                        MusicEngineProvider::newEngine))
                .optLevelEngine(() -> load("level", LevelEngineProvider.class, LevelEngineProvider.PROPERTY, loader,
                        LevelEngineProvider::newEngine))
                .optDialogueEngine(() -> load("dialogue", DialogueEngineProvider.class, DialogueEngineProvider.PROPERTY,
                        loader, DialogueEngineProvider::newEngine))
                .build();
    }

    private static <P extends Ranked, E> E load(String domain, Class<P> type, String property, ClassLoader loader,
                                                Function<P, E> make) {
        String wanted = System.getProperty(property);
        if (wanted != null && !wanted.isBlank()) {
            P p = Providers.select(type, property, loader);
            CHOSEN.put(domain, p.name());
            return make.apply(p);
        }
        RuntimeException failure = null;
        for (P p : Providers.all(type, loader)) {
            try {
                E engine = make.apply(p);
                CHOSEN.put(domain, p.name());
                if (failure != null) {
                    System.err.println("improv demo: " + domain + " engine: using '" + p.name() + "' ("
                            + failure.getMessage() + ")");
                }
                return engine;
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            if (CHOSEN.putIfAbsent(domain, "none") == null) {
                System.err.println("improv demo: no " + domain + " engine loads (" + failure.getMessage()
                        + "); the game's authored content stands in");
            }
            throw failure;
        }
        return make.apply(Providers.select(type, property, loader)); // none found: select explains that
    }
}
