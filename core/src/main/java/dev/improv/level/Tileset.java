package dev.improv.level;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A designer's tileset image: tiles of {@code tileSize} pixels in rows, and which tile index each
 * level character is drawn with (index 0 is the top-left tile, counted across then down).
 *
 * @param image    the PNG file
 * @param tileSize pixels per tile side
 * @param indices  level character -> tile index in the image
 */
public record Tileset(Path image, int tileSize, Map<Character, Integer> indices) {

    public Tileset {
        indices = Map.copyOf(indices);
    }

    /** The image, read; errors name the file. */
    public BufferedImage read() throws IOException {
        if (!Files.isRegularFile(image)) {
            throw new LevelFormatException(image.toString(), 0, 0, "tileset image not found");
        }
        BufferedImage img = ImageIO.read(image.toFile());
        if (img == null) {
            throw new LevelFormatException(image.toString(), 0, 0, "not an image ImageIO can read (use PNG)");
        }
        int count = (img.getWidth() / tileSize) * (img.getHeight() / tileSize);
        for (Map.Entry<Character, Integer> e : indices.entrySet()) {
            if (e.getValue() < 0 || e.getValue() >= count) {
                throw new LevelFormatException(image.toString(), 0, 0, "tile '" + e.getKey() + "' uses index " + e.getValue()
                        + ", but the " + img.getWidth() + " x " + img.getHeight() + " image holds " + count + " tiles of "
                        + tileSize + " pixels");
            }
        }
        return img;
    }

    /** Columns of tiles in an image this wide. */
    public int columnsIn(BufferedImage img) {
        return img.getWidth() / tileSize;
    }
}
