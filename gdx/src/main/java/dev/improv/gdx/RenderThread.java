package dev.improv.gdx;

import com.badlogic.gdx.Gdx;
import dev.improv.api.Outcome;
import dev.improv.api.Pending;
import java.util.function.Consumer;

/** Moves results of Improv calls onto libGDX's render thread. */
public final class RenderThread {
    private RenderThread() {
    }

    /**
     * Runs {@code callback} on the render thread (via {@code Gdx.app.postRunnable}) once {@code call}
     * ends, whatever its outcome; returns {@code call} for cancelling. Never blocks.
     */
    public static <T> Pending<T> deliver(Pending<T> call, Consumer<Outcome<T>> callback) {
        var app = Gdx.app;
        if (app == null) {
            throw new IllegalStateException("no libGDX application is running (Gdx.app is null)");
        }
        call.onDone(outcome -> app.postRunnable(() -> callback.accept(outcome)));
        return call;
    }
}
