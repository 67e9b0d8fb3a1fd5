package dev.improv.serve.content;

/** {@code POST /v1/music}: the options of {@code improv music}; {@code wav} adds a rendering. */
public record MusicJob(String model, Integer bars, String key, String meter, Double tempo, Integer intensity, Long seed,
                       Double temperature, Double top_p, Double key_strength, Boolean wav) {
    /** WAV renders are 10 MB a minute: fewer bars for them. */
    static final int MAX_WAV_BARS = 32;

    /** The request with the CLI's defaults filled in, or a {@link BadRequest} naming the field. */
    public MusicJob checked() {
        boolean render = wav != null && wav;
        int b = BadRequest.within(bars, 16, 1, render ? MAX_WAV_BARS : 256, "bars");
        double t = tempo == null ? 120 : tempo;
        BadRequest.check(t >= 20 && t <= 400, "tempo", "must be in [20, 400], got " + t);
        double temp = temperature == null ? 0.95 : temperature;
        BadRequest.check(temp >= 0 && temp <= 5, "temperature", "must be in [0, 5], got " + temp);
        double p = top_p == null ? 0.95 : top_p;
        BadRequest.check(p > 0 && p <= 1, "top_p", "must be in (0, 1], got " + p);
        double strength = key_strength == null ? 1.5 : key_strength;
        BadRequest.check(strength >= 0 && strength <= 20, "key_strength", "must be in [0, 20], got " + strength);
        return new MusicJob(ModelNames.music(model), b, BadRequest.text(key, "G", 8, "key"),
                BadRequest.text(meter, "4/4", 8, "meter"), t, BadRequest.within(intensity, 4, 0, 7, "intensity"),
                seed == null ? 1L : seed, temp, p, strength, render);
    }
}
