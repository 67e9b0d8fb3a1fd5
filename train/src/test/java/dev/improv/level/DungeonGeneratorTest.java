package dev.improv.level;

import dev.improv.level.dungeon.DungeonMapCheck;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.TransformerConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A top-down game through the same generator as the platformers, with an untrained (random) model:
 * the doors must line up and every room must be reachable whatever the model samples.
 */
class DungeonGeneratorTest {
    /** Two rows of three 7 x 7 rooms, walls one tile thick, one void room. */
    private static final List<String> MAP = List.of(
            "WWWWWWWWWWWWWWWWWWWWW",
            "W.....WW.....WW..k..W",
            "W.B...WW..~..WW.....W",
            "W.....DD..~..DD..M..W",
            "W...M.WW..~..WW.....W",
            "W.....WW.....WW.....W",
            "WWWDWWWWWWWWWWWWWDWWW",
            "WWWDWWW-------WWWDWWW",
            "W.....W-------W.....W",
            "W..B..W-------W.B.B.W",
            "W..S..W-------W.....W",
            "W.....W-------W..M..W",
            "W.....W-------W.....W",
            "WWWWWWW-------WWWWWWW");

    static Legend legend() {
        Map<Character, List<String>> m = new LinkedHashMap<>();
        m.put('.', List.of("passable", "floor", "empty"));
        m.put('W', List.of("solid", "wall"));
        m.put('D', List.of("passable", "door"));
        m.put('B', List.of("solid", "block"));
        m.put('~', List.of("hazard", "water", "element"));
        m.put('S', List.of("passable", "stair"));
        m.put('M', List.of("passable", "enemy", "entity"));
        m.put('k', List.of("passable", "key", "entity"));
        m.put('-', List.of("solid", "void"));
        return new Legend(m);
    }

    private static LevelCorpus corpus() {
        return LevelCorpus.prepareRooms("crypt", List.of(new VglcReader.NamedLevel("map", TileGrid.ofRows(MAP))), legend(), 7, 7, 1,
                FeatureSet.preset("zelda"));
    }

    private static LevelModel randomModel(LevelCorpus corpus) {
        TokenCorpus tokens = corpus.tokens(2, 1, 160);
        TransformerConfig config = new TransformerConfig(tokens.vocabSize(), 1, 16, 2, 160, 0f);
        return new LevelModel(LanguageModel.random(config, 3).withMetadata("tiny-dungeon", corpus.spec().toJson()));
    }

    @Test
    void roomsAreCutFromTheMapWithTheirMirrors() {
        LevelCorpus corpus = corpus();
        assertEquals(5 * 4, corpus.rooms().size(), "five rooms, four versions each");
        assertEquals(LevelSpec.TOP_DOWN, corpus.spec().rule());
        assertEquals(7, corpus.spec().tokenizer().chunkColumns());
        assertEquals(LevelSpec.TOP_DOWN, LevelSpec.fromJson(corpus.spec().toJson()).rule());
    }

    @Test
    void everyDungeonHasItsDoorsLinedUpAndEveryRoomReached() {
        LevelCorpus corpus = corpus();
        LevelModel model = randomModel(corpus);
        DungeonMapCheck check = new DungeonMapCheck(legend(), 7, 7, 1);
        GeneratorSettings settings = GeneratorSettings.DEFAULT.withAttempts(3).withRoomsPerRow(3);
        try (LevelGenerator gen = model.newGenerator(settings, 5)) {
            for (long seed = 0; seed < 3; seed++) {
                TileGrid map = gen.generate(new LevelRequest(3 * 3 * 7, "", seed));
                assertEquals(3 * 7, map.rows());
                assertEquals(3 * 7, map.columns());
                DungeonMapCheck.Report r = check.check(map);
                assertEquals(List.of(), r.problems(), map.toString());
                assertEquals(9, r.roomsReached());
                int[] start = model.spec().start(map); // the entrance: the first room's first door
                assertTrue(legend().hasTag(map.at(start[0], start[1]), "door"), java.util.Arrays.toString(start) + "\n" + map);
                assertTrue(start[0] < 7 && start[1] < 7);
            }
        }
    }

    @Test
    void streamedRoomsAreWholeRoomsAndAPartialRoomIsRefused() {
        LevelModel model = randomModel(corpus());
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withAttempts(2), 9)) {
            for (int i = 0; i < 5; i++) {
                Chunk c = gen.nextChunk(ChunkRequest.of(""));
                assertEquals(7, c.tiles().columns());
                assertEquals(7, c.tiles().rows());
                assertTrue(c.tiles().at(0, 0) == 'W', c.tiles().toString());
            }
            assertThrows(IllegalArgumentException.class, () -> gen.nextChunk(new ChunkRequest("", 3)));
        }
    }
}
