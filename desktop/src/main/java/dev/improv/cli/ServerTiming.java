package dev.improv.cli;

import java.util.Locale;

/**
 * The service's {@code Server-Timing} header of one answer: how long the request waited in the handler
 * before its job could run, and how long the job ran. A client's time past their sum was spent outside
 * the handler (accept, dispatch, the answer's write): the benches split a latency tail by these three.
 */
record ServerTiming(double waitMs, double runMs, long tokens) {

    /**
     * Reads {@code wait;dur=W, run;dur=R, tokens;desc=T} (tokens -1 when not given); null when the header
     * is absent or lacks wait or run.
     */
    static ServerTiming parse(String header) {
        if (header == null) {
            return null;
        }
        double wait = Double.NaN;
        double run = Double.NaN;
        long tokens = -1;
        for (String metric : header.split(",")) {
            String[] parts = metric.strip().split(";");
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("desc=") && parts[0].strip().equalsIgnoreCase("tokens")) {
                    tokens = Long.parseLong(p.substring(5).replace("\"", ""));
                } else if (p.startsWith("dur=")) {
                    double ms = Double.parseDouble(p.substring(4));
                    switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
                        case "wait" -> wait = ms;
                        case "run" -> run = ms;
                        default -> { }
                    }
                }
            }
        }
        return Double.isNaN(wait) || Double.isNaN(run) ? null : new ServerTiming(wait, run, tokens);
    }
}
