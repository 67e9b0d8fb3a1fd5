package dev.improv.demo;

/** What the player (keyboard, gamepad or the autopilot) asks for this frame. */
final class Controls {
    boolean left;
    boolean right;
    /** Jump button held down. */
    boolean jump;

    void set(boolean left, boolean right, boolean jump) {
        this.left = left;
        this.right = right;
        this.jump = jump;
    }

    void clear() {
        set(false, false, false);
    }
}
