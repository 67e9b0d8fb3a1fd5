package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped tile models carry their definition's standsOn, so a game loading a model by name (the
 * service's level engine, {@code LevelModel.load}) gets the rule without the definition, and the
 * default SMB model's enemies stand on solid tiles.
 */
class ShippedStandingTest {
    private static GameDefinition definition(String game) throws Exception {
        return GameDefinition.read(Path.of("../assets/games", game + ".json"));
    }

    @Test
    void everyShippedTileModelCarriesItsDefinitionsRule() throws Exception {
        for (String game : new String[] {"smb", "lode-runner", "zelda"}) {
            assertEquals(definition(game).standing(), LevelModel.load(game).spec().standing(), game);
        }
        assertTrue(LevelModel.load("zelda").spec().standing().isEmpty());
    }

    @Test
    void theDefaultModelsEnemiesStandOnSolidTiles() throws Exception {
        LevelModel smb = LevelModel.load("smb");
        LevelSpec spec = smb.spec();
        Standing.Tally tally = Standing.Tally.ZERO;
        for (long seed = 1; seed <= 2; seed++) {
            try (LevelGenerator gen = smb.newGenerator(GeneratorSettings.DEFAULT, seed)) {
                TileGrid level = gen.generate(new LevelRequest(48, "many enemies", seed));
                tally = tally.plus(spec.standing().count(level, spec.legend()));
            }
        }
        assertTrue(tally.ruled() >= 6, "many enemies were asked: " + tally);
        assertEquals(tally.ruled(), tally.standing(), "under them: " + tally.below());
    }

    /** Seed 7 and "many blocks" made thin block pillars hanging in mid-air before pillarsStandOn. */
    @Test
    void theDefaultModelsPillarsStand() throws Exception {
        LevelModel smb = LevelModel.load("smb");
        LevelSpec spec = smb.spec();
        assertTrue(spec.standing().pillarsStandOn().containsKey("pipe") && spec.standing().pillarsStandOn().containsKey("ground"));
        Standing.Tally tally = Standing.Tally.ZERO;
        for (long seed = 7; seed <= 8; seed++) {
            try (LevelGenerator gen = smb.newGenerator(GeneratorSettings.DEFAULT, seed)) {
                TileGrid level = gen.generate(new LevelRequest(48, seed == 7 ? "" : "many blocks, some pipes", seed));
                tally = tally.plus(spec.standing().countPillars(level, spec.legend()));
            }
        }
        assertTrue(tally.ruled() >= 4, "pillars: " + tally);
        assertEquals(tally.ruled(), tally.standing(), "under the hanging ones: " + tally.below());
    }
}
