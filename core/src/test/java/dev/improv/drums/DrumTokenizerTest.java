package dev.improv.drums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.drums.DrumVocabulary.Kind;
import dev.improv.api.Meter;
import dev.improv.music.MidiNote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrumTokenizerTest {

    private final DrumTokenizer tokenizer = new DrumTokenizer(DrumVocabulary.standard());
    private final DrumVocabulary vocab = tokenizer.vocabulary();

    @Test
    void labelsComeFromGrooveFileNames() {
        DrumTake fill = DrumTake.labelled("drummer1/session1/10_jazz-funk_116_fill_4-4.mid", DrumFixtures.drums(Meter.FOUR_FOUR, 116, List.of()));
        assertEquals("jazz", fill.style());
        assertTrue(fill.fill());
        DrumTake beat = DrumTake.labelled("x/1_rock_80_beat_4-4.mid", DrumFixtures.drums(Meter.FOUR_FOUR, 80, List.of()));
        assertEquals("rock", beat.style());
        assertEquals(false, beat.fill());
        assertEquals("other", DrumTake.labelled("groove.mid", DrumFixtures.drums(Meter.FOUR_FOUR, 80, List.of())).style());
    }

    @Test
    void hitsSnapToSixteenthsOrTripletsAndArticulationsFoldIntoTheirClass() {
        // a late 16th (tick 130 ~ 0.27 beat), an early triplet (tick 150 ~ 0.31 beat), a swung 8th (tick 330 ~ 0.69 beat)
        assertEquals(3, DrumTokenizer.snap(130, 480));
        assertEquals(4, DrumTokenizer.snap(150, 480));
        assertEquals(8, DrumTokenizer.snap(330, 480));
        assertEquals(12, DrumTokenizer.snap(475, 480)); // a hair before the beat is on the next beat
        assertEquals(DrumKit.Piece.CLOSED_HAT, DrumKit.pieceOf(22)); // TD-11 hi-hat edge
        assertEquals(DrumKit.Piece.RIDE, DrumKit.pieceOf(59));
        assertEquals(null, DrumKit.pieceOf(80));
    }

    @Test
    void aTakeEncodesBarsWithIntensityFillAndOrderedHits() {
        List<MidiNote> notes = new ArrayList<>();
        for (int eighth = 0; eighth < 16; eighth++) { // two bars of 8th-note hats, kick on 1 and 3, snare on 2 and 4
            notes.add(new MidiNote(0, 42, eighth * 240L, 60, 80));
            if (eighth % 4 == 0) {
                notes.add(new MidiNote(0, 36, eighth * 240L, 60, 110));
            } else if (eighth % 4 == 2) {
                notes.add(new MidiNote(0, 38, eighth * 240L + 5, 60, 100));
            }
        }
        DrumTake take = new DrumTake("t", "funk", true, DrumFixtures.drums(Meter.FOUR_FOUR, 100, notes));
        int[] tokens = tokenizer.encode(take);
        assertEquals(vocab.id(Kind.BOS, 0), tokens[0]);
        assertEquals(vocab.id(Kind.STYLE, vocab.styleIndex("funk")), tokens[1]);
        assertEquals(vocab.id(Kind.TEMPO, vocab.tempoIndex(100)), tokens[3]);
        assertEquals(vocab.id(Kind.BAR, 0), tokens[4]);
        // 12 hits in 4 quarters = 3 a quarter: class 1 (2.5..3.5)
        assertEquals(vocab.id(Kind.INTENSITY, 1), tokens[5]);
        assertEquals(vocab.id(Kind.FILL, 0), tokens[6]);
        assertEquals(vocab.id(Kind.POSITION, 0), tokens[7]);
        assertEquals(vocab.hit(DrumKit.Piece.KICK, 3), tokens[8]); // kick before hat: classes rise
        assertEquals(vocab.hit(DrumKit.Piece.CLOSED_HAT, 2), tokens[9]);
        assertEquals(vocab.id(Kind.EOS, 0), tokens[tokens.length - 1]);
        long bars = java.util.Arrays.stream(tokens).filter(t -> t == vocab.id(Kind.BAR, 0)).count();
        assertEquals(2, bars);

        // the first bar's tokens decode to the same 12 hits at their grid places
        int secondBar = 5;
        while (tokens[++secondBar] != vocab.id(Kind.BAR, 0)) { }
        List<MidiNote> bar = tokenizer.barNotes(tokens, 7, secondBar, 3, 480);
        assertEquals(12, bar.size());
        assertTrue(bar.stream().anyMatch(n -> n.pitch() == 38 && n.startTick() == 480 && n.track() == 3));
    }

    @Test
    void aMeterTheLanguageCannotStateIsRefusedByName() {
        DrumTake take = new DrumTake("odd", "rock", false, DrumFixtures.drums(new Meter(11, 16), 100, List.of(new MidiNote(0, 36, 0, 60, 90))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tokenizer.encode(take));
        assertTrue(e.getMessage().contains("11/16"), e.getMessage());
    }
}
