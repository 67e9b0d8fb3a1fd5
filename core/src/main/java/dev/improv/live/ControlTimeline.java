package dev.improv.live;

import dev.improv.api.MusicControls;
import java.util.Map;
import java.util.TreeMap;

/** Which controls each bar is made with: a change from bar N on replaces every later plan. Not thread-safe. */
final class ControlTimeline {
    private final TreeMap<Integer, MusicControls> fromBar = new TreeMap<>();

    ControlTimeline(MusicControls initial) {
        fromBar.put(0, initial);
    }

    /** Controls for bar {@code index}. */
    MusicControls at(int index) {
        Map.Entry<Integer, MusicControls> e = fromBar.floorEntry(index);
        return e.getValue();
    }

    /** Uses {@code controls} from bar {@code index} on. */
    void set(int index, MusicControls controls) {
        fromBar.tailMap(index, true).clear();
        fromBar.put(index, controls);
    }
}
