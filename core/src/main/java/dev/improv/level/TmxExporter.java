package dev.improv.level;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a level as a Tiled map (TMX, orthogonal): a CSV tile layer "tiles" for the terrain and an
 * object layer "entities" for everything that moves or is picked up (tiles tagged entity, enemy,
 * player, spawn, start, npc or key), each a tile object with its type, character and tags as
 * properties; the terrain under an entity is the legend's empty tile. Given the player's start, the
 * layer also holds a rectangle object of type "start" there.
 *
 * <p>With a designer's {@link Tileset} the map references that image at its tile size; otherwise the
 * tiles are drawn in code into NAME-tiles.png beside the map. Every tile carries its character and
 * tags as properties, so a game can tell walls from doors without a table. The empty tile is left
 * blank (gid 0) unless it is a floor (top-down games) or the tileset draws it.
 */
public final class TmxExporter {
    /** Tags that make a tile an object rather than terrain. */
    public static final List<String> ENTITY_TAGS = List.of("entity", "enemy", "player", "spawn", "start", "npc", "key");
    private final Legend legend;
    private final Tileset tileset;
    private final LevelImages images;
    private int[] start; // of the map being written

    public TmxExporter(Legend legend) {
        this(legend, null);
    }

    /** @param tileset the designer's tileset, or null to draw tiles in code */
    public TmxExporter(Legend legend, Tileset tileset) {
        this.legend = legend;
        this.tileset = tileset;
        this.images = new LevelImages(legend, tileset);
    }

