package dev.improv.level;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a level as a Tiled map (TMX, orthogonal, one CSV tile layer) with its tileset embedded in
 * the map and the tileset image written next to it as NAME-tiles.png. Each tile carries its VGLC
 * character and tags as properties, so a game can tell solid tiles from enemies without a table.
 * The empty tile is left blank (gid 0).
 */
public final class TmxExporter {
    private final Legend legend;
    private final LevelImages images;

    public TmxExporter(Legend legend) {
        this.legend = legend;
        this.images = new LevelImages(legend);
    }

    /** Writes {@code tmx} and its tileset image beside it; returns the image path. */
    public Path write(TileGrid level, Path tmx) throws IOException {
        String name = tmx.getFileName().toString().replaceFirst("\\.tmx$", "");
        Path imageFile = tmx.resolveSibling(name + "-tiles.png");
        StringBuilder tiles = new StringBuilder();
        for (char c : legend.tiles()) {
            if (c != legend.empty()) {
                tiles.append(c);
            }
        }
        LevelImages.write(images.tileset(tiles.toString()), imageFile);
        dev.improv.model.AtomicFiles.writeString(tmx, toXml(level, tiles.toString(), imageFile.getFileName().toString()));
        return imageFile;
    }

    String toXml(TileGrid level, String tiles, String imageName) {
        int t = LevelImages.TILE;
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<map version=\"1.10\" tiledversion=\"1.10.2\" orientation=\"orthogonal\" renderorder=\"right-down\"")
                .append(" width=\"").append(level.columns()).append("\" height=\"").append(level.rows())
                .append("\" tilewidth=\"").append(t).append("\" tileheight=\"").append(t)
                .append("\" infinite=\"0\" nextlayerid=\"2\" nextobjectid=\"1\">\n");
        b.append(" <tileset firstgid=\"1\" name=\"tiles\" tilewidth=\"").append(t).append("\" tileheight=\"").append(t)
                .append("\" tilecount=\"").append(tiles.length()).append("\" columns=\"").append(tiles.length()).append("\">\n");
        b.append("  <image source=\"").append(xml(imageName)).append("\" width=\"").append(tiles.length() * t)
                .append("\" height=\"").append(t).append("\"/>\n");
        for (int i = 0; i < tiles.length(); i++) {
            char c = tiles.charAt(i);
            b.append("  <tile id=\"").append(i).append("\">\n   <properties>\n");
            b.append("    <property name=\"char\" value=\"").append(xml(String.valueOf(c))).append("\"/>\n");
            b.append("    <property name=\"solid\" type=\"bool\" value=\"").append(legend.isSolid(c)).append("\"/>\n");
            b.append("    <property name=\"tags\" value=\"").append(xml(String.join(",", legend.tags(c)))).append("\"/>\n");
            b.append("   </properties>\n  </tile>\n");
        }
        b.append(" </tileset>\n");
        b.append(" <layer id=\"1\" name=\"tiles\" width=\"").append(level.columns()).append("\" height=\"")
                .append(level.rows()).append("\">\n  <data encoding=\"csv\">\n");
        for (int r = 0; r < level.rows(); r++) {
            for (int c = 0; c < level.columns(); c++) {
                char ch = level.at(r, c);
                b.append(ch == legend.empty() ? 0 : tiles.indexOf(ch) + 1);
                if (r < level.rows() - 1 || c < level.columns() - 1) {
                    b.append(',');
                }
            }
            b.append('\n');
        }
        b.append("  </data>\n </layer>\n</map>\n");
        return b.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
