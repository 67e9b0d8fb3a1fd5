package dev.improv.demo;

import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import java.util.Map;

/**
 * The demo's pixel art, drawn by code at start-up from the character grids below (one character a
 * pixel, a palette per sheet): tiles, the player, enemies, NPCs, coins and scenery, 16x16 pixels a
 * cell on one 128x128 sheet. No image files are needed; {@link #writeSheet} saves the sheet as a PNG.
 */
final class Art implements AutoCloseable {
    static final int CELL = 16;
    private static final int SHEET = 128;

    private static final Map<Character, Integer> PALETTE = Map.ofEntries(
            Map.entry('.', 0x00000000),
            Map.entry('k', 0x1d1b24ff), // outline
            Map.entry('g', 0x5cb85cff), // grass
            Map.entry('G', 0x3a8a45ff), // dark grass
            Map.entry('d', 0xa0683cff), // dirt
            Map.entry('D', 0x7a4a2aff), // dark dirt
            Map.entry('s', 0xc48a58ff), // light dirt / stone
            Map.entry('r', 0xc9573cff), // brick
            Map.entry('R', 0x8c3324ff), // mortar
            Map.entry('y', 0xf5c542ff), // gold
            Map.entry('Y', 0xc98f1eff), // dark gold
            Map.entry('w', 0xffffffff),
            Map.entry('W', 0xdfe6f0ff), // off-white
            Map.entry('p', 0x4fbf6aff), // pipe
            Map.entry('P', 0x2d7a42ff), // pipe dark
            Map.entry('l', 0x9ff0a8ff), // pipe light
            Map.entry('c', 0x4a4e5cff), // cannon
            Map.entry('C', 0x2c2f38ff), // cannon dark
            Map.entry('f', 0xf2c49bff), // skin
            Map.entry('t', 0x2bb3a3ff), // teal hood
            Map.entry('T', 0x1b7a70ff), // dark teal
            Map.entry('b', 0x6b4226ff), // boots
            Map.entry('m', 0x9b59d0ff), // enemy purple
            Map.entry('M', 0x6a3a99ff), // enemy dark
            Map.entry('e', 0xff7a5cff)); // enemy cheeks

