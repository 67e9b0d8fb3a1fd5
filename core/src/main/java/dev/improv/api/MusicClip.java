package dev.improv.api;

import java.util.List;

/**
 * Generated music: consecutive bars and the tempo they were made for.
 *
 * @param bars     the bars in order
 * @param tempoBpm quarter notes per minute
 */
public record MusicClip(List<Bar> bars, double tempoBpm) {
    public MusicClip {
        bars = List.copyOf(bars);
    }
}
