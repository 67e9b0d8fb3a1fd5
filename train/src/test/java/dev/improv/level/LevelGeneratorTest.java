package dev.improv.level;

import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.TransformerConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator's guarantees hold whatever the model says, so an untrained (random) model makes the
 * hardest test: every chunk must still be well formed and playable in context.
 */
class LevelGeneratorTest {
    private static final List<String> CORPUS = List.of(
            "------------------------------------",
            "--------?S?-----------------E-------",
            "-----------------<>--------SSS------",
            "----E-----------[]-----X-----------",
            "XXXXXXXXXX---XXXX[]XXXXXXX---XXXXXXX"); // the fourth row is one short: fixed below

    /** Pipes often enough (three, each seen in both levels) that the tile rules allow them. */
    private static final List<String> PIPE_CORPUS = List.of(
            "------------------------------------",
            "--------?S?-----------------E-------",
            "-----------------<>--------SSS------",
            "----E--<>-------[]-----X---<>-------",
            "XXXXXX-[]XXXX---[]XXXXXXX--[]XXXXXXX");

    private static LevelCorpus corpus() {
        List<String> rows = new ArrayList<>(CORPUS);
        rows.set(3, rows.get(3) + "-");
        return corpus(rows);
    }

    private static LevelCorpus corpus(List<String> rows) {
        TileGrid level = TileGrid.ofRows(rows);
        List<VglcReader.NamedLevel> levels = List.of(
                new VglcReader.NamedLevel("a", level),
                new VglcReader.NamedLevel("b", level.slice(8, 36).append(level.slice(0, 8))));
        return LevelCorpus.prepare("tiny", levels, Fixtures.legend(), 5, Fixtures.features(), Fixtures.arcs());
    }

    private static LevelModel randomModel(LevelCorpus corpus) {
        TokenCorpus tokens = corpus.tokens(2, 1, 96);
        TransformerConfig config = new TransformerConfig(tokens.vocabSize(), 1, 16, 2, 96, 0f);
        return new LevelModel(LanguageModel.random(config, 3).withMetadata("tiny-level", corpus.spec().toJson()));
    }

    @Test
    void everyPrefixOfAStreamIsPlayableAndWellFormed() {
        LevelCorpus corpus = corpus();
        LevelModel model = randomModel(corpus);
        PlayabilityAgent agent = corpus.spec().agent();
        GeneratorSettings settings = GeneratorSettings.DEFAULT.withAttempts(4);
        try (LevelGenerator gen = model.newGenerator(settings, 5)) {
            TileGrid level = null;
            for (int i = 0; i < 6; i++) {
                Chunk c = gen.nextChunk(ChunkRequest.of(""));
                assertEquals(i, c.index());
                assertEquals(i * 16, c.firstColumn());
                assertEquals(5, c.tiles().rows());
                assertEquals(16, c.tiles().columns());
                level = level == null ? c.tiles() : level.append(c.tiles());
                assertTrue(agent.playable(level), "prefix of " + level.columns() + " columns:\n" + level);
                Fixtures.assertPipesWhole(level);
            }
        }
    }

    @Test
    void sameSeedSameLevelAndWidthIsExact() {
        LevelCorpus corpus = corpus();
        LevelModel model = randomModel(corpus);
        GeneratorSettings settings = GeneratorSettings.DEFAULT.withAttempts(3);
        TileGrid a;
        TileGrid b;
        try (LevelGenerator gen = model.newGenerator(settings, 1)) {
            a = gen.generate(new LevelRequest(37, "few enemies", 9));
            b = gen.generate(new LevelRequest(37, "few enemies", 9));
        }
        assertEquals(37, a.columns());
        assertEquals(a, b);
        assertTrue(corpus.spec().agent().playable(a));
    }

    /** Pipe levels asked of the generator come out in their class, pipes whole, chunks playable. */
    @Test
    void pipeLevelsAreControlsOfDecoding() {
        LevelCorpus corpus = corpus(PIPE_CORPUS);
        LevelModel model = randomModel(corpus);
        FeatureSet features = corpus.spec().features();
        int pipes = features.indexOf("pipes");
        GeneratorSettings few = GeneratorSettings.DEFAULT.withAttempts(4);
        for (String prompt : List.of("many pipes", "some pipes", "no pipes")) {
            int wanted = new PromptParser(features).parse(prompt)[pipes];
            for (long seed = 1; seed <= 4; seed++) {
                try (LevelGenerator gen = model.newGenerator(few, seed)) {
                    Chunk c = gen.nextChunk(ChunkRequest.of(prompt));
                    // (a repair may fill the gaps a random model leaves; it keeps the pipes, never adds any)
                    assertEquals(wanted, c.measured()[pipes], prompt + ", seed " + seed + "\n" + c.tiles());
                    Fixtures.assertPipesWhole(c.tiles());
                    assertTrue(corpus.spec().agent().playable(c.tiles()));
                }
            }
        }
    }

