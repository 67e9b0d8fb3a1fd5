package dev.improv.api;

/**
 * What a live music session has done so far.
 *
 * @param barsPlayed            bars fully handed to the audio output
 * @param underruns             times playback had to wait for generation
 * @param underrunMillis        total time playback waited
 * @param maxControlLatencyBars longest time, in bars, from a control change to the first bar made with it
 * @param maxStingerLatencyBeats longest time, in beats, from a stinger request to its first note
 * @param barsGenerated         bars generated, including ones thrown away when the controls changed
 * @param generationSeconds     time spent generating bars
 * @param generatedMusicSeconds musical duration of the bars generated
 * @param staleBarsPlayed       bars played with superseded controls because their regeneration was
 *                              not ready at the bar line (real time only; the change came a bar later)
 * @param dropouts              times synthesis fell behind the clock, so a device would have played a
 *                              gap (counted only where the session paces itself by the clock)
 * @param barsAhead             music generated ahead of playback, in bars (the lookahead a HUD shows)
 * @param tokensDecoded         tokens the music engine's decoder has run (0 for an engine without one)
 * @param audible               false when there is no sound device and the session plays silently, or
 *                              when it failed
 * @param failure               why the session stopped making music, or null while it is healthy
 * @param finished              true once the session has played its closing cadence (see
 *                              {@link MusicSession#finish()}) and stopped
 * @param outputPeak            the largest sample played so far, 0..1 of full scale: live output is
 *                              normalised (RMS aimed at -18 dBFS) and limited to -1 dBFS, so never 1
 * @param outputRms             the RMS of everything played so far, 0..1 of full scale
 * @param limitedSamples        samples the limiter held at its ceiling because a peak came faster
 *                              than its 1.5 ms attack (0 in a healthy session)
 */
public record SessionStats(int barsPlayed, int underruns, long underrunMillis, double maxControlLatencyBars,
                           double maxStingerLatencyBeats, int barsGenerated, double generationSeconds,
                           double generatedMusicSeconds, int staleBarsPlayed, int dropouts, double barsAhead,
                           long tokensDecoded, boolean audible, String failure,
                           boolean finished, double outputPeak, double outputRms, long limitedSamples) {

    /** Tokens decoded per second of generation time: the music engine's speed while it works. */
    public double tokensPerSecond() {
        return generationSeconds > 0 ? tokensDecoded / generationSeconds : 0;
    }

    /** True once the session has stopped making music for good (see {@link #failure()}). */
    public boolean failed() {
        return failure != null;
    }

    /** Seconds of music generated per second of generation time; above 1 keeps up with playback. */
    public double realTimeFactor() {
        return generationSeconds > 0 ? generatedMusicSeconds / generationSeconds : 0;
    }
}
