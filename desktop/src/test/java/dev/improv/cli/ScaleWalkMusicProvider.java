package dev.improv.cli;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Note;
import dev.improv.api.Seeds;
import dev.improv.model.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny rule-based music engine for CLI tests: a seeded walk over the requested key's scale, as
 * many notes as the intensity asks. Ranked below every real engine; tests select it by name.
 */
public final class ScaleWalkMusicProvider implements MusicEngineProvider {
    @Override
    public String name() {
        return "scale-walk";
    }

    @Override
    public int rank() {
        return -100;
    }

    @Override
    public MusicEngine newEngine() {
        return seed -> new BarStream() {
            @Override
            public Bar next(int index, MusicControls controls, Cancellation cancellation) {
                SeededRandom r = new SeededRandom(Seeds.mix(seed, index));
                int[] scale = controls.key().scale();
                List<Note> notes = new ArrayList<>();
                int count = 1 + controls.intensity();
                for (int i = 0; i < count; i++) {
                    notes.add(new Note(0, 60 + scale[r.nextInt(7)], 70, i * 4.0 / count, 4.0 / count));
                }
                return new Bar(4, notes, Map.of(0, 0));
            }

            @Override
            public void rewind(int index) {
            }

            @Override
            public void close() {
            }
        };
    }
}
