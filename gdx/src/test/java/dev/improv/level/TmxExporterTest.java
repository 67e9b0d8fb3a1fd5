package dev.improv.level;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.maps.MapObject;
import com.badlogic.gdx.maps.MapObjects;
import com.badlogic.gdx.maps.tiled.TiledMap;
import com.badlogic.gdx.maps.tiled.TiledMapTileLayer;
import com.badlogic.gdx.maps.tiled.TmxMapLoader;
import com.badlogic.gdx.assets.loaders.resolvers.AbsoluteFileHandleResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TmxExporterTest {
    private static HeadlessApplication app;

    @BeforeAll
    static void startHeadless() {
        app = new HeadlessApplication(new ApplicationAdapter() { }, new HeadlessApplicationConfiguration());
        // Headless has no GL; textures only need calls that succeed, so answer every GL call with a default.
        GL20 gl = (GL20) Proxy.newProxyInstance(GL20.class.getClassLoader(), new Class<?>[] {GL20.class}, (p, m, a) -> {
            Class<?> r = m.getReturnType();
            if (r == int.class) {
                return 1;
            }
            if (r == boolean.class) {
                return false;
            }
            if (r == float.class) {
                return 0f;
            }
            if (r == String.class) {
                return "";
            }
            return null;
        });
        Gdx.gl = gl;
        Gdx.gl20 = gl;
    }

    @AfterAll
    static void stop() {
        app.exit();
    }

    @Test
    void tmxLoadsWithLibgdxAndKeepsEveryTile(@TempDir Path dir) throws Exception {
        TileGrid level = Fixtures.grid(
                "----?-----",
                "-<>----E--",
                "-[]-------",
                "XXXXX--XXX");
        Path tmx = dir.resolve("level.tmx");
        Path image = new TmxExporter(Fixtures.legend()).write(level, tmx);
        assertTrue(Files.exists(image));

        TiledMap map = new TmxMapLoader(new AbsoluteFileHandleResolver()).load(tmx.toAbsolutePath().toString());
        try {
            TiledMapTileLayer layer = (TiledMapTileLayer) map.getLayers().get("tiles");
            assertEquals(10, layer.getWidth());
            assertEquals(4, layer.getHeight());
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 10; c++) {
                    // Tiled's y axis points down, libGDX's up
                    TiledMapTileLayer.Cell cell = layer.getCell(c, 3 - r);
                    char expected = level.at(r, c);
                    if (expected == '-' || expected == 'E') { // the enemy is an object, with sky under it
                        assertNull(cell, "empty at " + r + "," + c);
                    } else {
                        assertEquals(String.valueOf(expected), cell.getTile().getProperties().get("char", String.class));
                        assertEquals(Fixtures.legend().isSolid(expected), cell.getTile().getProperties().get("solid", Boolean.class));
                    }
                }
            }
            MapObjects objects = map.getLayers().get("entities").getObjects();
            assertEquals(1, objects.getCount());
            MapObject enemy = objects.get(0);
            assertEquals("E", enemy.getProperties().get("char", String.class));
            assertEquals("enemy", enemy.getProperties().get("type", String.class));
            assertEquals(7 * LevelImages.TILE, enemy.getProperties().get("x", Float.class), 1e-3);
        } finally {
            map.dispose();
        }
    }

    /** A designer's top-down game: its own tileset image and tile size in TMX and PNG, guards as objects. */
    @Test
    void aDesignersTilesetAndTileSizeAreUsed(@TempDir Path dir) throws Exception {
        Map<Character, List<String>> tags = new LinkedHashMap<>();
        tags.put('.', List.of("passable", "floor", "empty"));
        tags.put('W', List.of("solid", "wall"));
        tags.put('D', List.of("passable", "door"));
        tags.put('g', List.of("passable", "enemy", "entity"));
        Legend legend = new Legend(tags);
        int size = 8;
        BufferedImage sheet = new BufferedImage(4 * size, size, BufferedImage.TYPE_INT_ARGB);
        int[] colours = {0xFFAA8844, 0xFF333333, 0xFF884400, 0xFFFF0000};
        for (int i = 0; i < 4; i++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    sheet.setRGB(i * size + x, y, colours[i]);
                }
            }
        }
        Path sheetFile = dir.resolve("art").resolve("crypt.png");
        Files.createDirectories(sheetFile.getParent());
        ImageIO.write(sheet, "png", sheetFile.toFile());
        Tileset tileset = new Tileset(sheetFile, size, Map.of('.', 0, 'W', 1, 'D', 2, 'g', 3));
        TileGrid room = Fixtures.grid(
                "WWDWW",
                "W.g.W",
                "WWWWW");
        Path tmx = dir.resolve("room.tmx");
        assertEquals(sheetFile, new TmxExporter(legend, tileset).write(room, tmx, new int[] {1, 1}));
        String xml = Files.readString(tmx);
        assertTrue(xml.contains("source=\"art/crypt.png\""), xml);
        TiledMap map = new TmxMapLoader(new AbsoluteFileHandleResolver()).load(tmx.toAbsolutePath().toString());
        try {
            assertEquals(size, map.getProperties().get("tilewidth", Integer.class));
            TiledMapTileLayer layer = (TiledMapTileLayer) map.getLayers().get("tiles");
            assertEquals("D", layer.getCell(2, 2).getTile().getProperties().get("char", String.class));
            assertEquals(".", layer.getCell(2, 1).getTile().getProperties().get("char", String.class), "floor under the guard");
            MapObjects objects = map.getLayers().get("entities").getObjects();
            assertEquals(2, objects.getCount());
            MapObject guard = objects.get(0);
            assertEquals("g", guard.getProperties().get("char", String.class));
            assertEquals("enemy", guard.getProperties().get("type", String.class));
            MapObject start = objects.get("start");
            assertEquals("start", start.getProperties().get("type", String.class));
            assertEquals(Boolean.TRUE, start.getProperties().get("player", Boolean.class));
            assertEquals(size, start.getProperties().get("x", Float.class), 1e-3);
        } finally {
            map.dispose();
        }
        Path png = dir.resolve("room.png");
        new LevelImages(legend, tileset).writePng(room, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(5 * size, img.getWidth());
        assertEquals(colours[2], img.getRGB(2 * size + 1, 1), "door drawn from the designer's sheet");
        assertEquals(colours[3], img.getRGB(2 * size + 1, size + 1), "guard drawn from the designer's sheet");
    }

    @Test
    void pngShowsDistinctTiles(@TempDir Path dir) throws Exception {
        TileGrid level = Fixtures.grid(
                "-?-",
                "-E-",
                "XS<");
        Path png = dir.resolve("level.png");
        new LevelImages(Fixtures.legend()).writePng(level, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3 * LevelImages.TILE, img.getWidth());
        assertEquals(3 * LevelImages.TILE, img.getHeight());
        int sky = img.getRGB(8, 8);
        int question = img.getRGB(16 + 2, 2);
        int ground = img.getRGB(8, 32 + 8);
        int brick = img.getRGB(16 + 2, 32 + 2);
        assertNotEquals(sky, question);
        assertNotEquals(sky, ground);
        assertNotEquals(ground, brick);
    }
}
