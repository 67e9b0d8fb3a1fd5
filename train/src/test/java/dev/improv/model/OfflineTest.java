package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine must never reach the network, whatever the user's environment says. */
class OfflineTest {

    @Test
    void trainingAndGeneratingMakeNoConnection(@TempDir Path dir) throws IOException {
        List<URI> attempts = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        // Every URL connection asks the default selector first: record instead of connecting.
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                throw new IllegalStateException("network access attempted: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try {
            DjlRuntime.configure();
            assertTrue(DjlRuntime.isOffline());
            assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
            TrainingReport r = Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(10),
                    dir, false, null);
            LanguageModel model = LanguageModel.load(r.modelDir());
            try (TokenStream s = new TokenStream(model, SamplingSettings.DEFAULT, 1)) {
                s.feed(1);
                for (int i = 0; i < 20; i++) {
                    s.next();
                }
                assertEquals(21, s.length());
            }
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertEquals(List.of(), attempts);
    }
}
