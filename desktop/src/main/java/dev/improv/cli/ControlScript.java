package dev.improv.cli;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.improv.api.Key;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.Stinger;
import dev.improv.api.Transition;
import dev.improv.live.LiveSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scripted game for a live session: control changes and stingers at positions in bars, applied
 * from the playback thread so that a script replays exactly. JSON:
 *
 * <pre>{@code
 * {"start": {"intensity": 2, "key": "C", "mood": "calm", "tempo": 112},
 *  "changes": [{"bar": 4.5, "intensity": 5}, {"bar": 9.25, "key": "A minor", "stinger": true},
 *              {"bar": 11.5, "mood": "battle", "on": "beat"}, {"bar": 15.2, "finish": true}],
 *  "repeat_bars": 16}
 * }</pre>
 * A change names only what it changes; it is heard from the next bar line, or with {@code "on": "beat"}
 * from the next beat. {@code "finish": true} ends the music with a cadence (the session then stops).
 * With {@code repeat_bars} the changes repeat every that many bars.
 *
 * @param start      the controls the session starts with
 * @param changes    changes in order of position
 * @param repeatBars period in bars after which the changes repeat, or 0 for once
 */
public record ControlScript(MusicControls start, List<Change> changes, double repeatBars) {

    /**
     * One scripted event: the fields that are not null change at {@code bar}, heard {@code on} the next
     * bar or beat; {@code stinger} plays one; {@code finish} ends the music with a cadence.
     */
    public record Change(double bar, Integer intensity, Key key, Mood mood, Double tempo, boolean stinger,
                         Transition on, boolean finish) {
        public Change {
            java.util.Objects.requireNonNull(on, "on");
        }

        MusicControls apply(MusicControls c) {
            MusicControls out = c;
            if (intensity != null) {
                out = out.withIntensity(intensity);
            }
            if (key != null) {
                out = out.withKey(key);
            }
            if (mood != null) {
                out = out.withMood(mood);
            }
            if (tempo != null) {
                out = out.withTempo(tempo);
            }
            return out;
        }

        /** True when the change touches the controls (not only a stinger). */
        public boolean changesControls() {
            return intensity != null || key != null || mood != null || tempo != null;
        }
    }

    public ControlScript {
        changes = List.copyOf(changes);
        double last = -1;
        for (int i = 0; i < changes.size(); i++) {
            double bar = changes.get(i).bar();
            if (!(bar >= 0) || bar < last) {
                throw new IllegalArgumentException("changes[" + i + "].bar: positions must be >= 0 and in order, got " + bar);
            }
            last = bar;
        }
        // At least a bar: a period of 1e-9 bars would make every timeline billions of events long.
        if (repeatBars != 0 && !(repeatBars > last && repeatBars >= 1)) {
            throw new IllegalArgumentException("repeat_bars must be 0, or at least 1 and more than the last change's bar ("
                    + last + "), got " + repeatBars);
        }
    }