    private static final String[] GROUND_TOP = {
            "gggggggggggggggg",
            "gGgggggGggggGggg",
            "GdGGgGGdGgGGdGGG",
            "ddDddddddddDdddd",
            "dddddsdddddddddd",
            "ddddddddDddddsdd",
            "dDddddddddddddDd",
            "dddddddsdddddddd",
            "ddsdddddddDddddd",
            "ddddDddddddddddd",
            "dddddddddsdddddD",
            "dddsddddddddDddd",
            "dddddddDdddddddd",
            "dDddddddddddsddd",
            "ddddddsdddDddddd",
            "dddddddddddddddd"};
    private static final String[] GROUND = {
            "dddddddddddddddd",
            "dddddsdddddddDdd",
            "ddDddddddddddddd",
            "dddddddddDdddddd",
            "ddddsddddddddsdd",
            "dDdddddddddddddd",
            "ddddddddDddddddd",
            "dddsdddddddddDdd",
            "ddddddddddsddddd",
            "dddddDdddddddddd",
            "ddddddddddddddDd",
            "dsdddddddDdddddd",
            "ddddddsddddddddd",
            "ddDddddddddddsdd",
            "dddddddddDdddddd",
            "dddddddddddddddd"};
    private static final String[] BRICK = {
            "RRRRRRRRRRRRRRRR",
            "rrrrrrrRrrrrrrrR",
            "rrrrrrrRrrrrrrrR",
            "rrrrrrrRrrrrrrrR",
            "RRRRRRRRRRRRRRRR",
            "rrrRrrrrrrrRrrrr",
            "rrrRrrrrrrrRrrrr",
            "rrrRrrrrrrrRrrrr",
            "RRRRRRRRRRRRRRRR",
            "rrrrrrrRrrrrrrrR",
            "rrrrrrrRrrrrrrrR",
            "rrrrrrrRrrrrrrrR",
            "RRRRRRRRRRRRRRRR",
            "rrrRrrrrrrrRrrrr",
            "rrrRrrrrrrrRrrrr",
            "RRRRRRRRRRRRRRRR"};
    private static final String[] QUESTION = {
            "kkkkkkkkkkkkkkkk",
            "kyyyyyyyyyyyyyyk",
            "kyYyyyyyyyyyyYyk",
            "kyyyyywwwwyyyyyk",
            "kyyyywwYYwwyyyyk",
            "kyyyywwYYwwYyyyk",
            "kyyyyYYyywwYyyyk",
            "kyyyyyyywwYYyyyk",
            "kyyyyyywwYYyyyyk",
            "kyyyyyywwYyyyyyk",
            "kyyyyyyyYYyyyyyk",
            "kyyyyyywwyyyyyyk",
            "kyyyyyywwYyyyyyk",
            "kyYyyyyyYYyyyYyk",
            "kyyyyyyyyyyyyyyk",
            "kkkkkkkkkkkkkkkk"};
    private static final String[] USED = {
            "kkkkkkkkkkkkkkkk",
            "kDDDDDDDDDDDDDDk",
            "kDsDDDDDDDDDDsDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDDDDDDDDDDDDDDk",
            "kDsDDDDDDDDDDsDk",
            "kDDDDDDDDDDDDDDk",
            "kkkkkkkkkkkkkkkk"};
    private static final String[] PIPE_TOP_LEFT = {
            "kkkkkkkkkkkkkkkk",
            "kPplllpppppppppp",
            "kPplllpppppppppp",
            "kPplllpppppppppp",
            "kPplllpppppppppp",
            "kPplllpppppppppp",
            "kPplllpppppppppp",
            "kkkkkkkkkkkkkkkk",
            "..kPplllpppppppp",
            "..kPplllpppppppp",
            "..kPplllpppppppp",
            "..kPplllpppppppp",
            "..kPplllpppppppp",
            "..kPplllpppppppp",
            "..kPplllpppppppp",
            "..kPplllpppppppp"};
    private static final String[] PIPE_TOP_RIGHT = {
            "kkkkkkkkkkkkkkkk",
            "ppppppppppPPPPPk",
            "ppppppppppPPPPPk",
            "ppppppppppPPPPPk",
            "ppppppppppPPPPPk",
            "ppppppppppPPPPPk",
            "ppppppppppPPPPPk",
            "kkkkkkkkkkkkkkkk",
            "pppppppPPPPPk...",
            "pppppppPPPPPk...",
            "pppppppPPPPPk...",
            "pppppppPPPPPk...",
            "pppppppPPPPPk...",
            "pppppppPPPPPk...",
            "pppppppPPPPPk...",
            "pppppppPPPPPk..."};
    private static final String[] PIPE_LEFT = repeat("..kPplllpppppppp");
    private static final String[] PIPE_RIGHT = repeat("pppppppPPPPPk...");
    private static final String[] CANNON_TOP = {
            "....kkkkkkkk....",
            "...kccccccccCk..",
            "..kcwccccccccCk.",
            "..kcccccccccCCk.",
            "..kcccckkccccCk.",
            "..kccckCCkcccCk.",
            "..kccckCCkcccCk.",
            "..kcccckkccccCk.",
            "..kcccccccccCCk.",
            "..kkkkkkkkkkkkk.",
            "..kCyyyyyyyyyCk.",
            "..kkkkkkkkkkkkk.",
            "...kcccccccCCk..",
            "...kcccccccCCk..",
            "...kcccccccCCk..",
            "...kcccccccCCk.."};
    private static final String[] CANNON = repeat("...kcccccccCCk..");
    private static final String[] COIN = {
            "................",
            "......kkkk......",
            ".....kyyyyk.....",
            "....kyywyyYk....",
            "....kywyyyYk....",
            "...kyywyyyyYk...",
            "...kyywyyyyYk...",
            "...kyywyyyyYk...",
            "...kyywyyyyYk...",
            "...kyyyyyyyYk...",
            "...kyyyyyyyYk...",
            "....kyyyyyYk....",
            "....kYyyyYYk....",
            ".....kYYYYk.....",
            "......kkkk......",
            "................"};
    private static final String[] PLAYER_STAND = {
            "................",
            ".....kkkkk......",
            "....ktttttk.....",
            "...kttttttTk....",
            "...ktTffffTk....",
            "...kTfkffkfk....",
            "...kTfkffkfk....",
            "....kffffffk....",
            "....kkttttkk....",
            "...kfkttttkfk...",
            "...kkttTTttkk...",
            "....kttTTttk....",
            "....ktTkkTtk....",
            "....kbbk.kbbk...",
            "...kbbbk.kbbbk..",
            "...kkkk...kkkk.."};
    private static final String[] PLAYER_RUN1 = {
            "................",
            ".....kkkkk......",
            "....ktttttk.....",
            "...kttttttTk....",
            "...ktTffffTk....",
            "...kTfkffkfk....",
            "...kTfkffkfk....",
            "....kffffffk....",
            "...kkkttttkk....",
            "..kfkttttttkfk..",
            "...kkttTTttkk...",
            "....kttTTttk....",
            "...kttkkkkTtk...",
            "..kbbk....kbbk..",
            ".kbbbk....kbbbk.",
            ".kkkk......kkkk."};
    private static final String[] PLAYER_RUN2 = {
            "................",
            "................",
            ".....kkkkk......",
            "....ktttttk.....",
            "...kttttttTk....",
            "...ktTffffTk....",
            "...kTfkffkfk....",
            "...kTfkffkfk....",
            "....kffffffk....",
            "....kkttttkk....",
            "...kfkttTtkfk...",
            "...kkttTTttkk...",
            "....kttkkTtk....",
            ".....kbbbbk.....",
            "....kbbbbbbk....",
            "....kkkkkkkk...."};
    private static final String[] PLAYER_JUMP = {
            ".....kkkkk......",
            "....ktttttk..kk.",
            "...kttttttTkkfk.",
            "...ktTffffTkfk..",
            "...kTfkffkfkk...",
            "...kTfkffkfk....",
            "....kffffffk....",
            "..kkkkttttkk....",
            ".kfkkttttttk....",
            "..kk.kttTTttk...",
            ".....kttTTtttk..",
            "....ktTkkkTtkbk.",
            "...kbbk...kkbbk.",
            "..kbbbk....kkk..",
            "..kkkk..........",
            "................"};
    private static final String[] ENEMY1 = {
            "................",
            "................",
            "................",
            "......kkkk......",
            "....kkmmmmkk....",
            "...kmmmmmmmmk...",
            "..kmmwwmmwwmmk..",
            "..kmmwkmmwkmmk..",
            ".kmmmwkmmwkmmmk.",
            ".kmemmmmmmmmemk.",
            ".kmmmmkkkkmmmmk.",
            ".kMmmmmmmmmmmMk.",
            "..kMMmmmmmmMMk..",
            "..kkMMMMMMMMkk..",
            ".kkk.kkkkkk.kkk.",
            "................"};
    private static final String[] ENEMY2 = {
            "................",
            "................",
            "................",
            "................",
            ".....kkkkkk.....",
            "...kkmmmmmmkk...",
            "..kmmwwmmwwmmk..",
            "..kmmwkmmwkmmk..",
            ".kmmmwkmmwkmmmk.",
            ".kmemmmmmmmmemk.",
            ".kmmmmkkkkmmmmk.",
            "kMmmmmmmmmmmmmMk",
            "kMMMmmmmmmmmMMMk",
            ".kkMMMMMMMMMMkk.",
            "..kkk.kkkk.kkk..",
            "................"};
    private static final String[] ENEMY_FLAT = {
            "................", "................", "................", "................",
            "................", "................", "................", "................",
            "................", "................",
            "....kkkkkkkk....",
            "..kkmmkkkkmmkk..",
            ".kmemmmmmmmmemk.",
            "kMMmmmmmmmmmmMMk",
            ".kkkkkkkkkkkkkk.",
            "................"};
    private static final String[] NPC_BODY = {
            "................",
            "................",
            ".....kkkkk......",
            "....kfffffk.....",
            "...kfkffkffk....",
            "...kfkffkffk....",
            "...kffffffffk...",
            "....kffWWffk....",
            ".....kkkkkk.....",
            "................",
            "................",
            "..kf........fk..",
            "..kk........kk..",
            "................",
            "................",
            "....kkk..kkk...."};
    private static final String[] NPC_ROBE = {
            "................",
            "....wwwwwww.....",
            "...ww.....ww....",
            "...w.......w....",
            "................",
            "................",
            "................",
            "................",
            "....wwwwwwww....",
            "...wwwwwwwwww...",
            "..wwwwwwwwwwww..",
            "..w.wwwwwwww.w..",
            "..w.wwwwwwww.w..",
            "...wwwwwwwwww...",
            "...wwwwwwwwww...",
            "................"};
    private static final String[] CLOUD = {
            "................",
            "................",
            "................",
            "......wwww......",
            "....wwwwwwww....",
            "...wwwwwwwwwww..",
            "..wwwwwwwwwwwww.",
            ".wwwwwwwwwwwwwww",
            "wwwwwwwwwwwwwwww",
            "wwwwwwwwwwwwwwww",
            ".WWWWWWWWWWWWWW.",
            "................",
            "................",
            "................",
            "................",
            "................"};
    private static final String[] HILL = {
            "................",
            "................",
            "................",
            "................",
            "................",
            "................",
            "......wwww......",
            "....wwwwwwww....",
            "...wwwwwwwwww...",
            "..wwwwwwwwwwww..",
            ".wwwwwwwwwwwwww.",
            ".wwwwwwwwwwwwww.",
            "wwwwwwwwwwwwwwww",
            "wwwwwwwwwwwwwwww",
            "wwwwwwwwwwwwwwww",
            "wwwwwwwwwwwwwwww"};
    private static final String[] WHITE = repeat("wwwwwwwwwwwwwwww");

