package dev.improv.demo;

import dev.improv.api.DialogueLine;
import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.Outcome;
import dev.improv.api.MusicSession;
import dev.improv.api.SessionSettings;
import dev.improv.gdx.AudioDeviceOutput;
import dev.improv.gdx.ChunkStreamer;
import dev.improv.gdx.ImprovGdx;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.audio.AudioDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The game's logic with its engines, and nothing that draws: one world at a time fed by the level
 * engine, NPCs that speak through the dialogue engine, and live music steered by the
 * {@link MusicDirector}. Every engine call returns at once; results arrive on the render thread.
 * Runs the same under the LWJGL3 and the headless backend. Render thread only.
 */
final class GameSession implements AutoCloseable {
    /** Decides the controls for each fixed step: the keyboard, or the {@link Autopilot}. */
    interface Pilot {
        void control(World world, Controls out);
    }

    /** Chunks kept generated beyond the one the camera's right edge is in. */
    static final int AHEAD_CHUNKS = 5;
    /**
     * A chunk later than this is replaced by an authored one. At full run the camera crosses a chunk
     * in about 1.8 s, and chunks come one at a time, so when the generator cannot keep up the level
     * still grows by a chunk per deadline: it must stay near 1.8 s or the player catches up with
     * the end of the level. 5 chunks ahead absorb the slow ones.
     */
    static final Duration CHUNK_DEADLINE = Duration.ofMillis(2000);
    /** Tiles visible to the right of the player (the camera keeps the player a third in). */
    static final float VIEW_AHEAD = 18f;

    private final ImprovGdx improv;
    private final ImprovGdx lines;
    private final AudioDevice device;
    final MusicSession music;
    final MusicDirector director;
    long seed;
    World world;
    NpcSystem npcs;
    private ChunkStreamer streamer;
    /** Start-up: warm engines, then the first chunks, behind the loading screen. */
    final Loading loading;
    private final List<World.Event> frameEvents = new ArrayList<>();
    private final Controls controls = new Controls();
    /** Chunks that arrived generated and authored (fallbacks), over all worlds. */
    int chunksGenerated;
    int chunksAuthored;
    private float fixedClock;
    private boolean dialogueFailureLogged;
    private boolean levelFailureLogged;
    private long tokenMark;
    private long tokenMarkNanos;
    /** Music tokens decoded per second over the last second or so. */
    double tokensPerSecond;
    private final long startNanos = System.nanoTime();

    /**
     * Starts the engines (never blocks) and the first world; call in {@code create()}. Level chunks
     * and music come from {@code improv}, NPC lines from {@code lineImprov}: each has its own
     * generation thread, so a line never waits behind a chunk (a late chunk cannot be stopped
     * mid-generation and keeps its thread busy). Models load lazily on those threads.
     */
    GameSession(Improv improv, Improv lineImprov, long seed, boolean withMusic) {
        this.improv = new ImprovGdx(improv);
        this.lines = new ImprovGdx(lineImprov);
        AudioDevice dev = null;
        MusicSession session = null;
        if (withMusic && Gdx.audio != null) {
            dev = Gdx.audio.newAudioDevice(AudioDeviceOutput.SAMPLE_RATE, false);
            session = improv.startMusic(SessionSettings.of(seed).withLookaheadBars(4), new AudioDeviceOutput(dev));
        }
        this.device = dev;
        this.music = session;
        this.director = new MusicDirector(session);
        this.loading = new Loading(improv, lineImprov, session, seed);
        tokenMarkNanos = System.nanoTime();
        makeWorld(seed);
    }

    /** Throws the current world away and starts generating a new one from {@code newSeed}. */
    void newWorld(long newSeed) {
        makeWorld(newSeed);
        streamWorld();
    }

    /** A world with no chunks yet; {@link #streamWorld} asks for them (at once, or once the engines are warm). */
    private void makeWorld(long newSeed) {
        if (streamer != null) {
            streamer.close();
            streamer = null;
        }
        seed = newSeed;
        world = new World();
        npcs = new NpcSystem(newSeed, (npc, request, deadline) ->
                lines.line(request, deadline, outcome -> arrivedLine(npc, outcome)));
        fixedClock = 0;
    }

