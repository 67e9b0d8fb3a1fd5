package dev.improv.live;

import dev.improv.api.SessionStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The counters behind {@link SessionStats}: bars played and generated, underruns, latencies of
 * control changes and stingers. Not thread-safe: the session calls it with its lock held.
 */
final class PlaybackCounters {
    /** A control change waiting for the first bar made with it, to measure its latency. */
    private record LatencyWatch(int effectiveBar, long requestFrame, long barFrames) {
    }

    private final List<LatencyWatch> latencyWatches = new ArrayList<>();
    int barsPlayed;
    int underruns;
    long underrunNanos;
    int staleBarsPlayed;
    int dropouts;
    double outputPeak;
    double outputRms;
    long limitedSamples;
    private double maxControlLatencyBars;
    private double maxStingerLatencyBeats;
    private int barsGenerated;
    private double generationSeconds;
    private double generatedMusicSeconds;
    private long tokensDecoded;

    /** A change requested at {@code requestFrame} takes effect at bar {@code effectiveBar}. */
    void changeRequested(int effectiveBar, long requestFrame, long barFrames) {
        latencyWatches.add(new LatencyWatch(effectiveBar, requestFrame, barFrames));
    }

    /** Bar {@code bar}, made with current controls, starts at frame {@code barStart}. */
    void freshBarStarts(int bar, long barStart) {
        latencyWatches.removeIf(w -> {
            if (w.effectiveBar() > bar) {
                return false;
            }
            maxControlLatencyBars = Math.max(maxControlLatencyBars, (barStart - w.requestFrame()) / (double) w.barFrames());
            return true;
        });
    }

    /** A stinger started {@code beats} after it was asked for. */
    void stingerStarted(double beats) {
        maxStingerLatencyBeats = Math.max(maxStingerLatencyBeats, beats);
    }

    /**
     * One generation attempt took {@code seconds}; it made {@code musicSeconds} of music (0 when
     * cancelled) and the bar stream has decoded {@code streamTokens} tokens in all.
     */
    void generated(double seconds, boolean made, double musicSeconds, long streamTokens) {
        generationSeconds += seconds;
        tokensDecoded = Math.max(tokensDecoded, streamTokens);
        if (made) {
            barsGenerated++;
            generatedMusicSeconds += musicSeconds;
        }
    }

    SessionStats snapshot(double barsAhead, boolean audible, String failure, boolean finished) {
        return new SessionStats(barsPlayed, underruns, underrunNanos / 1_000_000, maxControlLatencyBars,
                maxStingerLatencyBeats, barsGenerated, generationSeconds, generatedMusicSeconds, staleBarsPlayed,
                dropouts, barsAhead, tokensDecoded, audible && failure == null, failure, finished, outputPeak, outputRms,
                limitedSamples);
    }
}
