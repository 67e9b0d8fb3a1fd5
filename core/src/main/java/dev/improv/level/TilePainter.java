package dev.improv.level;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * Draws one tile as a small picture chosen by its legend tags (ground, brick, question block, pipe,
 * enemy, coin, ladder, rope, gold, wall, box, goal...), so any game's legend gets readable images without art files.
 * Tiles with no recognised tag get a coloured square with their character.
 */
final class TilePainter {
    static final int SIZE = 16;
    private static final Color SKY = new Color(0x9B, 0xD4, 0xFF);
    private static final Color FLOOR = new Color(0xD8, 0xC8, 0x98);
    private final Legend legend;

    TilePainter(Legend legend) {
        this.legend = legend;
    }

    /** Paints tile {@code c} with its top-left corner at (x, y); {@code background} fills first. */
    void paint(Graphics2D g, char c, int x, int y, boolean background) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        boolean topDown = tag(legend.empty(), "floor"); // the empty tile is a floor, not sky
        if (background) {
            g.setColor(topDown ? FLOOR : SKY);
            g.fillRect(x, y, SIZE, SIZE);
            if (topDown) {
                g.setColor(FLOOR.darker());
                g.drawRect(x, y, SIZE - 1, SIZE - 1);
            }
        }
        if (c == legend.empty()) {
            return;
        }
        if (tag(c, "void")) {
            g.setColor(Color.BLACK);
            g.fillRect(x, y, SIZE, SIZE);
        } else if (tag(c, "locked")) {
            door(g, x, y);
            g.setColor(new Color(0xF0, 0xC0, 0x20));
            g.fillRect(x + 5, y + 6, 6, 5);
            g.drawArc(x + 5, y + 2, 6, 7, 0, 180);
        } else if (tag(c, "door")) {
            door(g, x, y);
        } else if (tag(c, "stair")) {
            g.setColor(new Color(0x40, 0x30, 0x20));
            g.fillRect(x, y, SIZE, SIZE);
            g.setColor(new Color(0xC0, 0xA0, 0x70));
            for (int i = 0; i < 4; i++) {
                g.fillRect(x + 1 + i * 2, y + 2 + i * 4, SIZE - 2 - i * 4, 2);
            }
        } else if (tag(c, "key")) {
            g.setColor(new Color(0xF0, 0xC0, 0x20));
            g.fillOval(x + 2, y + 2, 7, 7);
            g.fillRect(x + 7, y + 5, 7, 2);
            g.fillRect(x + 11, y + 7, 2, 4);
        } else if (tag(c, "hazard") && (tag(c, "water") || tag(c, "lava") || tag(c, "element"))) {
            boolean lava = tag(c, "lava");
            g.setColor(lava ? new Color(0xD0, 0x40, 0x10) : new Color(0x20, 0x60, 0xD0));
            g.fillRect(x, y, SIZE, SIZE);
            g.setColor(lava ? new Color(0xFF, 0xA0, 0x30) : new Color(0x80, 0xC0, 0xFF));
            g.drawArc(x + 1, y + 4, 7, 4, 0, 180);
            g.drawArc(x + 8, y + 9, 7, 4, 0, 180);
        } else if (tag(c, "block")) {
            box(g, x, y, tag(c, "element") ? new Color(0x50, 0x70, 0x90) : new Color(0x60, 0x80, 0x60), new Color(0x20, 0x30, 0x20));
            g.setColor(new Color(0xA0, 0xC0, 0xA0));
            g.drawLine(x + 2, y + 2, x + SIZE - 4, y + 2);
            g.drawLine(x + 2, y + 2, x + 2, y + SIZE - 4);
        } else if (tag(c, "element")) { // walkable over a hazard's edge (VGLC Zelda 'O')
            g.setColor(new Color(0x60, 0x90, 0xD0));
            g.fillRect(x + 2, y + 2, SIZE - 4, SIZE - 4);
        } else if (tag(c, "wall") && topDown) {
            box(g, x, y, new Color(0x70, 0x70, 0x78), new Color(0x30, 0x30, 0x38));
            g.setColor(new Color(0x50, 0x50, 0x58));
            g.drawLine(x, y + 7, x + SIZE - 1, y + 7);
            g.drawLine(x + 7, y, x + 7, y + 7);
            g.drawLine(x + 3, y + 8, x + 3, y + SIZE - 1);
        } else if (tag(c, "pipe")) {
            pipe(g, c, x, y);
        } else if (tag(c, "question block")) {
            boolean used = tag(c, "empty question block");
            box(g, x, y, used ? new Color(0x8A, 0x5A, 0x2B) : new Color(0xF5, 0xB8, 0x1C), new Color(0x5A, 0x32, 0x10));
            if (!used) {
                g.setColor(new Color(0x7A, 0x3A, 0x00));
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 13));
                g.drawString("?", x + 4, y + 13);
            }
        } else if (tag(c, "cannon")) {
            g.setColor(new Color(0x30, 0x30, 0x30));
            g.fillRect(x + 2, y, SIZE - 4, SIZE);
            if (legend.tags(c).stream().anyMatch(t -> t.toLowerCase().contains("top"))) {
                g.setColor(Color.WHITE);
                g.fillOval(x + 5, y + 4, 6, 6);
            }
        } else if (tag(c, "breakable") || tag(c, "diggable")) {
            brick(g, x, y);
        } else if (tag(c, "ground") || tag(c, "solid")) {
            box(g, x, y, new Color(0xB0, 0x60, 0x20), new Color(0x4A, 0x22, 0x08));
            g.setColor(new Color(0xE0, 0x9A, 0x5A));
            g.drawLine(x + 1, y + 1, x + SIZE - 3, y + 1);
        } else if (tag(c, "enemy")) {
            g.setColor(new Color(0x8B, 0x3A, 0x1A));
            g.fillOval(x + 1, y + 2, SIZE - 2, SIZE - 5);
            g.setColor(Color.WHITE);
            g.fillRect(x + 4, y + 6, 3, 3);
            g.fillRect(x + 9, y + 6, 3, 3);
            g.setColor(Color.BLACK);
            g.fillRect(x + 3, y + SIZE - 3, 4, 3);
            g.fillRect(x + 9, y + SIZE - 3, 4, 3);
        } else if (tag(c, "coin") || tag(c, "gold")) {
            g.setColor(new Color(0xFF, 0xD7, 0x00));
            g.fillOval(x + 4, y + 2, 8, 12);
            g.setColor(new Color(0xA0, 0x70, 0x00));
            g.drawOval(x + 4, y + 2, 8, 12);
        } else if (tag(c, "ladder")) {
            g.setColor(new Color(0xD0, 0xD0, 0xD0));
            g.fillRect(x + 2, y, 2, SIZE);
            g.fillRect(x + SIZE - 4, y, 2, SIZE);
            for (int r = 2; r < SIZE; r += 5) {
                g.fillRect(x + 2, y + r, SIZE - 4, 2);
            }
        } else if (tag(c, "rope")) {
            g.setColor(new Color(0xE8, 0xE0, 0xC0));
            g.fillRect(x, y + 2, SIZE, 2);
        } else if (tag(c, "platform")) {
            g.setColor(new Color(0x60, 0x90, 0x40));
            g.fillRect(x, y, SIZE, 5);
        } else if (tag(c, "box")) {
            box(g, x + 1, y + 1, SIZE - 2, new Color(0xC8, 0x8A, 0x3C), new Color(0x5A, 0x32, 0x10));
            g.setColor(new Color(0x5A, 0x32, 0x10));
            g.drawLine(x + 2, y + 2, x + SIZE - 3, y + SIZE - 3);
            g.drawLine(x + SIZE - 3, y + 2, x + 2, y + SIZE - 3);
        } else if (tag(c, "goal")) {
            g.setColor(new Color(0xE0, 0x30, 0x30));
            g.setStroke(new BasicStroke(2));
            g.drawOval(x + 4, y + 4, SIZE - 8, SIZE - 8);
        } else if (tag(c, "wall")) {
            box(g, x, y, new Color(0x70, 0x70, 0x78), new Color(0x30, 0x30, 0x38));
            g.setColor(new Color(0x50, 0x50, 0x58));
            g.drawLine(x, y + 7, x + SIZE - 1, y + 7);
            g.drawLine(x + 7, y, x + 7, y + 7);
            g.drawLine(x + 3, y + 8, x + 3, y + SIZE - 1);
        } else if (tag(c, "spawn") || tag(c, "player")) {
            g.setColor(new Color(0x20, 0x40, 0xE0));
            g.fillOval(x + 5, y + 1, 6, 6);
            g.fillRect(x + 5, y + 7, 6, 8);
        } else {
            g.setColor(new Color(0x80 + (c * 37) % 128, 0x80 + (c * 91) % 128, 0x80 + (c * 53) % 128));
            g.fillRect(x + 1, y + 1, SIZE - 2, SIZE - 2);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 12));
            g.drawString(String.valueOf(c), x + 4, y + 12);
        }
    }

    /** A wooden door in a stone frame. */
    private static void door(Graphics2D g, int x, int y) {
        g.setColor(new Color(0x30, 0x30, 0x38));
        g.fillRect(x, y, SIZE, SIZE);
        g.setColor(new Color(0x9A, 0x5A, 0x20));
        g.fillRect(x + 2, y + 2, SIZE - 4, SIZE - 2);
        g.setColor(new Color(0x5A, 0x32, 0x10));
        g.drawLine(x + 7, y + 2, x + 7, y + SIZE - 1);
    }

    private boolean tag(char c, String t) {
        return legend.hasTag(c, t);
    }

    private static void box(Graphics2D g, int x, int y, Color fill, Color edge) {
        box(g, x, y, SIZE, fill, edge);
    }

    private static void box(Graphics2D g, int x, int y, int size, Color fill, Color edge) {
        g.setColor(fill);
        g.fillRect(x, y, size, size);
        g.setColor(edge);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, y, size - 1, size - 1);
    }

    private static void brick(Graphics2D g, int x, int y) {
        box(g, x, y, new Color(0xC8, 0x4C, 0x0C), new Color(0x30, 0x10, 0x00));
        g.setColor(new Color(0x30, 0x10, 0x00));
        g.drawLine(x, y + 7, x + SIZE - 1, y + 7);
        g.drawLine(x + 7, y, x + 7, y + 7);
        g.drawLine(x + 3, y + 8, x + 3, y + SIZE - 1);
        g.drawLine(x + 11, y + 8, x + 11, y + SIZE - 1);
    }

    private void pipe(Graphics2D g, char c, int x, int y) {
        boolean top = legend.tags(c).stream().anyMatch(t -> t.startsWith("top"));
        boolean leftHalf = legend.tags(c).stream().anyMatch(t -> t.contains("left"));
        Color body = new Color(0x20, 0xA0, 0x30);
        Color dark = new Color(0x0A, 0x50, 0x10);
        Color light = new Color(0x90, 0xE0, 0x70);
        g.setColor(body);
        if (top) {
            g.fillRect(x, y, SIZE, SIZE);
            g.setColor(dark);
            g.drawLine(x, y, x + SIZE - 1, y);
            g.drawLine(x, y + SIZE - 1, x + SIZE - 1, y + SIZE - 1);
            g.drawLine(leftHalf ? x : x + SIZE - 1, y, leftHalf ? x : x + SIZE - 1, y + SIZE - 1);
        } else {
            int x0 = leftHalf ? x + 2 : x;
            int x1 = leftHalf ? x + SIZE : x + SIZE - 2;
            g.fillRect(x0, y, x1 - x0, SIZE);
            g.setColor(dark);
            g.drawLine(leftHalf ? x0 : x1 - 1, y, leftHalf ? x0 : x1 - 1, y + SIZE - 1);
        }
        if (leftHalf) {
            g.setColor(light);
            g.fillRect(x + 4, y + 1, 3, SIZE - 2);
        }
    }
}
