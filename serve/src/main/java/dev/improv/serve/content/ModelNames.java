package dev.improv.serve.content;

import dev.improv.engines.TransformerDialogueProvider;
import dev.improv.engines.TransformerMusicProvider;
import dev.improv.level.GameLevels;
import dev.improv.level.LevelModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models a client may ask for, by name only: the default models on the classpath, or the folders
 * the operator set with the engines' properties ({@code -Dimprov.dialogue.model=DIR}). A request never
 * names a folder or a path.
 */
public final class ModelNames {
    public static final String MUSIC = "music";
    public static final String DIALOGUE = "dialogue";

    /**
     * Whether each default model is on the classpath, looked up once: the classpath does not change while
     * the service runs, and a lookup scans the jars (seven a request were 8% of the CPU samples of 16 clients in `bench serve`).
     */
    private static final Map<String, Boolean> ON_CLASSPATH = new ConcurrentHashMap<>();

    private ModelNames() {
    }

    /** Every servable model: {@code music}, {@code dialogue}, and {@code level-GAME} per game on the classpath. */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        for (String n : new String[] {MUSIC, DIALOGUE}) {
            if (onClasspath(n)) {
                names.add(n);
            }
        }
        for (String g : games()) {
            names.add(LevelModel.RESOURCE_PREFIX + g);
        }
        return names;
    }

    static List<String> games() {
        List<String> games = new ArrayList<>();
        for (String g : GameLevels.BUILT_IN) {
            if (onClasspath(LevelModel.RESOURCE_PREFIX + g)) {
                games.add(g);
            }
        }
        return games;
    }

    static String levelGame(String game) {
        String g = game == null ? "smb" : game;
        BadRequest.check(games().contains(g), "game", "unknown game '" + clip(g) + "' (served: " + games() + ")");
        return g;
    }

    static String music(String model) {
        return one(model, MUSIC);
    }

    static String dialogue(String model) {
        return one(model, DIALOGUE);
    }

    /**
     * {@code model} when it is this endpoint's {@code name}; else a 400 that says which: another endpoint's model
     * ("'music' is not a dialogue model") was refused as unknown while the list of served models held it.
     */
    private static String one(String model, String name) {
        String m = model == null ? name : model;
        if (m.equals(name) && onClasspath(name)) {
            return m;
        }
        String takes = onClasspath(name) ? "this endpoint takes '" + name + "'" : "this node serves no " + name + " model";
        if (all().contains(m)) {
            throw new BadRequest("model", "'" + m + "' is not a " + name + " model; " + takes);
        }
        throw new BadRequest("model", "unknown model '" + clip(m) + "'; " + takes + " (served: " + all() + ")");
    }

    private static boolean onClasspath(String name) {
        String operatorFolder = switch (name) {
            case MUSIC -> System.getProperty(TransformerMusicProvider.MODEL_PROPERTY);
            case DIALOGUE -> System.getProperty(TransformerDialogueProvider.MODEL_PROPERTY);
            default -> null;
        };
        return operatorFolder != null || ON_CLASSPATH.computeIfAbsent(name,
                n -> ModelNames.class.getClassLoader().getResource("improv/models/" + n + "/model.json") != null);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
