package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.improv.api.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Rewinding to a reseed point and generating again gives the same tokens, even after the window slid. */
class TokenStreamRewindTest {

    /** Generates segments of 10 tokens, each drawn from a sampler reseeded with the segment index. */
    private static void segments(TokenStream s, int from, int to, int room) {
        for (int seg = from; seg < to; seg++) {
            if (room > 0 && seg % 2 == 1) {
                s.ensureRoom(room, 10); // slide to the segment boundary: keep only the last segment
            } else {
                s.ensureRoom(room);
            }
            s.reseed(Seeds.mix(7, seg));
            for (int i = 0; i < 10; i++) {
                s.next();
            }
        }
    }

    @Test
    void rewindAcrossSlidesRebuildsTheSameWindow() {
        for (int room : new int[] {0, 12}) {
            check(room, 0);
            check(room, 5); // a short memory: more slides, each re-encoding less
        }
    }

    @Test
    void aSlideReEncodesThePrefixAndTheRecentTokensItKeeps() {
        LanguageModel model = LanguageModel.random(new TransformerConfig(40, 1, 16, 2, 32, 0f), 3);
        for (int recent : new int[] {0, 5, 40}) {
            try (TokenStream s = new TokenStream(model, SamplingSettings.DEFAULT, 1)) {
                s.setKeepPrefix(2);
                if (recent > 0) {
                    s.setKeepRecent(recent);
                }
                s.feed(1, 2);
                for (int i = 2; i < 32; i++) {
                    s.next(); // fills the 32-token window exactly
                }
                long before = s.tokensDecoded();
                s.next(); // slides: re-encodes the prefix and the kept recent tokens, then steps
                long kept = recent > 0 ? Math.min(recent, 32 / 2 - 2) : 32 / 2 - 2; // never more than half
                assertEquals(2 + kept + 1, s.tokensDecoded() - before, "keep-recent " + recent);
            }
        }
        try (TokenStream s = new TokenStream(model, SamplingSettings.DEFAULT, 1)) {
            assertThrows(IllegalArgumentException.class, () -> s.setKeepRecent(0));
        }
    }

    /**
     * With {@code room} > 0 the window slides between segments (ensureRoom), else during pushes;
     * {@code recent} > 0 keeps that many recent tokens on a slide instead of half the window.
     */
    private static void check(int room, int recent) {
        LanguageModel model = LanguageModel.random(new TransformerConfig(40, 1, 16, 2, 32, 0f), 3);
        try (TokenStream s = new TokenStream(model, SamplingSettings.DEFAULT, 1)) {
            s.setKeepPrefix(2);
            if (recent > 0) {
                s.setKeepRecent(recent);
            }
            s.feed(1, 2);
            segments(s, 0, 12, room); // 122 tokens through a 32-token window: many slides
            int[] first = Arrays.copyOf(s.history(), s.length());
            for (int back : new int[] {11, 9, 6, 3, 0}) {
                s.rewind(2 + back * 10);
                segments(s, back, 12, room);
                assertArrayEquals(first, Arrays.copyOf(s.history(), s.length()),
                        "room " + room + ", keep-recent " + recent + ", after rewinding to segment " + back);
            }
        }
    }
}
