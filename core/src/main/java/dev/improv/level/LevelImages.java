package dev.improv.level;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders levels and tilesets as images: from a designer's {@link Tileset} at its tile size, or with
 * tiles drawn in code (16 x 16 pixels a tile; sky behind a platformer, floor under a top-down room).
 */
public final class LevelImages {
    /** Pixels per tile side of the tiles drawn in code. */
    public static final int TILE = TilePainter.SIZE;
    private final TilePainter painter;
    private final Legend legend;
    private final Tileset tileset;

    public LevelImages(Legend legend) {
        this(legend, null);
    }

    /** @param tileset the designer's tileset, or null to draw tiles in code */
    public LevelImages(Legend legend, Tileset tileset) {
        this.legend = legend;
        this.tileset = tileset;
        this.painter = new TilePainter(legend);
    }

    /** The whole level. */
    public BufferedImage render(TileGrid level) throws IOException {
        if (tileset != null) {
            return renderTileset(level);
        }
        BufferedImage img = new BufferedImage(level.columns() * TILE, level.rows() * TILE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            for (int r = 0; r < level.rows(); r++) {
                for (int c = 0; c < level.columns(); c++) {
                    painter.paint(g, level.at(r, c), c * TILE, r * TILE, true);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Each tile copied from the designer's image; an entity is drawn over the empty tile. */
    private BufferedImage renderTileset(TileGrid level) throws IOException {
        BufferedImage src = tileset.read();
        int t = tileset.tileSize();
        int perRow = tileset.columnsIn(src);
        BufferedImage img = new BufferedImage(level.columns() * t, level.rows() * t, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            for (int r = 0; r < level.rows(); r++) {
                for (int c = 0; c < level.columns(); c++) {
                    for (char ch : new char[] {legend.empty(), level.at(r, c)}) {
                        Integer i = tileset.indices().get(ch);
                        if (i != null) {
                            int sx = (i % perRow) * t;
                            int sy = (i / perRow) * t;
                            g.drawImage(src, c * t, r * t, c * t + t, r * t + t, sx, sy, sx + t, sy + t, null);
                        }
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** One row of tiles on a transparent background, in the order of {@code tiles}. */
    public BufferedImage tileset(String tiles) {
        BufferedImage img = new BufferedImage(Math.max(1, tiles.length()) * TILE, TILE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            for (int i = 0; i < tiles.length(); i++) {
                painter.paint(g, tiles.charAt(i), i * TILE, 0, false);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    static void writePng(BufferedImage img, java.io.OutputStream out) throws IOException {
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    /** Writes {@link #render} as a PNG file. */
    public void writePng(TileGrid level, Path file) throws IOException {
        write(render(level), file);
    }

    /** {@link #render} as the bytes of a PNG file (what {@link #writePng} writes). */
    public byte[] png(TileGrid level) throws IOException {
        return pngBytes(render(level));
    }

    /** An image as the bytes of a PNG file (e.g. a {@link TmxExporter.TiledMap}'s tileset). */
    public static byte[] pngBytes(BufferedImage img) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writePng(img, out);
        return out.toByteArray();
    }

    static void write(BufferedImage img, Path file) throws IOException {
        dev.improv.model.AtomicFiles.write(file, out -> writePng(img, out));
    }

    Legend legend() {
        return legend;
    }
}
