package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicSession;
import dev.improv.api.MusicSessionProvider;
import dev.improv.api.SessionSettings;
import java.util.function.Supplier;

/** The built-in live-session player: lookahead generation, bar-line quantisation, Gervill synthesis. */
public final class LiveSessionProvider implements MusicSessionProvider {
    @Override
    public String name() {
        return "gervill";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public MusicSession start(Supplier<MusicEngine> engine, SessionSettings settings, AudioOutput output) {
        return LiveSession.start(engine, settings, output);
    }
}
