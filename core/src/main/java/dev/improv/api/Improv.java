package dev.improv.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The entry point a game uses: asks for music, level chunks and dialogue lines, and starts live
 * music. Every call returns at once; generation runs on Improv's own threads behind a bounded
 * queue, and each call ends with an {@link Outcome} (value, missed deadline, cancellation...).
 * Engines are found with {@link java.util.ServiceLoader} and loaded on first use, off the caller's thread.
 *
 * <pre>{@code
 * try (Improv improv = Improv.open()) {
 *     DialogueRequest hello = DialogueRequest.builder().addPersona("I am the blacksmith.")
 *             .addTurn(DialogueTurn.player("Hello!")).optSeed(7).build();
 *     improv.line(hello, Duration.ofMillis(300))
 *           .onDone(o -> show(o.orElse(DialogueLine.authored("Welcome, stranger."))));
 * }
 * }</pre>
 */
public final class Improv implements AutoCloseable {
    private final GenerationExecutor executor;
    private final Lazy<MusicEngine> music;
    private final Lazy<LevelEngine> levels;
    private final Lazy<DialogueEngine> dialogue;
    private final Supplier<MusicSessionProvider> sessions;

    private Improv(Builder b) {
        this.executor = new GenerationExecutor(b.threads, b.queueCapacity);
        ClassLoader loader = b.loader;
        this.music = new Lazy<>(b.music != null ? b.music : () -> {
            MusicEngineProvider p = Providers.select(MusicEngineProvider.class, MusicEngineProvider.PROPERTY, loader);
            return b.musicModel == null ? p.newEngine() : p.newEngine(b.musicModel);
        });
        this.levels = new Lazy<>(b.levels != null ? b.levels : () -> {
            LevelEngineProvider p = Providers.select(LevelEngineProvider.class, LevelEngineProvider.PROPERTY, loader);
            return b.levelModel == null ? p.newEngine() : p.newEngine(b.levelModel);
        });
        this.dialogue = new Lazy<>(b.dialogue != null ? b.dialogue : () -> {
            DialogueEngineProvider p = Providers.select(DialogueEngineProvider.class, DialogueEngineProvider.PROPERTY, loader);
            return b.dialogueModel == null ? p.newEngine() : p.newEngine(b.dialogueModel);
        });
        this.sessions = () -> Providers.select(MusicSessionProvider.class, MusicSessionProvider.PROPERTY, loader);
    }

    /** Improv with the default engines from the classpath, 1 generation thread and a queue of 16. */
    public static Improv open() {
        return builder().build();
    }

    /** A builder to choose threads, queue size or engines. */
    public static Builder builder() {
        return new Builder();
    }

    /** Composes a clip; ends DEADLINE_MISSED if not done within {@code deadline} (null: no deadline). */
    public Pending<MusicClip> compose(MusicRequest request, Duration deadline) {
        Objects.requireNonNull(request, "request");
        return executor.submit(c -> music.get().compose(request, c), deadline);
    }

    /** Starts a level that is generated chunk by chunk on request; same seed and prompts, same level. */
    public LevelFeed level(long seed) {
        return new LevelFeed(executor, levels::get, seed);
    }

    /** Generates a dialogue line; ends DEADLINE_MISSED if not done within {@code deadline} (null: no deadline). */
    public Pending<DialogueLine> line(DialogueRequest request, Duration deadline) {
        Objects.requireNonNull(request, "request");
        return executor.submit(c -> dialogue.get().generate(request, c), deadline);
    }

    /** Loads every engine in the background (call at start-up); completes with "ready". */
    public Pending<String> warmUp() {
        return executor.submit(c -> {
            music.get();
            levels.get();
            dialogue.get();
            return "ready";
        }, null);
    }

    /**
     * Starts live music into {@code output} and returns at once; sound begins once the first bars
     * are generated. Close the session (or Improv) to stop it.
     */
    public MusicSession startMusic(SessionSettings settings, AudioOutput output) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(output, "output");
        return sessions.get().start(music::get, settings, output);
    }

    /** Generation jobs waiting for a thread. */
    public int queued() {
        return executor.queued();
    }

    /** Ends open calls as CANCELLED, stops the threads and frees the engines that were loaded. */
    @Override
    public void close() {
        executor.close();
        music.closeIfLoaded();
        levels.closeIfLoaded();
        dialogue.closeIfLoaded();
    }

    /** Options for {@link Improv}; {@code optX} methods are optional, defaults noted on each. */
    public static final class Builder {
        private int threads = 1;
        private int queueCapacity = 16;
        private ClassLoader loader = Improv.class.getClassLoader();
        private Supplier<MusicEngine> music;
        private Supplier<LevelEngine> levels;
        private Supplier<DialogueEngine> dialogue;
        private ModelSource musicModel;
        private ModelSource levelModel;
        private ModelSource dialogueModel;

        private Builder() {
        }

        /** Generation threads (default 1: a game usually leaves the other cores to itself). */
        public Builder optThreads(int value) {
            threads = value;
            return this;
        }

        /** Requests that may wait for a thread before new ones end REJECTED (default 16). */
        public Builder optQueueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        /** Class loader to find providers in (default: Improv's). */
        public Builder optClassLoader(ClassLoader value) {
            loader = Objects.requireNonNull(value);
            return this;
        }

        /** Uses this music engine instead of looking one up. */
        public Builder optMusicEngine(Supplier<MusicEngine> value) {
            music = value;
            return this;
        }

        /** Uses this level engine instead of looking one up. */
        public Builder optLevelEngine(Supplier<LevelEngine> value) {
            levels = value;
            return this;
        }

        /** Uses this dialogue engine instead of looking one up. */
        public Builder optDialogueEngine(Supplier<DialogueEngine> value) {
            dialogue = value;
            return this;
        }

        /** The music engine runs the game's own model instead of the shipped one (default: the shipped one). */
        public Builder optMusicModel(ModelSource value) {
            musicModel = Objects.requireNonNull(value, "value");
            return this;
        }

        /** The level engine runs the game's own model instead of the shipped one (default: the shipped one). */
        public Builder optLevelModel(ModelSource value) {
            levelModel = Objects.requireNonNull(value, "value");
            return this;
        }

        /** The dialogue engine runs the game's own model instead of the shipped one (default: the shipped one). */
        public Builder optDialogueModel(ModelSource value) {
            dialogueModel = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Creates Improv; no engine is loaded yet. */
        public Improv build() {
            return new Improv(this);
        }
    }

    /** Loads a value once, on whichever thread first needs it. */
    private static final class Lazy<T extends AutoCloseable> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = Objects.requireNonNull(factory.get(), "engine factory returned null");
                        value = v;
                    }
                }
            }
            return v;
        }

        void closeIfLoaded() {
            T v = value;
            if (v != null) {
                try {
                    v.close();
                } catch (Exception e) {
                    // Closing frees memory only; nothing the caller could do about a failure here.
                }
            }
        }
    }
}
