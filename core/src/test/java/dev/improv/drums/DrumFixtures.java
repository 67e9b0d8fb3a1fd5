package dev.improv.drums;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MeterChange;
import dev.improv.music.MidiNote;
import dev.improv.music.Song;
import dev.improv.music.TempoChange;
import dev.improv.music.Track;
import java.util.List;

/** Small drum takes and an untrained drum model, built in code. */
public final class DrumFixtures {
    private DrumFixtures() {
    }

    /** A drum-only song at 480 ticks a quarter. */
    public static Song drums(Meter meter, double bpm, List<MidiNote> notes) {
        return new Song(480, Key.C_MAJOR, List.of(new Track("drums", 9, 0)), notes, List.of(new TempoChange(0, bpm)),
                List.of(new MeterChange(0, meter)));
    }

    /** An untrained model with the standard drum vocabulary: generation must be well-formed whatever it says. */
    public static DrumGenerator untrained(int context) {
        DrumVocabulary vocab = DrumVocabulary.standard();
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta = json.createObjectNode();
        meta.set(DrumGenerator.METADATA_VOCABULARY, json.valueToTree(vocab.settings()));
        LanguageModel model = LanguageModel.random(new TransformerConfig(vocab.size(), 1, 32, 2, context, 0f), 3)
                .withMetadata("test-drums", meta);
        return new DrumGenerator(model);
    }
}
