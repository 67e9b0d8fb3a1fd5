package dev.improv.level;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default SMB model, decoded with its corpus's neighbour counts and enemies that fall down, lays out
 * levels as the corpus does (figures of 30 levels in docs/levels.md): before, 7.3 one-wide pillars per 100
 * columns (corpus 0.8), 3 % of enemies beside another (21 %), 35 % perched on a lone block in the air (0.3 %).
 */
class ShippedLayoutTest {
    @Test
    void theDefaultModelsLevelsHaveStepsGroupsAndNoPerchedEnemies() throws Exception {
        LevelModel smb = LevelModel.load("smb");
        LevelSpec spec = smb.spec();
        assertNotNull(spec.rules().neighbourCounts(), "the shipped model carries its corpus's neighbour counts");
        LayoutTally tally = LayoutTally.ZERO;
        for (long seed = 1; seed <= 6; seed++) {
            try (LevelGenerator gen = smb.newGenerator(GeneratorSettings.DEFAULT, seed)) {
                TileGrid level = gen.generate(new LevelRequest(96, "", seed));
                tally = tally.plus(LayoutTally.of(level, spec.legend(), spec.standing()));
            }
        }
        System.out.println("ShippedLayoutTest: " + tally);
        assertTrue(tally.ruled() >= 20, "enemies: " + tally);
        assertTrue(tally.oneWidePer100Columns() < 4, "one-wide pillars: " + tally);
        assertTrue(tally.adjacentShare() >= 0.12, "enemies in groups: " + tally);
        assertTrue(tally.onLoneBlockShare() < 0.12, "enemies perched on lone blocks: " + tally);
    }

    /** The counts the model carries are what training counts over the levels it names (when they are here). */
    @Test
    void theShippedCountsAreThoseOfItsTrainingLevels() throws Exception {
        LevelModel smb = LevelModel.load("smb");
        LevelSpec spec = smb.spec();
        java.util.List<TileGrid> levels = new java.util.ArrayList<>();
        VglcReader reader = new VglcReader(spec.legend());
        for (var folder : smb.languageModel().metadata().path("trainedOn")) {
            java.nio.file.Path dir = java.nio.file.Path.of(folder.asText());
            org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir), "training data not here: " + dir);
            for (var l : reader.readAll(dir)) {
                levels.add(LevelCorpus.normalise(l.grid(), spec.height(), spec.legend().empty()));
            }
        }
        TileRules learnt = TileRules.learn(spec.tokenizer().tiles(), levels, 3);
        assertEquals(learnt.toJson(), spec.rules().toJson());
    }
}
