package dev.improv.api;

import java.util.List;

/**
 * One jump of a platformer player as the tiles its body passes, in order: offsets from the take-off
 * tile, {@code dy} negative upwards (the form of VGLC's {@code estimated_jumps.json}).
 *
 * @param path the offsets in the order the body passes them
 */
public record JumpArc(List<Offset> path) {
    public JumpArc {
        path = List.copyOf(path);
    }

    /** A tile offset from the take-off tile: {@code dx} columns right, {@code dy} rows down (negative: up). */
    public record Offset(int dx, int dy) {
    }

    /** This arc flipped left to right (a jump to the left). */
    public JumpArc mirrored() {
        return new JumpArc(path.stream().map(o -> new Offset(-o.dx(), o.dy())).toList());
    }
}
