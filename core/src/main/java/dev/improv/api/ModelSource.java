package dev.improv.api;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a game's own model lives: a folder, a resource folder inside the game's jar, or two
 * streams the game opens itself (an asset manager, an archive). A model is two files, as
 * {@code improv train} writes them: {@code model.json} and {@code weights.safetensors}. Give one to
 * {@link Improv.Builder#optMusicModel}, {@code optDialogueModel} or {@code optLevelModel}.
 *
 * <pre>{@code
 * Improv improv = Improv.builder()
 *         .optMusicModel(ModelSource.resource("mygame/models/boss-music", MyGame.class.getClassLoader()))
 *         .build();
 * }</pre>
 */
public final class ModelSource {
    /** The model's settings and tokenizer, as {@code improv train} writes them. */
    public static final String CONFIG_FILE = "model.json";
    /** The model's weights. */
    public static final String WEIGHTS_FILE = "weights.safetensors";

    /** Opens one of the two files; each call returns a new stream, which the caller closes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final String configName;
    private final String weightsName;
    private final Opener config;
    private final Opener weights;

    private ModelSource(String name, String configName, Opener config, String weightsName, Opener weights) {
        this.name = name;
        this.configName = configName;
        this.config = config;
        this.weightsName = weightsName;
        this.weights = weights;
    }

    /** A model folder on disk (what {@code improv train --out} writes). */
    public static ModelSource folder(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path c = dir.resolve(CONFIG_FILE);
        Path w = dir.resolve(WEIGHTS_FILE);
        return new ModelSource(String.valueOf(dir.getFileName()), c.toString(), () -> Files.newInputStream(c),
                w.toString(), () -> Files.newInputStream(w));
    }

    /**
     * A model folder among {@code loader}'s resources, e.g. {@code "mygame/models/boss-music"} for
     * {@code src/main/resources/mygame/models/boss-music/model.json} in the game's jar.
     */
    public static ModelSource resource(String folder, ClassLoader loader) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(loader, "loader");
        String base = folder.endsWith("/") ? folder : folder + "/";
        String c = base + CONFIG_FILE;
        String w = base + WEIGHTS_FILE;
        String name = base.substring(base.lastIndexOf('/', base.length() - 2) + 1, base.length() - 1);
        return new ModelSource(name, "classpath:" + c, () -> resourceStream(loader, c),
                "classpath:" + w, () -> resourceStream(loader, w));
    }

    /** A model whose two files the game opens itself; {@code name} appears in error messages. */
    public static ModelSource streams(String name, Opener config, Opener weights) {
        Objects.requireNonNull(name, "name");
        return new ModelSource(name, name + "/" + CONFIG_FILE, Objects.requireNonNull(config, "config"),
                name + "/" + WEIGHTS_FILE, Objects.requireNonNull(weights, "weights"));
    }

    private static InputStream resourceStream(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new FileNotFoundException("classpath:" + name + " not found");
        }
        return in;
    }

    /** The model's short name: the folder's last part, or the name given to {@link #streams}. */
    public String name() {
        return name;
    }

    /** Opens {@code model.json}; the caller closes the stream. */
    public InputStream openConfig() throws IOException {
        return Objects.requireNonNull(config.open(), configName + ": the opener returned null");
    }

    /** Opens {@code weights.safetensors}; the caller closes the stream. */
    public InputStream openWeights() throws IOException {
        return Objects.requireNonNull(weights.open(), weightsName + ": the opener returned null");
    }

    /** Where {@code model.json} comes from, for error messages. */
    public String configName() {
        return configName;
    }

    /** Where {@code weights.safetensors} comes from, for error messages. */
    public String weightsName() {
        return weightsName;
    }

    @Override
    public String toString() {
        return configName.substring(0, configName.length() - CONFIG_FILE.length() - 1);
    }
}
