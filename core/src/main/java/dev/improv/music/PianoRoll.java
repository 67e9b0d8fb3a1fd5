package dev.improv.music;

import dev.improv.api.Meter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws a song as a piano roll: time to the right, pitch upwards, one colour per track, bar lines and a legend. */
public final class PianoRoll {

    private static final Color[] PALETTE = {
        new Color(0xF2, 0x8E, 0x2B), new Color(0x4E, 0x9F, 0xE5), new Color(0x6C, 0xC6, 0x6C), new Color(0xE5, 0x5B, 0x7A),
        new Color(0xB0, 0x8C, 0xE8), new Color(0xE8, 0xD1, 0x4B), new Color(0x4B, 0xD1, 0xC6), new Color(0xC9, 0x8B, 0x62),
    };
    private static final Color BACKGROUND = new Color(0x1E, 0x20, 0x26);
    private static final Color BLACK_KEY_ROW = new Color(0x19, 0x1B, 0x20);
    private static final Color BEAT_LINE = new Color(0x2C, 0x2F, 0x38);
    private static final Color BAR_LINE = new Color(0x5A, 0x5F, 0x6E);
    private static final Color C_LINE = new Color(0x33, 0x37, 0x42);
    private static final int ROW = 6;
    private static final int PER_QUARTER = 28;
    private static final int LEFT = 40;
    private static final int TOP = 28;

    private PianoRoll() {
    }

    /** The piano roll as an image (width grows with the song, capped at 8,000 pixels by squeezing time). */
    public static BufferedImage draw(Song song) {
        int lo = 127;
        int hi = 0;
        for (MidiNote n : song.notes()) {
            lo = Math.min(lo, n.pitch());
            hi = Math.max(hi, n.pitch());
        }
        if (lo > hi) {
            lo = 60;
            hi = 72;
        }
        lo = Math.max(0, lo - 2);
        hi = Math.min(127, hi + 2);
        long end = Math.max(song.endTick(), song.ticksPerQuarter() * 4L);
        double pxPerTick = Math.min((double) PER_QUARTER / song.ticksPerQuarter(), 7900.0 / end);
        int width = LEFT + (int) Math.ceil(end * pxPerTick) + 12;
        int height = TOP + (hi - lo + 1) * ROW + 14;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int p = lo; p <= hi; p++) {
            int y = yOf(p, hi);
            int pc = p % 12;
            if (pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10) {
                g.setColor(BLACK_KEY_ROW);
                g.fillRect(LEFT, y, width - LEFT, ROW);
            }
            if (pc == 0) {
                g.setColor(C_LINE);
                g.drawLine(LEFT, y + ROW, width, y + ROW);
                g.setColor(Color.LIGHT_GRAY);
                g.drawString("C" + (p / 12 - 1), 6, y + ROW);
            }
        }
        // Beat and bar lines, following the meter map.
        List<Long> bars = song.barStarts(end);
        for (int b = 0; b < bars.size(); b++) {
            long start = bars.get(b);
            Meter m = song.meterAt(start);
            long beat = (long) song.ticksPerQuarter() * 4 / m.denominator();
            long barEnd = b + 1 < bars.size() ? bars.get(b + 1) : start + m.ticksPerBar(song.ticksPerQuarter());
            g.setColor(BEAT_LINE);
            for (long t = start + beat; t < barEnd; t += beat) {
                int x = LEFT + (int) Math.round(t * pxPerTick);
                g.drawLine(x, TOP, x, height - 14);
            }
            int x = LEFT + (int) Math.round(start * pxPerTick);
            g.setColor(BAR_LINE);
            g.drawLine(x, TOP - 4, x, height - 14);
            if (b % 4 == 0) {
                g.setColor(Color.GRAY);
                g.drawString(String.valueOf(b + 1), x + 2, height - 3);
            }
        }
        for (MidiNote n : song.notes()) {
            Color c = PALETTE[n.track() % PALETTE.length];
            float bright = 0.55f + 0.45f * n.velocity() / 127f;
            Color fill = new Color(Math.min(255, (int) (c.getRed() * bright)), Math.min(255, (int) (c.getGreen() * bright)),
                    Math.min(255, (int) (c.getBlue() * bright)));
            int x = LEFT + (int) Math.round(n.startTick() * pxPerTick);
            int w = Math.max(2, (int) Math.round(n.durationTicks() * pxPerTick) - 1);
            int y = yOf(n.pitch(), hi);
            g.setColor(fill);
            g.fillRoundRect(x, y, w, ROW - 1, 3, 3);
            g.setColor(fill.brighter());
            g.drawLine(x, y, x, y + ROW - 2);
        }
        // Legend: one swatch per track.
        int lx = LEFT;
        g.setStroke(new BasicStroke(1f));
        for (int t = 0; t < song.tracks().size(); t++) {
            Track track = song.tracks().get(t);
            String label = (track.name().isEmpty() ? "track " + (t + 1) : track.name()) + (track.drums() ? " (drums)" : "");
            g.setColor(PALETTE[t % PALETTE.length]);
            g.fillRoundRect(lx, 9, 12, 10, 3, 3);
            g.setColor(Color.LIGHT_GRAY);
            g.drawString(label, lx + 16, 18);
            lx += 26 + g.getFontMetrics().stringWidth(label);
        }
        g.setColor(Color.GRAY);
        String info = song.key().shortName() + "  " + song.meterAt(0) + "  " + Math.round(song.bpmAt(0)) + " bpm";
        g.drawString(info, Math.max(lx + 10, width - 12 - g.getFontMetrics().stringWidth(info)), 18);
        g.dispose();
        return image;
    }

    private static int yOf(int pitch, int hi) {
        return TOP + (hi - pitch) * ROW;
    }

    /** Writes the piano roll as a PNG file. */
    public static void writePng(Song song, Path file) throws IOException {
        java.awt.image.BufferedImage image = draw(song);
        dev.improv.model.AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
