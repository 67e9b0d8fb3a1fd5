package dev.improv.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayerPlanTest {

    @Test
    void layersComeInOneAStepHarmonyBassDrumsLead() {
        assertEquals(EnumSet.of(Layer.HARMONY), LayerPlan.forIntensity(0).layers());
        assertEquals(EnumSet.of(Layer.HARMONY, Layer.BASS), LayerPlan.forIntensity(1).layers());
        assertEquals(EnumSet.of(Layer.HARMONY, Layer.BASS, Layer.DRUMS), LayerPlan.forIntensity(2).layers());
        for (int i = 3; i <= 7; i++) {
            assertEquals(EnumSet.allOf(Layer.class), LayerPlan.forIntensity(i).layers(), "intensity " + i);
        }
    }

    @Test
    void densityNeverFallsAsIntensityRises() {
        LayerPlan previous = LayerPlan.forIntensity(0);
        for (int i = 1; i <= 7; i++) {
            LayerPlan p = LayerPlan.forIntensity(i);
            assertTrue(p.musicIntensity() >= previous.musicIntensity() && p.drumIntensity() >= previous.drumIntensity(), "intensity " + i);
            Set<Layer> before = previous.layers();
            assertTrue(p.layers().containsAll(before), "a layer left at intensity " + i);
            previous = p;
        }
        assertTrue(LayerPlan.forIntensity(7).drumIntensity() > LayerPlan.forIntensity(2).drumIntensity());
        assertThrows(IllegalArgumentException.class, () -> LayerPlan.forIntensity(8));
    }
}
