package dev.improv.live;

import dev.improv.api.Key;
import dev.improv.api.Note;

/** Moves a motif written in C major into another key: transpose by the tonic, flatten 3, 6, 7 in minor. */
final class StingerVoicing {
    private StingerVoicing() {
    }

    static int pitchIn(Key key, Note note) {
        int pitch = note.pitch();
        if (key.minor()) {
            int pc = pitch % 12;
            if (pc == 4 || pc == 9 || pc == 11) {
                pitch -= 1;
            }
        }
        int shift = key.tonic() <= 6 ? key.tonic() : key.tonic() - 12;
        return Math.max(0, Math.min(127, pitch + shift));
    }
}
