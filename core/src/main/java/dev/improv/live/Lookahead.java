package dev.improv.live;

import dev.improv.api.Bar;
import dev.improv.api.Cancellation;
import dev.improv.api.MusicControls;
import java.util.HashMap;
import java.util.Map;

/**
 * The bars generated ahead of playback, by index, and which controls each bar is to be made with.
 * A control change from bar N throws away the bars made for N and later (keeping them as stale
 * bars, so real-time playback never has to fall silent) and cancels the bar being generated if it
 * is one of them. Not thread-safe: the session calls it with its lock held.
 */
final class Lookahead {
    /** A bar ready to play, the controls it was made with, the key it is in, and whether a later change superseded it. */
    record ReadyBar(Bar bar, MusicControls controls, dev.improv.api.Key key, boolean stale) {
    }

    private final ControlTimeline timeline;
    private final Map<Integer, ReadyBar> ready = new HashMap<>();
    private final Map<Integer, ReadyBar> stale = new HashMap<>();
    /** The first bar not yet handed to the synthesizer. */
    private int nextToDispatch;
    /** The first bar not yet generated with its current controls. */
    private int nextToGenerate;
    private Cancellation generating;
    private int generatingIndex = -1;
    private long generatingSince;
    /** The first bar of the closing cadence, or -1 while the music goes on. */
    private int cadenceFrom = -1;
    /** The first bar that is not played (after the cadence), or MAX_VALUE while the music goes on. */
    private int endBar = Integer.MAX_VALUE;

    Lookahead(MusicControls first) {
        this.timeline = new ControlTimeline(first);
    }

    /** Controls bar {@code index} is (to be) made with. */
    MusicControls controlsAt(int index) {
        return timeline.at(index);
    }

    /**
     * Uses {@code controls} from bar {@code index} on, or from the next bar still to come if that bar
     * was dispatched meanwhile; returns the bar the change takes effect at.
     */
    int change(int index, MusicControls controls) {
        int effective = Math.max(index, nextToDispatch);
        timeline.set(effective, controls);
        discardFrom(effective, "controls changed");
        return effective;
    }

    /**
     * Ends the music with the engine's cadence from bar {@code index} on (or the next bar still to
     * come); returns the cadence's first bar. Bars already made from there on become stale.
     */
    int finish(int index) {
        int effective = Math.max(index, nextToDispatch);
        cadenceFrom = effective;
        endBar = effective + dev.improv.api.BarStream.CADENCE_BARS;
        discardFrom(effective, "the music ends");
        return effective;
    }

    /** True once {@link #finish} was asked for. */
    boolean finishing() {
        return cadenceFrom >= 0;
    }

    /** Which cadence bar {@code index} is (0 = the first), or -1 for a bar of the music itself. */
    int cadenceStep(int index) {
        return cadenceFrom >= 0 && index >= cadenceFrom ? index - cadenceFrom : -1;
    }

    /** The engine has no cadence bar {@code index}: the music ends before it. */
    void noCadence(int index) {
        endBar = Math.min(endBar, index);
    }

    /** True if bar {@code index} comes after the end of the music. */
    boolean ended(int index) {
        return index >= endBar;
    }

    private void discardFrom(int effective, String why) {
        ready.entrySet().removeIf(e -> {
            if (e.getKey() < effective) {
                return false;
            }
            stale.put(e.getKey(), new ReadyBar(e.getValue().bar(), e.getValue().controls(), e.getValue().key(), true));
            return true;
        });
        if (generating != null && generatingIndex >= effective) {
            generating.cancel(why);
        }
        nextToGenerate = Math.min(nextToGenerate, effective);
    }

    /** True while fewer than {@code lookaheadBars} bars beyond {@code playingBar} are generated. */
    boolean wantsMore(int playingBar, int lookaheadBars) {
        return nextToGenerate <= playingBar + lookaheadBars && nextToGenerate < endBar;
    }

    /** Marks the next bar to generate as in progress under {@code token}; returns its index. */
    int startGenerating(Cancellation token, long nanoTime) {
        generating = token;
        generatingIndex = nextToGenerate;
        generatingSince = nanoTime;
        return nextToGenerate;
    }

    /**
     * Ends the generation of bar {@code index}: keeps {@code bar} (null when cancelled) unless a
     * change superseded it or playback already passed it. Returns true if the bar is now ready.
     */
    boolean finishGenerating(int index, Bar bar, MusicControls controls, dev.improv.api.Key key, Cancellation token) {
        generating = null;
        generatingIndex = -1;
        if (bar == null || token.isCancelled()) {
            return false;
        }
        nextToGenerate = index + 1;
        if (index < nextToDispatch) {
            return false; // too late: playback already took the stale bar; carry on after it
        }
        ready.put(index, new ReadyBar(bar, controls, key, false));
        return true;
    }

    /** Cancels the bar being generated, if any. */
    void cancelGenerating(String reason) {
        if (generating != null) {
            generating.cancel(reason);
        }
    }

    /** True if the freshly made bar {@code index} is ready. */
    boolean hasFresh(int index) {
        return ready.containsKey(index);
    }

    /** Takes the freshly made bar {@code index}, or null if it is not ready. */
    ReadyBar takeFresh(int index) {
        return ready.remove(index);
    }

    /** The superseded bar {@code index}, or null: what plays when its regeneration is late. */
    ReadyBar stale(int index) {
        return stale.get(index);
    }

    /** True if bar {@code index} can be played now (fresh or stale). */
    boolean has(int index) {
        return ready.containsKey(index) || stale.containsKey(index);
    }

    /** Records that bar {@code index} went to the synthesizer. */
    void dispatched(int index) {
        stale.keySet().removeIf(i -> i <= index);
        nextToDispatch = index + 1;
    }

    /** Bars generated beyond playback position {@code position} (in bars). */
    double barsAhead(double position) {
        return Math.max(0, nextToGenerate - position);
    }

    /** Which bar is being generated (-1 if none) and for how long, for a log line. */
    String generatingNow(long nanoTime) {
        return String.format("generation is at bar %d (for %.2f s)", generatingIndex, (nanoTime - generatingSince) / 1e9);
    }
}
