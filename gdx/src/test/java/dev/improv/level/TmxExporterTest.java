package dev.improv.level;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.graphics.GL20;
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
                    if (expected == '-') {
                        assertNull(cell, "empty at " + r + "," + c);
                    } else {
                        assertEquals(String.valueOf(expected), cell.getTile().getProperties().get("char", String.class));
                        assertEquals(Fixtures.legend().isSolid(expected), cell.getTile().getProperties().get("solid", Boolean.class));
                    }
                }
            }
        } finally {
            map.dispose();
        }
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