    /** The script `improv play` uses unless told otherwise: intensity and key change several times. */
    public static ControlScript defaultScript() {
        try (InputStream in = ControlScript.class.getResourceAsStream("/improv/cli/default-controls.json")) {
            return parse(in.readAllBytes(), "default-controls.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a script file; a mistake is an IllegalArgumentException naming the file, line and field. */
    public static ControlScript read(Path file) {
        try {
            return parse(BoundedFiles.readBytes(file, Limits.MAX_SETTINGS_FILE_BYTES, "control scripts"), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(file.toString()) ? e.getMessage()
                    : file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static ControlScript parse(byte[] json, String name) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Json j = mapper.readValue(json, Json.class);
            MusicControls start = MusicControls.DEFAULT;
            if (j.start != null) {
                start = j.start.toChange(0).apply(start);
            }
            List<Change> changes = new ArrayList<>();
            if (j.changes != null) {
                for (int i = 0; i < j.changes.size(); i++) {
                    JsonChange c = j.changes.get(i);
                    if (c.bar == null) {
                        throw new IllegalArgumentException("changes[" + i + "].bar is missing");
                    }
                    changes.add(c.toChange(c.bar));
                }
            }
            return new ControlScript(start, changes, j.repeatBars == null ? 0 : j.repeatBars);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + ":";
            throw new IllegalArgumentException(name + ":" + where + " " + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(BoundedFiles.describe(name, e));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /** The script's events from bar 0 on, repeated if it repeats, until {@code untilBar}. */
    public List<Change> timeline(double untilBar) {
        List<Change> out = new ArrayList<>();
        for (int round = 0; ; round++) {
            double offset = round * repeatBars;
            for (Change c : changes) {
                double bar = c.bar() + offset;
                if (bar > untilBar) {
                    return out;
                }
                out.add(new Change(bar, c.intensity(), c.key(), c.mood(), c.tempo(), c.stinger(), c.on(), c.finish()));
            }
            if (repeatBars == 0 || changes.isEmpty()) {
                return out;
            }
        }
    }

    /** Plays a script into a session from its playback thread; counts what it did. */
    public static final class Driver implements LiveSession.PositionListener {
        private final List<Change> events;
        private int next;
        private MusicControls current;
        private int controlChanges;
        private int stingers;

        /** Drives {@code script} up to bar {@code untilBar}. */
        public Driver(ControlScript script, double untilBar) {
            this.events = script.timeline(untilBar);
            this.current = script.start();
        }

        @Override
        public void onBlock(LiveSession session, double barPosition) {
            while (next < events.size() && events.get(next).bar() <= barPosition) {
                Change c = events.get(next++);
                if (c.changesControls()) {
                    current = c.apply(current);
                    session.setControls(current, c.on());
                    controlChanges++;
                }
                if (c.finish()) {
                    session.finish();
                }
                if (c.stinger()) {
                    session.stinger(Stinger.arpeggio());
                    stingers++;
                }
            }
        }

        /** Control changes made so far. */
        public int controlChanges() {
            return controlChanges;
        }

        /** Stingers played so far. */
        public int stingers() {
            return stingers;
        }
    }

    // Jackson's view of the file: strings for key and mood so their errors can name the text.
    private static final class Json {
        @JsonProperty("start")
        JsonChange start;
        @JsonProperty("changes")
        List<JsonChange> changes;
        @JsonProperty("repeat_bars")
        Double repeatBars;
    }

    private static final class JsonChange {
        @JsonProperty("bar")
        Double bar;
        @JsonProperty("intensity")
        Integer intensity;
        @JsonProperty("key")
        String key;
        @JsonProperty("mood")
        String mood;
        @JsonProperty("tempo")
        Double tempo;
        @JsonProperty("stinger")
        boolean stinger;
        @JsonProperty("on")
        String on;
        @JsonProperty("finish")
        boolean finish;

        Change toChange(double at) {
            Mood m = null;
            if (mood != null) {
                try {
                    m = Mood.of(mood); // a built-in mood or one of the band's mood file (-Dimprov.music.moods)
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("mood at bar " + at + ": " + e.getMessage());
                }
            }
            if (intensity != null && (intensity < 0 || intensity > 7)) {
                throw new IllegalArgumentException("intensity at bar " + at + " must be 0-7, got " + intensity);
            }
            if (tempo != null && !(tempo >= 40 && tempo <= 240)) {
                throw new IllegalArgumentException("tempo at bar " + at + " must be 40-240 bpm, got " + tempo);
            }
            Transition when = switch (on == null ? "bar" : on.trim().toLowerCase(Locale.ROOT)) {
                case "bar" -> Transition.NEXT_BAR;
                case "beat" -> Transition.NEXT_BEAT;
                default -> throw new IllegalArgumentException("on at bar " + at + " must be \"bar\" or \"beat\", got '" + on + "'");
            };
            return new Change(at, intensity, key == null ? null : Key.parse(key), m, tempo, stinger, when, finish);
        }
    }
}
