package dev.improv.api;

/**
 * Where a live session makes a control change heard, as adaptive-music middleware lets a composer
 * choose: at the next bar line (the default: phrases stay whole) or on the next beat (quicker; the
 * bar playing is cut short there once the first bar with the new controls is ready, and at worst the
 * change waits for the bar line).
 */
public enum Transition {
    NEXT_BAR, NEXT_BEAT
}