    private void streamWorld() {
        World w = world;
        NpcSystem n = npcs;
        long newSeed = seed;
        // Callbacks capture this world: results for a world that was replaced land there harmlessly.
        streamer = improv.streamChunks(newSeed, LevelPacing::prompt, AHEAD_CHUNKS, CHUNK_DEADLINE,
                index -> {
                    if (!levelFailureLogged) {
                        levelFailureLogged = true;
                        System.err.println("improv demo: a chunk missed its deadline or the level engine failed;"
                                + " authored chunks stand in where needed");
                    }
                    return FallbackChunks.make(index, w.map.height());
                },
                chunk -> arrivedChunk(w, n, chunk));
    }

    /**
     * Whether the loading screen is up: the engines warm up, then the world's first chunks come.
     * Logic, NPCs and music changes wait until it is down.
     */
    boolean loading() {
        if (streamer == null && loading.enginesWarm()) {
            streamWorld();
        }
        return !loading.ready(delivered());
    }

    private void arrivedLine(Npc npc, Outcome<DialogueLine> outcome) {
        if (outcome.status() == Outcome.Status.FAILED && !dialogueFailureLogged) {
            dialogueFailureLogged = true;
            System.err.println("improv demo: dialogue engine failed, NPCs say authored lines: " + outcome.message());
        }
        // A line for an NPC of a world that was replaced (or one left far behind) is dropped.
        if (npcs.npcs.contains(npc)) {
            npcs.arrived(npc, outcome);
        }
    }

    private void arrivedChunk(World w, NpcSystem n, LevelChunk chunk) {
        int first = w.map.width();
        w.append(chunk);
        n.onChunk(w.map, first, chunk.width(), chunk.index());
        if (chunk.generated()) {
            chunksGenerated++;
        } else {
            chunksAuthored++;
        }
    }

    /**
     * Advances the game by {@code dt} seconds of wall time with these controls (fixed steps, at most
     * 4 a frame so a hitch never snowballs); keeps chunks coming and the music following. Never blocks.
     */
    void frame(Pilot pilot, float dt, boolean paused) {
        frameEvents.clear();
        if (streamer == null) {
            return; // loading: no chunks asked for yet
        }
        if (!paused && world.started()) {
            fixedClock += Math.min(dt, 4 * PlayerPhysics.STEP);
            while (fixedClock >= PlayerPhysics.STEP) {
                fixedClock -= PlayerPhysics.STEP;
                pilot.control(world, controls);
                world.step(controls);
                frameEvents.addAll(world.events);
                world.events.clear();
            }
        }
        streamer.update(World.chunkOf(cameraRight()));
        npcs.update(world, paused ? 0 : dt);
        if (!paused) {
            director.update(world, frameEvents, dt);
        }
        long now = System.nanoTime();
        if (now - tokenMarkNanos > 1_000_000_000L) {
            long t = musicTokens();
            tokensPerSecond = (t - tokenMark) * 1e9 / (now - tokenMarkNanos);
            tokenMark = t;
            tokenMarkNanos = now;
        }
    }

    /** Events of the last frame (coins, hits...), for effects. */
    List<World.Event> events() {
        return frameEvents;
    }

    /** The column the camera's right edge is at. */
    float cameraRight() {
        return world.player == null ? 0 : world.player.x + VIEW_AHEAD;
    }

    /** Chunks generated beyond the camera's right edge. */
    float chunksAhead() {
        return (world.map.width() - cameraRight()) / FallbackChunks.WIDTH;
    }

    /** Tokens the music engine has decoded in this session (0 without music). */
    private long musicTokens() {
        return music == null ? 0 : music.stats().tokensDecoded();
    }

    /** Music tokens decoded per second of the whole session. */
    double averageTokensPerSecond() {
        double s = (System.nanoTime() - startNanos) / 1e9;
        return s > 0 ? musicTokens() / s : 0;
    }

    /** Bars of music generated ahead of playback, or -1 without music. */
    double barsAhead() {
        return music == null ? -1 : music.stats().barsAhead();
    }

    /** Chunks that arrived so far in this world. */
    int delivered() {
        return streamer == null ? 0 : streamer.delivered();
    }

    /** Sets the music volume, 0-1. */
    void setVolume(float volume) {
        if (device != null) {
            device.setVolume(volume);
        }
    }

    void pauseMusic(boolean paused) {
        if (music != null) {
            if (paused) {
                music.pause();
            } else {
                music.resume();
            }
        }
    }

    @Override
    public void close() {
        loading.close();
        if (streamer != null) {
            streamer.close();
        }
        if (music != null) {
            music.close(); // closes the output and its device
        }
        improv.close();
        lines.close();
    }
}
