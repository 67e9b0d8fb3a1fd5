package dev.improv.model;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws training and validation loss against steps as a PNG. */
final class LossChart {
    private LossChart() {
    }

    /** A logged point; {@code valid} is NaN where there was no validation. */
    record Point(int step, double train, double valid) {
    }

    static void write(List<Point> points, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 800;
        int h = 480;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double maxStep = 1;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Point p : points) {
            maxStep = Math.max(maxStep, p.step());
            for (double v : new double[] {p.train(), p.valid()}) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double pad = Math.max(1e-3, (hi - lo) * 0.05);
        lo = Math.max(0, lo - pad);
        hi += pad;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(230, 230, 230));
        for (int i = 0; i <= 5; i++) {
            int y = top + (h - top - bottom) * i / 5;
            g.drawLine(left, y, w - right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", hi - (hi - lo) * i / 5), 10, y + 4);
            g.setColor(new Color(230, 230, 230));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, w - left - right, h - top - bottom);
        for (int i = 0; i <= 5; i++) {
            int x = left + (w - left - right) * i / 5;
            g.drawString(String.valueOf(Math.round(maxStep * i / 5)), x - 10, h - bottom + 18);
        }
        g.drawString("step", w / 2 - 10, h - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 25);
        g.setStroke(new BasicStroke(2f));
        drawSeries(g, points, true, new Color(52, 120, 200), left, top, w - left - right, h - top - bottom, maxStep, lo, hi);
        drawSeries(g, points, false, new Color(220, 90, 40), left, top, w - left - right, h - top - bottom, maxStep, lo, hi);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(52, 120, 200));
        g.drawString("train loss", w - 180, 25);
        g.setColor(new Color(220, 90, 40));
        g.drawString("validation loss", w - 110, 25);
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    private static void drawSeries(Graphics2D g, List<Point> points, boolean train, Color color, int x0, int y0,
                                   int width, int height, double maxStep, double lo, double hi) {
        g.setColor(color);
        int px = -1;
        int py = -1;
        for (Point p : points) {
            double v = train ? p.train() : p.valid();
            if (Double.isNaN(v)) {
                continue;
            }
            int x = x0 + (int) Math.round(width * p.step() / maxStep);
            int y = y0 + (int) Math.round(height * (hi - v) / (hi - lo));
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            } else if (!train) {
                g.fillOval(x - 2, y - 2, 5, 5);
            }
            if (!train) {
                g.fillOval(x - 2, y - 2, 5, 5);
            }
            px = x;
            py = y;
        }
    }
}