    /** Whether a tile goes into the object layer. */
    public boolean isEntity(char tile) {
        for (String t : ENTITY_TAGS) {
            if (legend.hasTag(tile, t)) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code tmx} and (without a designer's tileset) its tileset image beside it; returns the image path. */
    public Path write(TileGrid level, Path tmx) throws IOException {
        return write(level, tmx, null);
    }

    /**
     * The same, with a "start" object (the player's start) at {@code start} = {row, column}, if not null
     * (see {@link LevelSpec#start}).
     */
    public Path write(TileGrid level, Path tmx, int[] start) throws IOException {
        this.start = start;
        Path imageFile;
        String xml;
        if (tileset != null) {
            BufferedImage img = tileset.read();
            imageFile = tileset.image();
            Path dir = tmx.toAbsolutePath().getParent();
            String ref;
            try {
                ref = dir.relativize(imageFile.toAbsolutePath()).toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                ref = imageFile.toAbsolutePath().toString();
            }
            xml = toXml(level, ref, img.getWidth(), img.getHeight());
        } else {
            String name = tmx.getFileName().toString().replaceFirst("\\.tmx$", "");
            imageFile = tmx.resolveSibling(name + "-tiles.png");
            TiledMap map = toMap(level, imageFile.getFileName().toString(), start);
            LevelImages.write(map.tileset(), imageFile);
            xml = map.xml();
        }
        dev.improv.model.AtomicFiles.writeString(tmx, xml);
        return imageFile;
    }

    /** A map's TMX text and the tileset image it names, in memory. */
    public record TiledMap(String xml, BufferedImage tileset) {
    }

    /**
     * The map {@link #write} writes with the generated tileset, in memory (a service answers with it
     * and writes no file): the TMX names its tileset {@code tilesetName}; {@code start} as for write.
     */
    public TiledMap toMap(TileGrid level, String tilesetName, int[] start) {
        this.start = start;
        String tiles = drawnTiles();
        return new TiledMap(toXml(level, tilesetName, tiles.length() * LevelImages.TILE, LevelImages.TILE), images.tileset(tiles));
    }

    /** Tiles in the generated tileset: all but an empty tile that is not a floor. */
    private String drawnTiles() {
        StringBuilder tiles = new StringBuilder();
        for (char c : legend.tiles()) {
            if (c != legend.empty() || legend.hasTag(c, "floor")) {
                tiles.append(c);
            }
        }
        return tiles.toString();
    }

    /** Tile id (gid - 1) of a character, or -1 when it is left blank. */
    private int id(char c, String drawn) {
        if (tileset != null) {
            Integer i = tileset.indices().get(c);
            return i == null ? -1 : i;
        }
        return drawn.indexOf(c);
    }

    String toXml(TileGrid level, String imageRef, int imageWidth, int imageHeight) {
        int t = tileset != null ? tileset.tileSize() : LevelImages.TILE;
        String drawn = tileset != null ? "" : drawnTiles();
        int columns = imageWidth / t;
        int count = columns * (imageHeight / t);
        StringBuilder b = new StringBuilder();
        int objects = 0;
        for (int r = 0; r < level.rows(); r++) {
            for (int c = 0; c < level.columns(); c++) {
                objects += isEntity(level.at(r, c)) ? 1 : 0;
            }
        }
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<map version=\"1.10\" tiledversion=\"1.10.2\" orientation=\"orthogonal\" renderorder=\"right-down\"")
                .append(" width=\"").append(level.columns()).append("\" height=\"").append(level.rows())
                .append("\" tilewidth=\"").append(t).append("\" tileheight=\"").append(t)
                .append("\" infinite=\"0\" nextlayerid=\"3\" nextobjectid=\"").append(objects + (start != null ? 2 : 1)).append("\">\n");
        b.append(" <tileset firstgid=\"1\" name=\"tiles\" tilewidth=\"").append(t).append("\" tileheight=\"").append(t)
                .append("\" tilecount=\"").append(count).append("\" columns=\"").append(columns).append("\">\n");
        b.append("  <image source=\"").append(xml(imageRef)).append("\" width=\"").append(imageWidth)
                .append("\" height=\"").append(imageHeight).append("\"/>\n");
        java.util.Set<Integer> written = new java.util.HashSet<>();
        for (char c : legend.tiles()) {
            int id = id(c, drawn);
            if (id < 0 || !written.add(id)) {
                continue;
            }
            b.append("  <tile id=\"").append(id).append("\">\n   <properties>\n");
            properties(b, c, "    ");
            b.append("   </properties>\n  </tile>\n");
        }
        b.append(" </tileset>\n");
        b.append(" <layer id=\"1\" name=\"tiles\" width=\"").append(level.columns()).append("\" height=\"")
                .append(level.rows()).append("\">\n  <data encoding=\"csv\">\n");
        for (int r = 0; r < level.rows(); r++) {
            for (int c = 0; c < level.columns(); c++) {
                char ch = level.at(r, c);
                b.append(id(isEntity(ch) ? legend.empty() : ch, drawn) + 1);
                if (r < level.rows() - 1 || c < level.columns() - 1) {
                    b.append(',');
                }
            }
            b.append('\n');
        }
        b.append("  </data>\n </layer>\n");
        b.append(" <objectgroup id=\"2\" name=\"entities\">\n");
        int next = 1;
        for (int r = 0; r < level.rows(); r++) {
            for (int c = 0; c < level.columns(); c++) {
                char ch = level.at(r, c);
                if (!isEntity(ch)) {
                    continue;
                }
                String type = type(ch);
                b.append("  <object id=\"").append(next++).append("\" name=\"").append(xml(type)).append("\" type=\"")
                        .append(xml(type)).append('"');
                int id = id(ch, drawn);
                if (id >= 0) {
                    b.append(" gid=\"").append(id + 1).append('"');
                }
                // a tile object's y is its bottom edge
                b.append(" x=\"").append(c * t).append("\" y=\"").append((r + 1) * t).append("\" width=\"").append(t)
                        .append("\" height=\"").append(t).append("\">\n   <properties>\n");
                properties(b, ch, "    ");
                b.append("   </properties>\n  </object>\n");
            }
        }
        if (start != null) {
            b.append("  <object id=\"").append(next++).append("\" name=\"start\" type=\"start\" x=\"").append(start[1] * t)
                    .append("\" y=\"").append(start[0] * t).append("\" width=\"").append(t).append("\" height=\"").append(t)
                    .append("\">\n   <properties>\n    <property name=\"player\" type=\"bool\" value=\"true\"/>\n")
                    .append("   </properties>\n  </object>\n");
        }
        b.append(" </objectgroup>\n</map>\n");
        return b.toString();
    }

    /** The entity's kind: its first entity tag other than "entity" itself, else its first tag. */
    private String type(char c) {
        for (String t : legend.tags(c)) {
            if (ENTITY_TAGS.contains(t) && !t.equals("entity")) {
                return t;
            }
        }
        List<String> tags = legend.tags(c);
        return tags.isEmpty() ? String.valueOf(c) : tags.get(0);
    }

    private void properties(StringBuilder b, char c, String indent) {
        b.append(indent).append("<property name=\"char\" value=\"").append(xml(String.valueOf(c))).append("\"/>\n");
        b.append(indent).append("<property name=\"solid\" type=\"bool\" value=\"").append(legend.isSolid(c)).append("\"/>\n");
        b.append(indent).append("<property name=\"tags\" value=\"").append(xml(String.join(",", legend.tags(c)))).append("\"/>\n");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
