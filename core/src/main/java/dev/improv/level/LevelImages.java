package dev.improv.level;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Renders levels and tilesets as images with tiles drawn in code (16 x 16 pixels a tile). */
public final class LevelImages {
    /** Pixels per tile side. */
    public static final int TILE = TilePainter.SIZE;
    private final TilePainter painter;
    private final Legend legend;

    public LevelImages(Legend legend) {
        this.legend = legend;
        this.painter = new TilePainter(legend);
    }

    /** The whole level, sky behind every tile. */
    public BufferedImage render(TileGrid level) {
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

    /** Writes {@link #render} as a PNG file. */
    public void writePng(TileGrid level, Path file) throws IOException {
        write(render(level), file);
    }

    static void write(BufferedImage img, Path file) throws IOException {
        dev.improv.model.AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    Legend legend() {
        return legend;
    }
}