    /**
     * Without a ground tile there is nothing to repair with: a chunk the model cannot make playable in
     * one draw comes back as NoChunk with its reason, the stream stays as it was, and the next request
     * continues where the last made chunk ended (the caller decides, as with WFC's contradiction).
     */
    @Test
    void aChunkThatCannotBeMadeSaysWhyAndLeavesTheStreamAsItWas() {
        java.util.Map<Character, List<String>> tags = new java.util.LinkedHashMap<>();
        tags.put('X', List.of("solid", "block")); // solid, but no "ground": no repair
        tags.put('-', List.of("passable", "empty"));
        tags.put('E', List.of("enemy", "damaging"));
        List<String> rows = List.of(
                "--------------------------------",
                "-----E------------------E-------",
                "----XXX--------XX---------------",
                "-----------XX-----------XXX-----",
                "XXXX--XXXXX--XXXX---XXXXX--XXXXX");
        TileGrid level = TileGrid.ofRows(rows);
        LevelCorpus corpus = LevelCorpus.prepare("no-ground", List.of(new VglcReader.NamedLevel("a", level),
                new VglcReader.NamedLevel("b", level.slice(8, 32).append(level.slice(0, 8)))),
                new Legend(tags), 5, Fixtures.features(), Fixtures.arcs());
        LevelModel model = randomModel(corpus);
        int made = 0;
        int failed = 0;
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withAttempts(1), 2)) {
            for (int i = 0; i < 40 && (failed == 0 || made == 0); i++) {
                int columns = gen.columns();
                ChunkAttempt attempt = gen.tryNextChunk(ChunkRequest.of(""));
                if (attempt instanceof ChunkAttempt.NoChunk no) {
                    failed++;
                    assertEquals(columns, no.column());
                    assertEquals(columns, gen.columns(), "a failed chunk adds no columns");
                    assertTrue(no.reason().startsWith("no playable continuation found at column " + columns), no.reason());
                } else {
                    Chunk c = (Chunk) attempt;
                    assertEquals(made, c.index(), "chunk indices skip no failure");
                    assertEquals(columns, c.firstColumn());
                    made++;
                }
            }
            assertTrue(failed > 0 && made > 0, "made " + made + ", failed " + failed);
            int at = gen.columns();
            IllegalStateException e = null;
            for (int i = 0; i < 40 && e == null; i++) {
                try {
                    gen.nextChunk(ChunkRequest.of(""));
                } catch (IllegalStateException thrown) {
                    e = thrown;
                }
            }
            assertTrue(e != null && e.getMessage().startsWith("no playable continuation"), "nextChunk throws the reason");
            assertTrue(gen.columns() >= at);
        }
    }

    @Test
    void aChunkRedrawnInPlaceKeepsEveryOtherColumnAndTheLevelPlayable() {
        LevelCorpus corpus = corpus();
        LevelModel model = randomModel(corpus);
        PlayabilityAgent agent = corpus.spec().agent();
        GeneratorSettings settings = GeneratorSettings.DEFAULT.withAttempts(4);
        try (LevelGenerator gen = model.newGenerator(settings, 5)) {
            TileGrid level = gen.generate(new LevelRequest(64, "", 5));
            assertTrue(agent.playable(level));
            int changed = 0;
            for (long seed = 100; seed < 106; seed++) {
                TileGrid edited = gen.replaceChunk(level, 1, "", seed);
                assertEquals(level.columns(), edited.columns());
                assertEquals(level.slice(0, 16), edited.slice(0, 16), "the chunk before is kept");
                assertEquals(level.slice(32, 64), edited.slice(32, 64), "the chunks after are kept");
                assertTrue(agent.playable(edited), "still crossable with seed " + seed + ":\n" + edited);
                changed += edited.slice(16, 32).equals(level.slice(16, 32)) ? 0 : 1;
                assertEquals(edited, gen.replaceChunk(level, 1, "", seed), "the same seed redraws the same chunk");
            }
            assertTrue(changed >= 5, "new seeds draw new chunks: " + changed + " of 6");
            TileGrid last = gen.replaceChunk(level, 3, "", 7);
            assertEquals(level.slice(0, 48), last.slice(0, 48));
            assertThrows(IllegalArgumentException.class, () -> gen.replaceChunk(level, 4, "", 7));
        }
    }

    @Test
    void aPrimedLevelIsContinuedPlayablyAndABadOneIsNamed() {
        LevelCorpus corpus = corpus();
        LevelModel model = randomModel(corpus);
        PlayabilityAgent agent = corpus.spec().agent();
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withAttempts(4), 5)) {
            TileGrid level = gen.generate(new LevelRequest(40, "", 5));
            gen.reset(9);
            gen.prime(level);
            assertEquals(40, gen.columns());
            Chunk next = gen.nextChunk(ChunkRequest.of(""));
            assertEquals(40, next.firstColumn());
            assertTrue(agent.playable(level.append(next.tiles())));
            gen.reset(9);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gen.prime(level.with(2, 3, 'Z')));
            assertTrue(e.getMessage().contains("row 3, column 4: 'Z'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> gen.prime(TileGrid.filled(4, 16, '-')));
        }
    }

    @Test
    void unknownPromptWordFailsBeforeGenerating() {
        LevelModel model = randomModel(corpus());
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gen.generate(new LevelRequest(16, "many volcanoes", 1)));
            assertTrue(e.getMessage().contains("\"volcanoes\""), e.getMessage());
            assertEquals(0, gen.columns());
        }
    }

    /** Enemies over the sky and on each other, as SMB2-J's flyers are: the tile rules learn that they may be. */
    private static final List<String> FLOATING_CORPUS = List.of(
            "------------------------------------",
            "---E-----E------E-------E-----E-----",
            "---E---------E-------E------E---E---",
            "--E--E--E--E----E--E--E-----E---E---",
            "XXXXXXXXXX---XXXXXXXXXXXXXX--XXXXXXX");

    /**
     * With the game's standsOn rule every enemy stands on a solid tile, chunk after chunk, though the
     * same random model, seeds and prompt without it float and stack them (so the rule, not luck, holds).
     */
    @Test
    void enemiesStandOnWhatTheGameSaysTheyStandOn() {
        LevelCorpus corpus = corpus(FLOATING_CORPUS);
        TileRules learnt = corpus.spec().rules();
        String tiles = learnt.tiles();
        assertTrue(learnt.canStack(tiles.indexOf('-'), tiles.indexOf('E')) && learnt.canStack(tiles.indexOf('E'), tiles.indexOf('E')));
        LevelModel free = randomModel(corpus);
        Standing onSolid = new Standing(java.util.Map.of("enemy", List.of("solid")));
        LevelModel ruled = free.withStanding(onSolid);
        Legend legend = corpus.spec().legend();
        Standing.Tally freeTally = Standing.Tally.ZERO;
        Standing.Tally ruledTally = Standing.Tally.ZERO;
        GeneratorSettings settings = GeneratorSettings.DEFAULT.withAttempts(3);
        for (long seed = 1; seed <= 3; seed++) {
            for (LevelModel m : List.of(free, ruled)) {
                try (LevelGenerator gen = m.newGenerator(settings, seed)) {
                    TileGrid level = gen.generate(new LevelRequest(48, "many enemies", seed));
                    assertTrue(corpus.spec().agent().playable(level), level.toString());
                    Standing.Tally t = onSolid.count(level, legend);
                    if (m == free) {
                        freeTally = freeTally.plus(t);
                    } else {
                        ruledTally = ruledTally.plus(t);
                        assertEquals(t.ruled(), t.standing(), "seed " + seed + ": " + t.below() + "\n" + level);
                    }
                }
            }
        }
        assertTrue(ruledTally.ruled() >= 9, "still many enemies: " + ruledTally);
        assertTrue(freeTally.standing() < freeTally.ruled(), "without the rule some float: " + freeTally);
    }

    @Test
    void specSurvivesTheModelMetadata() {
        LevelCorpus corpus = corpus();
        LevelSpec back = LevelSpec.fromJson(corpus.spec().toJson());
        assertEquals(corpus.spec().tokenizer().tiles(), back.tokenizer().tiles());
        assertEquals(5, back.height());
        assertEquals(corpus.spec().features().toJson(), back.features().toJson());
        assertFalse(back.jumps() == null);
        // the corpus levels themselves tokenize and decode unchanged
        TileGrid level = corpus.levels().get(0);
        int[] tokens = back.tokenizer().encodeLevel(level, 0, null, back.legend());
        assertEquals(level, back.tokenizer().decode(tokens, tokens.length));
    }
}