    /** Every sprite in sheet order. */
    private static final String[][] SPRITES = {GROUND_TOP, GROUND, BRICK, QUESTION, USED, PIPE_TOP_LEFT,
            PIPE_TOP_RIGHT, PIPE_LEFT, PIPE_RIGHT, CANNON_TOP, CANNON, COIN, PLAYER_STAND, PLAYER_RUN1,
            PLAYER_RUN2, PLAYER_JUMP, ENEMY1, ENEMY2, ENEMY_FLAT, NPC_BODY, NPC_ROBE, CLOUD, HILL, WHITE};

    final Texture texture;
    final TextureRegion groundTop;
    final TextureRegion ground;
    final TextureRegion brick;
    final TextureRegion question;
    final TextureRegion used;
    final TextureRegion pipeTopLeft;
    final TextureRegion pipeTopRight;
    final TextureRegion pipeLeft;
    final TextureRegion pipeRight;
    final TextureRegion cannonTop;
    final TextureRegion cannon;
    final TextureRegion coin;
    final TextureRegion[] player; // stand, run1, run2, jump
    final TextureRegion[] enemy;  // walk1, walk2, flat
    final TextureRegion npcBody;
    final TextureRegion npcRobe;
    final TextureRegion cloud;
    final TextureRegion hill;
    final TextureRegion white;

