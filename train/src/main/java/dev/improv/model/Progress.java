package dev.improv.model;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr for long work (training, evaluation, batch generation): a bar, a rate
 * and the time left. On a terminal it redraws one line; elsewhere (CI logs) it prints a line every
 * few seconds so logs stay short.
 */
public final class Progress {
    private final String label;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private long done;
    private long startDone;
    private String extra = "";

    public Progress(String label, long total, String unit) {
        this(label, total, unit, System.err, System.console() != null);
    }

    Progress(String label, long total, String unit, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Marks work done before this process started (a resumed training run), so the rate and the
     * time left count only what this process did.
     */
    public Progress resumedAt(long alreadyDone) {
        startDone = alreadyDone;
        done = alreadyDone;
        return this;
    }

    /** Records progress up to {@code doneSoFar} units and redraws if it is time to. */
    public void update(long doneSoFar, String details) {
        this.done = doneSoFar;
        this.extra = details == null ? "" : details;
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 10_000_000_000L;
        if (now - lastPrint >= interval || doneSoFar >= total) {
            lastPrint = now;
            print(false);
        }
    }

    /** Prints the final state and ends the line. */
    public void finish(String details) {
        this.extra = details == null ? extra : details;
        print(true);
    }

    /** Seconds since this progress started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void print(boolean last) {
        double elapsed = elapsedSeconds();
        double fraction = Math.min(1.0, done / (double) total);
        int width = 24;
        int filled = (int) Math.round(fraction * width);
        String bar = "=".repeat(filled) + (filled < width ? ">" : "") + " ".repeat(Math.max(0, width - filled - 1));
        double rate = (done - startDone) / Math.max(elapsed, 1e-9);
        double left = done > startDone ? (total - done) / rate : Double.NaN;
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d %s  %s  elapsed %s  left %s", label, bar, done,
                total, unit, extra, time(elapsed), Double.isNaN(left) ? "?" : time(left));
        if (terminal) {
            out.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
