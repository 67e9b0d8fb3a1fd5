package dev.improv.api;

import java.util.List;
import java.util.Map;

/**
 * One bar of music as plain notes: what a music engine produces and a live session plays.
 *
 * @param beats    length of the bar in beats (quarter notes), > 0
 * @param notes    the notes, onsets inside the bar
 * @param programs General MIDI program (0-127) for each channel the notes use; channels not listed keep
 *                 their previous program
 */
public record Bar(int beats, List<Note> notes, Map<Integer, Integer> programs) {
    public Bar {
        if (beats < 1 || beats > 16) {
            throw new IllegalArgumentException("a bar has 1-16 beats, got " + beats);
        }
        notes = List.copyOf(notes);
        programs = Map.copyOf(programs);
        for (Note n : notes) {
            if (n.startBeat() >= beats) {
                throw new IllegalArgumentException("note onset " + n.startBeat() + " lies outside a bar of " + beats + " beats");
            }
        }
        for (var e : programs.entrySet()) {
            if (e.getKey() < 0 || e.getKey() > 15 || e.getValue() < 0 || e.getValue() > 127) {
                throw new IllegalArgumentException("program map needs channel 0-15 -> program 0-127, got " + e);
            }
        }
    }
}
