package dev.improv.level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GameDefinitionTest {
    private static final String DUNGEON = """
            {
              "name": "crypt",
              "rule": "top-down",
              "legend": {
                ".": ["passable", "floor", "empty"],
                "W": ["solid", "wall"],
                "D": ["passable", "door"],
                "g": ["passable", "enemy", "entity"]
              },
              "chunk": {"columns": 9, "rows": 7, "wall": 1},
              "features": "zelda"
            }
            """;

    private static Path write(Path dir, String json) throws Exception {
        Path f = dir.resolve("game.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aDesignersTopDownGameReads(@TempDir Path dir) throws Exception {
        GameDefinition g = GameDefinition.read(write(dir, DUNGEON));
        assertEquals("crypt", g.name());
        assertEquals(LevelSpec.TOP_DOWN, g.rule());
        assertEquals(7, g.rows());
        assertEquals(9, g.columns());
        assertEquals(1, g.wall());
        assertEquals('.', g.legend().empty());
        assertEquals("level-crypt", g.model());
        assertNull(g.tileset());
        assertEquals(4, g.featureSet().size());
        assertEquals(dir.resolve("game.json"), GameDefinition.find(dir.toString()));
    }

    @Test
    void mistakesNameTheFileLineAndField(@TempDir Path dir) throws Exception {
        Path f = write(dir, DUNGEON.replace("\"top-down\"", "\"side-ways\""));
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(f));
        assertEquals(f.toString(), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("field 'rule': must be one of [platformer, push-puzzle, top-down], got \"side-ways\""),
                e.getMessage());

        Path g = write(dir, DUNGEON.replace("\"wall\": 1", "\"wall\": 4"));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(g));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("field 'chunk.wall': a wall 4 thick leaves no floor"), e.getMessage());

        Path h = write(dir, DUNGEON.replace("\"g\": [\"passable\", \"enemy\", \"entity\"]", "\"gg\": [\"enemy\"]"));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(h));
        assertEquals(8, e.line());
        assertTrue(e.getMessage().contains("field 'legend.gg': a tile is one printable character"), e.getMessage());

        Path i = write(dir, DUNGEON.replace("\"features\": \"zelda\"", "\"feature\": \"zelda\""));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(i));
        assertEquals(11, e.line());
        assertTrue(e.getMessage().contains("field 'feature': unknown field"), e.getMessage());

        Path j = write(dir, DUNGEON.replace("\"D\": [\"passable\", \"door\"],", ""));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(j));
        assertTrue(e.getMessage().contains("needs a tile tagged \"door\""), e.getMessage());

        Path k = write(dir, "{\"name\": \"x\",\n \"rule\": \"platformer\",\n \"legend\": {\"-\": [\"empty\"]},\n \"features\": 3}");
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(k));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("field 'features': must be a non-empty string"), e.getMessage());
    }

    private static final String PLATFORMER = """
            {
              "name": "caves",
              "rule": "platformer",
              "legend": {
                "-": ["passable", "empty"],
                "#": ["solid", "ground"],
                "H": ["passable", "climbable", "ladder"],
                "e": ["enemy", "entity"]
              },
              "standsOn": {"enemy": ["solid", "ladder", "bottom edge"]},
              "features": "smb"
            }
            """;

    @Test
    void aPlatformerSaysWhatItsEnemiesStandOn(@TempDir Path dir) throws Exception {
        GameDefinition g = GameDefinition.read(write(dir, PLATFORMER));
        assertEquals(java.util.Map.of("enemy", List.of("solid", "ladder", Standing.BOTTOM_EDGE)), g.standing().standsOn());
        assertTrue(g.standing().supports(g.legend(), 'H', 'e'));
        assertTrue(g.standing().supports(g.legend(), null, 'e'));
        assertFalse(g.standing().supports(g.legend(), '-', 'e'));
        assertTrue(GameDefinition.read(write(dir, DUNGEON)).standing().isEmpty());

        Path typo = write(dir, PLATFORMER.replace("\"ladder\", \"bottom", "\"ladders\", \"bottom"));
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(typo));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("field 'standsOn.enemy': no tile of the legend is tagged \"ladders\""), e.getMessage());
        Path noSuchTag = write(dir, PLATFORMER.replace("{\"enemy\":", "{\"enemies\":"));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(noSuchTag));
        assertTrue(e.getMessage().contains("field 'standsOn.enemies': no tile of the legend is tagged \"enemies\""), e.getMessage());
        Path empty = write(dir, PLATFORMER.replace("[\"solid\", \"ladder\", \"bottom edge\"]", "[]"));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(empty));
        assertTrue(e.getMessage().contains("field 'standsOn': \"enemy\" needs at least one tag to stand on"), e.getMessage());
        Path topDown = write(dir, DUNGEON.replace("\"features\"", "\"standsOn\": {\"enemy\": [\"solid\"]},\n  \"features\""));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(topDown));
        assertTrue(e.getMessage().contains("field 'standsOn': only a platformer's tiles stand on others"), e.getMessage());
    }

    @Test
    void aPlatformerSaysWhatItsPillarsStandOn(@TempDir Path dir) throws Exception {
        String pillars = PLATFORMER.replace("\"features\"", "\"pillarsStandOn\": {\"ground\": [\"solid\", \"bottom edge\"]},\n  \"features\"");
        GameDefinition g = GameDefinition.read(write(dir, pillars));
        assertEquals(java.util.Map.of("ground", List.of("solid", Standing.BOTTOM_EDGE)), g.standing().pillarsStandOn());
        assertEquals(List.of("solid", "ladder", Standing.BOTTOM_EDGE), g.standing().standsOn().get("enemy"), "standsOn as before");
        assertEquals(new Standing.Tally(2, 1, java.util.Map.of("-", 1L)), g.standing().countPillars(TileGrid.ofRows(List.of(
                "#-#",
                "#-#",
                "#--")), g.legend()), "column 0 stands on the bottom edge, column 2 hangs");

        Path typo = write(dir, pillars.replace("\"ground\": [", "\"grounds\": ["));
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(typo));
        assertTrue(e.getMessage().contains("field 'pillarsStandOn.grounds': no tile of the legend is tagged \"grounds\""), e.getMessage());
        Path onNothing = write(dir, pillars.replace("[\"solid\", \"bottom edge\"]}", "[\"rock\"]}"));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(onNothing));
        assertTrue(e.getMessage().contains("field 'pillarsStandOn.ground': no tile of the legend is tagged \"rock\""), e.getMessage());
        Path notAnArray = write(dir, pillars.replace("[\"solid\", \"bottom edge\"]}", "\"solid\"}"));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(notAnArray));
        assertTrue(e.getMessage().contains("field 'pillarsStandOn': ground must be an array of tags"), e.getMessage());
        Path topDown = write(dir, DUNGEON.replace("\"features\"", "\"pillarsStandOn\": {\"wall\": [\"solid\"]},\n  \"features\""));
        e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(topDown));
        assertTrue(e.getMessage().contains("field 'pillarsStandOn': only a platformer's tiles stand on others"), e.getMessage());
    }

    @Test
    void aTilesetNamesItsImageAndAnIndexForEveryTile(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_ARGB);
        ImageIO.write(img, "png", dir.resolve("tiles.png").toFile());
        String withTiles = DUNGEON.replace("\"features\": \"zelda\"", "\"features\": \"zelda\",\n"
                + "  \"tileset\": {\"image\": \"tiles.png\", \"tileSize\": 8, \"tiles\": {\"W\": 0, \"D\": 1, \"g\": 2, \".\": 3}}");
        GameDefinition g = GameDefinition.read(write(dir, withTiles));
        assertNotNull(g.tileset());
        assertEquals(8, g.tileset().tileSize());
        assertEquals(dir.resolve("tiles.png"), g.tileset().image());

        Path missing = write(dir, withTiles.replace(", \"g\": 2", ""));
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> GameDefinition.read(missing));
        assertTrue(e.getMessage().contains("field 'tileset.tiles': tile 'g' has no index in the image"), e.getMessage());
    }

    @Test
    void everyBuiltInGameReads() throws Exception {
        Path games = Path.of("../assets/games");
        List<Path> files;
        try (Stream<Path> s = Files.list(games)) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().endsWith("-jumps.json")).sorted().toList();
        }
        assertEquals(List.of("boxoban.json", "lode-runner.json", "smb.json", "zelda.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            GameDefinition g = GameDefinition.read(f);
            assertEquals(f.getFileName().toString(), g.name() + ".json");
            // walking enemies stand on something in the platformers; rooms seen from above have no such rule
            assertEquals(LevelSpec.PLATFORMER.equals(g.rule()), g.standing().standsOn().containsKey("enemy"), g.name());
            if (!g.tiles()) {
                continue;
            }
            // every level of every feature can be asked for in words
            FeatureSet fs = g.featureSet();
            PromptParser parser = new PromptParser(fs);
            for (int i = 0; i < fs.size(); i++) {
                for (int l = 0; l < fs.specs().get(i).levels().size(); l++) {
                    int[] levels = new int[fs.size()];
                    java.util.Arrays.fill(levels, FeatureSet.ANY);
                    levels[i] = l;
                    assertEquals(l, parser.parse(parser.describe(levels))[i], g.name() + ": " + parser.describe(levels));
                }
            }
        }
    }
}
