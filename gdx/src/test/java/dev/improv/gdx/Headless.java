package dev.improv.gdx;

import com.badlogic.gdx.ApplicationListener;
import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a listener in libGDX's HeadlessApplication until it counts {@link #done} down. */
final class Headless {
    final CountDownLatch done = new CountDownLatch(1);
    private HeadlessApplication app;

    void run(ApplicationListener listener, long timeoutSeconds) throws InterruptedException {
        HeadlessApplicationConfiguration config = new HeadlessApplicationConfiguration();
        config.updatesPerSecond = 60;
        app = new HeadlessApplication(listener, config);
        boolean finished = done.await(timeoutSeconds, TimeUnit.SECONDS);
        app.exit();
        Thread.sleep(50);
        if (!finished) {
            throw new AssertionError("the headless game did not finish within " + timeoutSeconds + " s");
        }
    }
}
