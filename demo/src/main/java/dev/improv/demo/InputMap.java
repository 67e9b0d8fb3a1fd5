package dev.improv.demo;

import com.badlogic.gdx.Application.ApplicationType;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input.Keys;
import com.badlogic.gdx.controllers.Controller;
import com.badlogic.gdx.controllers.ControllerMapping;
import com.badlogic.gdx.controllers.Controllers;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one mapping from keyboard keys and gamepad buttons and sticks to what the player asks for.
 * Held actions (run, jump) are polled each step through {@link #held}; presses (menu navigation,
 * pause, HUD) come from key events ({@link #keyDown}) and from gamepads polled once a frame
 * ({@link #pollPads}), and both go to the same handler. A key or button bound to several actions (Space
 * jumps and confirms) offers them in declaration order until the handler takes one. With no gamepad connected (or no gamepad
 * support at all) the keyboard alone works. Render thread only.
 */
final class InputMap {
    /** What the player can ask for, whichever device it comes from. */
    enum Action { LEFT, RIGHT, UP, DOWN, JUMP, CONFIRM, PAUSE, BACK, ERASE, HUD }

    /** A stick pushed further than this (of its range) counts as a direction. */
    static final float STICK_THRESHOLD = 0.5f;

    /** A gamepad input that is either down or not: a button, or a stick pushed one way. */
    enum Pad {
        A, B, X, Y, BACK, START, DPAD_UP, DPAD_DOWN, DPAD_LEFT, DPAD_RIGHT,
        STICK_UP, STICK_DOWN, STICK_LEFT, STICK_RIGHT;

        boolean down(Controller c) {
            ControllerMapping m = c.getMapping();
            return switch (this) {
                case A -> button(c, m.buttonA);
                case B -> button(c, m.buttonB);
                case X -> button(c, m.buttonX);
                case Y -> button(c, m.buttonY);
                case BACK -> button(c, m.buttonBack);
                case START -> button(c, m.buttonStart);
                case DPAD_UP -> button(c, m.buttonDpadUp);
                case DPAD_DOWN -> button(c, m.buttonDpadDown);
                case DPAD_LEFT -> button(c, m.buttonDpadLeft);
                case DPAD_RIGHT -> button(c, m.buttonDpadRight);
                // Stick Y is positive downwards (SDL's convention, kept by gdx-controllers).
                case STICK_UP -> axis(c, m.axisLeftY) < -STICK_THRESHOLD;
                case STICK_DOWN -> axis(c, m.axisLeftY) > STICK_THRESHOLD;
                case STICK_LEFT -> axis(c, m.axisLeftX) < -STICK_THRESHOLD;
                case STICK_RIGHT -> axis(c, m.axisLeftX) > STICK_THRESHOLD;
            };
        }

        private static boolean button(Controller c, int code) {
            return code != ControllerMapping.UNDEFINED && c.getButton(code);
        }

        private static float axis(Controller c, int code) {
            return code == ControllerMapping.UNDEFINED ? 0 : c.getAxis(code);
        }
    }

    private static final Pad[] ALL_PADS = Pad.values();

    private record Binding(int[] keys, Pad[] pads) { }

    private static final Map<Action, Binding> BINDINGS = new EnumMap<>(Action.class);

    private static void bind(Action action, int[] keys, Pad... pads) {
        BINDINGS.put(action, new Binding(keys, pads));
    }

    static {
        bind(Action.LEFT, new int[] {Keys.LEFT, Keys.A}, Pad.DPAD_LEFT, Pad.STICK_LEFT);
        bind(Action.RIGHT, new int[] {Keys.RIGHT, Keys.D}, Pad.DPAD_RIGHT, Pad.STICK_RIGHT);
        bind(Action.UP, new int[] {Keys.UP, Keys.W}, Pad.DPAD_UP, Pad.STICK_UP);
        bind(Action.DOWN, new int[] {Keys.DOWN, Keys.S}, Pad.DPAD_DOWN, Pad.STICK_DOWN);
        // Up jumps on the keyboard only: on a stick, pushing diagonally would jump by accident.
        bind(Action.JUMP, new int[] {Keys.SPACE, Keys.UP, Keys.W, Keys.Z}, Pad.A);
        bind(Action.CONFIRM, new int[] {Keys.ENTER, Keys.SPACE}, Pad.A);
        bind(Action.PAUSE, new int[] {Keys.ESCAPE, Keys.P}, Pad.START);
        bind(Action.BACK, new int[] {}, Pad.B);
        bind(Action.ERASE, new int[] {Keys.BACKSPACE}, Pad.X);
        bind(Action.HUD, new int[] {Keys.F1, Keys.H}, Pad.BACK, Pad.Y);
    }

    private final IntPredicate keyPressed;
    private final Supplier<? extends Iterable<Controller>> pads;
    private final Predicate<Action> onPress;
    /** Which pad inputs were down at the last poll, per controller, to turn changes into presses. */
    private final Map<Controller, boolean[]> padsDown = new IdentityHashMap<>();

    /**
     * @param keyPressed whether a key (a {@link Keys} code) is held now
     * @param pads       the connected gamepads (may be empty)
     * @param onPress    receives each press, keyboard or gamepad, and returns whether it used it
     */
    InputMap(IntPredicate keyPressed, Supplier<? extends Iterable<Controller>> pads, Predicate<Action> onPress) {
        this.keyPressed = keyPressed;
        this.pads = pads;
        this.onPress = onPress;
    }

    /** True while any key or gamepad input bound to {@code action} is down. */
    boolean held(Action action) {
        Binding b = BINDINGS.get(action);
        for (int key : b.keys) {
            if (keyPressed.test(key)) {
                return true;
            }
        }
        for (Controller c : pads.get()) {
            for (Pad p : b.pads) {
                if (p.down(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The connected gamepads of this desktop application (they come and go while it runs), or none
     * at all when gamepad support cannot start: on the headless backend, or when SDL's native
     * library does not load. Call after the application has started (in {@code create()}).
     */
    static Supplier<? extends Iterable<Controller>> gamepads() {
        if (Gdx.app == null || Gdx.app.getType() != ApplicationType.Desktop) {
            return List::of;
        }
        try {
            Controllers.getControllers(); // starts SDL's game controller support through Jamepad
            return Controllers::getControllers;
        } catch (Throwable e) { // UnsatisfiedLinkError, or SDL failing to initialise
            System.err.println("improv demo: no gamepad support (" + e + "); keyboard only");
            return List::of;
        }
    }

    /** Sets the player's controls from what is held now. */
    void control(World world, Controls out) {
        out.set(held(Action.LEFT), held(Action.RIGHT), held(Action.JUMP));
    }

    /** Offers the actions bound to this key to the handler; returns whether one was used. */
    boolean keyDown(int key) {
        for (Map.Entry<Action, Binding> e : BINDINGS.entrySet()) {
            for (int k : e.getValue().keys) {
                if (k == key && onPress.test(e.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Offers the handler the actions of each gamepad input that went down since the last poll. */
    void pollPads() {
        for (Controller c : pads.get()) {
            boolean[] was = padsDown.computeIfAbsent(c, k -> new boolean[ALL_PADS.length]);
            for (Pad p : ALL_PADS) {
                boolean down = p.down(c);
                if (down && !was[p.ordinal()]) {
                    press(p);
                }
                was[p.ordinal()] = down;
            }
        }
    }

    private void press(Pad pad) {
        for (Map.Entry<Action, Binding> e : BINDINGS.entrySet()) {
            for (Pad bound : e.getValue().pads) {
                if (bound == pad && onPress.test(e.getKey())) {
                    return;
                }
            }
        }
    }
}