    /** Draws the sheet and uploads it; call on the render thread with a GL context. */
    Art() {
        Pixmap sheet = drawSheet();
        texture = new Texture(sheet);
        sheet.dispose();
        int i = 0;
        groundTop = region(i++);
        ground = region(i++);
        brick = region(i++);
        question = region(i++);
        used = region(i++);
        pipeTopLeft = region(i++);
        pipeTopRight = region(i++);
        pipeLeft = region(i++);
        pipeRight = region(i++);
        cannonTop = region(i++);
        cannon = region(i++);
        coin = region(i++);
        player = new TextureRegion[] {region(i++), region(i++), region(i++), region(i++)};
        enemy = new TextureRegion[] {region(i++), region(i++), region(i++)};
        npcBody = region(i++);
        npcRobe = region(i++);
        cloud = region(i++);
        hill = region(i++);
        white = new TextureRegion(texture, (i % 8) * CELL + 4, (i / 8) * CELL + 4, 8, 8);
    }

    private TextureRegion region(int index) {
        return new TextureRegion(texture, (index % 8) * CELL, (index / 8) * CELL, CELL, CELL);
    }

    /** The sprite sheet as a Pixmap (needs only the libGDX natives, no GL); the caller disposes it. */
    static Pixmap drawSheet() {
        Pixmap p = new Pixmap(SHEET, SHEET, Pixmap.Format.RGBA8888);
        p.setBlending(Pixmap.Blending.None);
        for (int i = 0; i < SPRITES.length; i++) {
            paint(p, SPRITES[i], (i % 8) * CELL, (i / 8) * CELL);
        }
        return p;
    }

    /** Saves the sprite sheet as a PNG (e.g. into assets/). */
    static void writeSheet(FileHandle file) {
        Pixmap p = drawSheet();
        try {
            PixmapIO.writePNG(file, p);
        } finally {
            p.dispose();
        }
    }

    private static void paint(Pixmap p, String[] rows, int ox, int oy) {
        if (rows.length != CELL) {
            throw new IllegalStateException("a sprite has " + CELL + " rows, got " + rows.length);
        }
        for (int y = 0; y < CELL; y++) {
            String row = rows[y];
            for (int x = 0; x < CELL; x++) {
                char c = x < row.length() ? row.charAt(x) : '.';
                Integer rgba = PALETTE.get(c);
                if (rgba == null) {
                    throw new IllegalStateException("no palette colour for '" + c + "'");
                }
                p.drawPixel(ox + x, oy + y, rgba);
            }
        }
    }

    private static String[] repeat(String row) {
        String[] rows = new String[CELL];
        java.util.Arrays.fill(rows, row);
        return rows;
    }

    @Override
    public void close() {
        texture.dispose();
    }
}
