package dev.improv.demo;

import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicSession;
import dev.improv.api.Note;
import dev.improv.api.SessionStats;
import dev.improv.api.Stinger;
import dev.improv.api.Transition;
import java.util.List;

/**
 * Steers the live music from what happens in the game: calm while the player explores, tense near
 * enemies or in danger (a pit ahead, the last life), victory for a while at a checkpoint; intensity
 * rises with speed, nearby enemies and danger. A coin or a stomp plays a bright stinger, a hit or a
 * fall a falling one. Changes are held back until they have lasted a moment, because each one makes
 * the session regenerate its lookahead; a checkpoint is heard at once, on the next beat.
 * Render thread only; every session call returns at once.
 */
final class MusicDirector {
    /** Seconds a new target must hold before it is sent. */
    static final float SETTLE_SECONDS = 0.8f;
    static final float STINGER_GAP_SECONDS = 0.35f;
    /** Seconds the victory music lasts after a checkpoint (a few bars at the victory preset's tempo). */
    static final float VICTORY_SECONDS = 6f;
    static final int VICTORY_INTENSITY = 6;
    static final Stinger HIT = new Stinger(List.of(
            new Note(14, 76, 110, 0, 0.25), new Note(14, 72, 105, 0.25, 0.25),
            new Note(14, 67, 100, 0.5, 0.25), new Note(14, 60, 100, 0.75, 1.0)), 80 /* square lead */, true);

    private final MusicSession session;
    private MusicControls target;
    private float targetAge;
    private float sinceStinger = 10;
    private float victoryLeft;
    int changesSent;
    int stingers;

    /** Directs {@code session} (null: no music, every call is a no-op). */
    MusicDirector(MusicSession session) {
        this.session = session;
        this.target = session == null ? MusicControls.DEFAULT : session.controls();
    }

    /** What the music should be now, from the world's state. */
    static MusicControls want(World world, MusicControls current) {
        Body p = world.player;
        if (p == null) {
            return moodOf(current, Mood.CALM, 1);
        }
        if (world.idle > 3f) {
            return moodOf(current, Mood.CALM, 1);
        }
        float speed = Math.min(1f, Math.abs(p.vx) / PlayerPhysics.RUN_SPEED);
        // Near: within 8 columns either way, about a third of the screen.
        int near = 0;
        for (Enemy e : world.enemies) {
            if (e.squashed < 0 && Math.abs(e.body.x - p.x) < 8) {
                near++;
            }
        }
        boolean danger = world.lives == 1 || world.invulnerable > 0 || pitAhead(world.map, p);
        int intensity = Math.round(1 + speed * 3 + Math.min(2, near) + (danger ? 2 : 0));
        intensity = Math.max(0, Math.min(7, intensity));
        return moodOf(current, danger || near >= 1 ? Mood.TENSE : Mood.CALM, intensity);
    }

    /** {@code current} in {@code mood} at its tempo, at {@code intensity}. */
    static MusicControls moodOf(MusicControls current, Mood mood, int intensity) {
        return current.withMood(mood).withIntensity(intensity).withTempo(tempoOf(mood));
    }

    /**
     * The tempo the demo plays a mood at: inside the range of the band's preset of that name
     * (improv/music/moods.json: calm 72-84, tense 96-108, victory 120-132), since a live session
     * plays the tempo it is given.
     */
    static double tempoOf(Mood mood) {
        return switch (mood.name()) {
            case "calm" -> 80;
            case "tense" -> 104;
            case "victory" -> 126;
            default -> MusicControls.DEFAULT.tempoBpm();
        };
    }

    private static boolean pitAhead(LevelMap map, Body p) {
        int x = Body.floor(p.centreX());
        for (int dx = 1; dx <= 6; dx++) {
            if (x + dx < map.width() && map.groundLevel(x + dx) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Call once a frame after the world stepped; {@code events} are this frame's. */
    void update(World world, List<World.Event> events, float dt) {
        if (session == null) {
            return;
        }
        sinceStinger += dt;
        victoryLeft = Math.max(0, victoryLeft - dt);
        for (World.Event e : events) {
            if (e == World.Event.CHECKPOINT) {
                victoryLeft = VICTORY_SECONDS;
                target = moodOf(session.controls(), Mood.VICTORY, VICTORY_INTENSITY);
                targetAge = 0;
                session.setControls(target, Transition.NEXT_BEAT);
                changesSent++;
            }
            Stinger s = switch (e) {
                case COIN, STOMP, CHECKPOINT -> Stinger.arpeggio();
                case HIT, FELL, GAME_OVER -> HIT;
                default -> null;
            };
            if (s != null && (sinceStinger >= STINGER_GAP_SECONDS || s == HIT)) {
                session.stinger(s);
                stingers++;
                sinceStinger = 0;
            }
        }
        if (victoryLeft > 0) {
            return; // the checkpoint's victory plays out before the game steers again
        }
        MusicControls want = want(world, session.controls());
        if (!want.equals(target)) {
            target = want;
            targetAge = 0;
        } else {
            targetAge += dt;
        }
        if (targetAge >= SETTLE_SECONDS && !target.equals(session.controls())) {
            session.setControls(target);
            changesSent++;
        }
    }

    /** The session's counters, or null without music. */
    SessionStats stats() {
        return session == null ? null : session.stats();
    }

    /** Intensity most recently asked of the session. */
    int intensity() {
        return session == null ? 0 : session.controls().intensity();
    }
}
