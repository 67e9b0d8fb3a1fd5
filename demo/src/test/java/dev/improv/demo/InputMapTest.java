package dev.improv.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input.Keys;
import com.badlogic.gdx.controllers.Controller;
import com.badlogic.gdx.controllers.ControllerListener;
import com.badlogic.gdx.controllers.ControllerMapping;
import com.badlogic.gdx.controllers.ControllerPowerLevel;
import dev.improv.demo.InputMap.Action;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keyboard and gamepad through the one mapping, and the pause menu driven by a gamepad alone. */
class InputMapTest {
    private final Set<Integer> keys = new HashSet<>();
    private final List<Controller> pads = new ArrayList<>();
    private final List<Action> presses = new ArrayList<>();

    private InputMap map(java.util.function.Predicate<Action> handler) {
        return new InputMap(keys::contains, () -> pads, a -> {
            presses.add(a);
            return handler.test(a);
        });
    }

    @Test
    void keyboardAloneWorksWithNoGamepad() {
        InputMap in = map(a -> a == Action.CONFIRM);
        Controls c = new Controls();
        keys.add(Keys.D);
        keys.add(Keys.SPACE);
        in.control(null, c);
        assertTrue(c.right && c.jump && !c.left);
        in.pollPads(); // nothing connected: no press, no failure
        assertTrue(presses.isEmpty());
        // Space is bound to jump and confirm: both are offered, in that order, until one is taken.
        assertTrue(in.keyDown(Keys.SPACE));
        assertEquals(List.of(Action.JUMP, Action.CONFIRM), presses);
        assertFalse(in.keyDown(Keys.F12), "an unbound key is not used");
    }

    @Test
    void stickDpadAndButtonsAreHeldActions() {
        FakePad pad = new FakePad();
        pads.add(pad);
        InputMap in = map(a -> true);
        Controls c = new Controls();
        pad.axes.put(FakePad.LEFT_X, -0.3f); // inside the dead zone
        in.control(null, c);
        assertFalse(c.left || c.right || c.jump);
        pad.axes.put(FakePad.LEFT_X, -0.9f);
        pad.buttons.add(FakePad.A);
        in.control(null, c);
        assertTrue(c.left && c.jump && !c.right);
        pad.axes.put(FakePad.LEFT_X, 0f);
        pad.buttons.clear();
        pad.buttons.add(FakePad.DPAD_RIGHT);
        in.control(null, c);
        assertTrue(c.right && !c.left && !c.jump);
        // Pushing the stick up does not jump (only the keyboard's Up does).
        pad.buttons.clear();
        pad.axes.put(FakePad.LEFT_Y, -1f);
        in.control(null, c);
        assertFalse(c.jump);
        assertTrue(in.held(Action.UP));
    }

    @Test
    void aButtonHeldOverManyPollsIsOnePress() {
        FakePad pad = new FakePad();
        pads.add(pad);
        InputMap in = map(a -> a == Action.PAUSE);
        pad.buttons.add(FakePad.START);
        in.pollPads();
        in.pollPads();
        in.pollPads();
        assertEquals(List.of(Action.PAUSE), presses);
        pad.buttons.clear();
        in.pollPads();
        pad.buttons.add(FakePad.START);
        in.pollPads();
        assertEquals(List.of(Action.PAUSE, Action.PAUSE), presses);
    }

    @Test
    void gamepadAloneDrivesThePauseMenu() {
        FakePad pad = new FakePad();
        pads.add(pad);
        PauseMenu menu = new PauseMenu(41);
        InputMap in = map(menu::press);
        menu.open = true;
        tapStickDown(in, pad);                 // -> music volume
        tap(in, pad, FakePad.DPAD_RIGHT);      // 0.8 -> 0.9
        assertEquals(0.9f, menu.volume, 1e-6);
        tapStickDown(in, pad);                 // -> seed
        tap(in, pad, FakePad.DPAD_RIGHT);      // 41 -> 42
        tap(in, pad, FakePad.X);               // erase a digit: 4
        tap(in, pad, FakePad.DPAD_RIGHT);      // 5
        tapStickDown(in, pad);                 // -> new world
        assertNull(menu.newWorldSeed);
        tap(in, pad, FakePad.A);
        assertEquals(5L, menu.newWorldSeed);
        assertFalse(menu.open, "new world closes the menu");
        menu.open = true;
        tap(in, pad, FakePad.B);
        assertFalse(menu.open, "B resumes");
    }

    @Test
    void seedFieldSurvivesErasingToALoneMinus() {
        PauseMenu menu = new PauseMenu(0);
        menu.open = true;
        menu.press(Action.DOWN);
        menu.press(Action.DOWN); // seed
        menu.press(Action.LEFT); // -1
        assertEquals(-1, menu.seed());
        menu.press(Action.ERASE); // "-"
        assertEquals(0, menu.seed());
        assertTrue(menu.keyTyped('7'));
        assertEquals(-7, menu.seed());
    }

    private static void tap(InputMap in, FakePad pad, int button) {
        pad.buttons.add(button);
        in.pollPads();
        pad.buttons.remove(button);
        in.pollPads();
    }

    private static void tapStickDown(InputMap in, FakePad pad) {
        pad.axes.put(FakePad.LEFT_Y, 0.8f);
        in.pollPads();
        in.pollPads(); // still pushed: no second step
        pad.axes.put(FakePad.LEFT_Y, 0f);
        in.pollPads();
    }

    /** A gamepad with a standard layout whose buttons and axes the test sets. */
    private static final class FakePad implements Controller {
        static final int LEFT_X = 0;
        static final int LEFT_Y = 1;
        static final int A = 0;
        static final int B = 1;
        static final int X = 2;
        static final int Y = 3;
        static final int BACK = 4;
        static final int START = 6;
        static final int DPAD_UP = 11;
        static final int DPAD_DOWN = 12;
        static final int DPAD_LEFT = 13;
        static final int DPAD_RIGHT = 14;
        private static final int NONE = ControllerMapping.UNDEFINED;
        private static final ControllerMapping MAPPING = new ControllerMapping(LEFT_X, LEFT_Y, 2, 3,
                A, B, X, Y, BACK, START, 9, NONE, 10, NONE, 7, 8, DPAD_UP, DPAD_DOWN, DPAD_LEFT, DPAD_RIGHT) { };

        final Set<Integer> buttons = new HashSet<>();
        final Map<Integer, Float> axes = new HashMap<>();

        @Override public boolean getButton(int code) { return buttons.contains(code); }
        @Override public float getAxis(int code) { return axes.getOrDefault(code, 0f); }
        @Override public String getName() { return "fake pad"; }
        @Override public String getUniqueId() { return "fake"; }
        @Override public int getMinButtonIndex() { return 0; }
        @Override public int getMaxButtonIndex() { return 14; }
        @Override public int getAxisCount() { return 4; }
        @Override public boolean isConnected() { return true; }
        @Override public boolean canVibrate() { return false; }
        @Override public boolean isVibrating() { return false; }
        @Override public void startVibration(int duration, float strength) { }
        @Override public void cancelVibration() { }
        @Override public boolean supportsPlayerIndex() { return false; }
        @Override public int getPlayerIndex() { return PLAYER_IDX_UNSET; }
        @Override public void setPlayerIndex(int index) { }
        @Override public ControllerMapping getMapping() { return MAPPING; }
        @Override public ControllerPowerLevel getPowerLevel() { return ControllerPowerLevel.POWER_UNKNOWN; }
        @Override public void addListener(ControllerListener listener) { }
        @Override public void removeListener(ControllerListener listener) { }
    }
}
