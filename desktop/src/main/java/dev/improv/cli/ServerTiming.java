package dev.improv.cli;

import java.util.Locale;

/**
 * The service's {@code Server-Timing} header of one answer: how long the request waited in the handler
 * before its job could run, and how long the job ran. A client's time past their sum was spent outside
 * the handler (accept, dispatch, the answer's write): the benches split a latency tail by these three.
 */
record ServerTiming(double waitMs, double runMs) {

    /** Reads {@code wait;dur=W, run;dur=R}; null when the header is absent or names neither. */
    static ServerTiming parse(String header) {
        if (header == null) {
            return null;
        }
        double wait = Double.NaN;
        double run = Double.NaN;
        for (String metric : header.split(",")) {
            String[] parts = metric.strip().split(";");
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("dur=")) {
                    double ms = Double.parseDouble(p.substring(4));
                    switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
                        case "wait" -> wait = ms;
                        case "run" -> run = ms;
                        default -> { }
                    }
                }
            }
        }
        return Double.isNaN(wait) || Double.isNaN(run) ? null : new ServerTiming(wait, run);
    }
}
