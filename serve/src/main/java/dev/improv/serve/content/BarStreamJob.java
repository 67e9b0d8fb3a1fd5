package dev.improv.serve.content;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import java.util.List;

/**
 * {@code POST /v1/music/bars}: the next bar of music streamed by the api's remote music engine, the bar
 * that the in-process band engine's bar stream (the api's default) makes after the same steps. The request carries
 * the controls of every bar kept so far and of the bar wanted (the last); the answer is that bar's notes.
 */
public record BarStreamJob(Long seed, List<Controls> bars) {
    /** As many bars as {@code /v1/music} makes at most. */
    static final int MAX_BARS = 256;

    /**
     * One bar's controls, as the api's {@code MusicControls}; {@code cadence} 0 or 1 asks for that bar
     * of a closing cadence instead of an ordinary bar.
     */
    public record Controls(Integer intensity, String key, String mood, Double tempo, String meter, Integer cadence) {
        /** The api's controls, or a {@link BadRequest} naming the field. */
        MusicControls toApi(String field) {
            int i = BadRequest.within(intensity, 3, 0, 7, field + ".intensity");
            double t = tempo == null ? 112 : tempo;
            BadRequest.check(t >= 20 && t <= 400, field + ".tempo", "must be in [20, 400], got " + t);
            Mood m;
            try {
                // A built-in mood, or one of the service's mood file (improv serve --moods) that the band knows.
                m = mood == null ? Mood.CALM : Mood.of(BadRequest.text(mood, "", Mood.MAX_NAME, field + ".mood"));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(field + ".mood", e.getMessage());
            }
            List<String> known = MusicJob.serviceMoods().names();
            BadRequest.check(m.isBuiltIn() || known.contains(m.name()), field + ".mood",
                    "unknown mood '" + m.name() + "' (known: the built-in " + Mood.values() + " and the service's " + known + ")");
            Key k = key == null ? Key.C_MAJOR
                    : BadRequest.parsed(field + ".key", () -> Key.parse(BadRequest.text(key, "", 8, field + ".key")));
            Meter mt = meter == null ? Meter.FOUR_FOUR
                    : BadRequest.parsed(field + ".meter", () -> Meter.parse(BadRequest.text(meter, "", 8, field + ".meter")));
            return new MusicControls(i, k, m, t, mt);
        }

        /** The cadence step, or -1 for an ordinary bar. */
        int cadenceStep(String field) {
            return cadence == null ? -1 : BadRequest.within(cadence, 0, 0, 1, field + ".cadence");
        }
    }

    /** The request with defaults filled in, or a {@link BadRequest} naming the field. */
    public BarStreamJob checked() {
        BadRequest.check(bars != null && !bars.isEmpty() && bars.size() <= MAX_BARS, "bars",
                "must list 1 to " + MAX_BARS + " bars' controls, the wanted bar last");
        for (int i = 0; i < bars.size(); i++) {
            BadRequest.check(bars.get(i) != null, "bars[" + i + "]", "must be an object");
            bars.get(i).toApi("bars[" + i + "]");
            bars.get(i).cadenceStep("bars[" + i + "]");
        }
        return new BarStreamJob(seed == null ? 1L : seed, List.copyOf(bars));
    }
}
