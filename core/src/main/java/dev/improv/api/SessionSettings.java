package dev.improv.api;

import java.net.URL;
import java.util.Objects;

/**
 * How a live music session runs.
 *
 * @param seed              same seed and same control changes at the same positions -> same music
 * @param controls          the controls the first bar is made with
 * @param lookaheadBars     bars generated ahead of playback, 1-16: more survives slower machines,
 *                          fewer regenerates less when the controls change
 * @param controlCutoffBeats a change requested less than this many beats before a bar line waits for
 *                          the following bar line, so the bar it needs can be generated in time
 * @param realTime          true: play at the speed of sound (pace by the clock if the output does
 *                          not block); false: run as fast as generation allows (tests, offline rendering)
 * @param soundbank         the game's General MIDI soundbank (.sf2 or .dls) as a URL: a file's
 *                          ({@code path.toUri().toURL()}) or a classpath resource's
 *                          ({@code getClass().getResource("/music/gm.sf2")}); null for the JDK
 *                          synthesizer's own set. The same soundbank sounds the same on every machine.
 * @param midiOut           a MIDI output port (a {@code javax.sound.midi} device: a hardware synth, a
 *                          DAW's virtual port) whose name contains this text, which also receives every
 *                          message as it is heard; null for none. A name that matches no port fails the
 *                          session with the list of ports there are.
 */
public record SessionSettings(long seed, MusicControls controls, int lookaheadBars, double controlCutoffBeats,
                              boolean realTime, URL soundbank, String midiOut) {
    /** With the JDK synthesizer's own soundbank. */
    public SessionSettings(long seed, MusicControls controls, int lookaheadBars, double controlCutoffBeats,
                           boolean realTime) {
        this(seed, controls, lookaheadBars, controlCutoffBeats, realTime, null, null);
    }

    /** With no MIDI output port. */
    public SessionSettings(long seed, MusicControls controls, int lookaheadBars, double controlCutoffBeats,
                           boolean realTime, URL soundbank) {
        this(seed, controls, lookaheadBars, controlCutoffBeats, realTime, soundbank, null);
    }

    public SessionSettings {
        Objects.requireNonNull(controls, "controls");
        if (lookaheadBars < 1 || lookaheadBars > 16) {
            throw new IllegalArgumentException("lookahead must be 1-16 bars, got " + lookaheadBars);
        }
        if (!(controlCutoffBeats >= 0 && controlCutoffBeats <= 4)) {
            throw new IllegalArgumentException("control cutoff must be 0-4 beats, got " + controlCutoffBeats);
        }
    }

    /**
     * Seed {@code seed}, default controls, 3 bars ahead (room for the occasional slow bar, such as
     * when the model's context window slides), half a beat cutoff, real time.
     */
    public static SessionSettings of(long seed) {
        return new SessionSettings(seed, MusicControls.DEFAULT, 3, 0.5, true);
    }

    public SessionSettings withControls(MusicControls value) {
        return new SessionSettings(seed, value, lookaheadBars, controlCutoffBeats, realTime, soundbank, midiOut);
    }

    public SessionSettings withLookaheadBars(int value) {
        return new SessionSettings(seed, controls, value, controlCutoffBeats, realTime, soundbank, midiOut);
    }

    public SessionSettings withControlCutoffBeats(double value) {
        return new SessionSettings(seed, controls, lookaheadBars, value, realTime, soundbank, midiOut);
    }

    public SessionSettings withRealTime(boolean value) {
        return new SessionSettings(seed, controls, lookaheadBars, controlCutoffBeats, value, soundbank, midiOut);
    }

    public SessionSettings withSoundbank(URL value) {
        return new SessionSettings(seed, controls, lookaheadBars, controlCutoffBeats, realTime, value, midiOut);
    }

    public SessionSettings withMidiOut(String value) {
        return new SessionSettings(seed, controls, lookaheadBars, controlCutoffBeats, realTime, soundbank, value);
    }
}
