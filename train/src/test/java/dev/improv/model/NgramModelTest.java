package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NgramModelTest {

    @Test
    void probabilitiesSumToOneAndFavourSeenContinuations() {
        List<int[]> docs = List.of(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, new int[] {0, 1, 2, 4});
        NgramModel m = NgramModel.train(3, 6, docs);
        int[] probe = {0, 1, 2, 0};
        double sum = 0;
        for (int t = 0; t < 6; t++) {
            probe[3] = t;
            sum += m.probability(probe, 3);
        }
        assertEquals(1.0, sum, 1e-9);
        probe[3] = 3;
        double seen = m.probability(probe, 3);
        probe[3] = 5;
        double unseen = m.probability(probe, 3);
        assertTrue(seen > 0.4 && unseen > 0 && unseen < 0.05, seen + " vs " + unseen);
    }

    @Test
    void higherOrderFitsRepetitiveDataBetter() {
        List<int[]> docs = List.of(new int[] {3, 1, 4, 1, 5, 9, 2, 6, 3, 1, 4, 1, 5, 9, 2, 6, 3, 1, 4, 1, 5, 9, 2, 6});
        assertTrue(NgramModel.train(3, 10, docs).meanNll(docs) < NgramModel.train(1, 10, docs).meanNll(docs));
    }
}
