package dev.improv.model;

/**
 * How the next token is drawn from the logits.
 *
 * @param temperature       divides the logits; 0 means greedy (always the most likely token)
 * @param topK              keep only the k most likely tokens; 0 keeps all
 * @param topP              keep the smallest set whose probability reaches p; 1 keeps all
 * @param repetitionPenalty CTRL-style: logits of recently seen tokens are divided (if positive) or
 *                          multiplied (if negative) by this; 1 disables it
 * @param penaltyWindow     how many recent tokens the repetition penalty looks at
 */
public record SamplingSettings(float temperature, int topK, float topP, float repetitionPenalty, int penaltyWindow) {

    public static final SamplingSettings DEFAULT = new SamplingSettings(1.0f, 0, 0.95f, 1.0f, 64);
    public static final SamplingSettings GREEDY = new SamplingSettings(0f, 0, 1f, 1f, 0);

    public SamplingSettings {
        if (!(temperature >= 0 && temperature <= 100)) {
            throw new IllegalArgumentException("temperature must be in [0, 100], got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        if (!(repetitionPenalty >= 1 && repetitionPenalty <= 10)) {
            throw new IllegalArgumentException("repetition penalty must be in [1, 10], got " + repetitionPenalty);
        }
        if (penaltyWindow < 0) {
            throw new IllegalArgumentException("penalty window must be >= 0, got " + penaltyWindow);
        }
    }

    public SamplingSettings withTemperature(float t) {
        return new SamplingSettings(t, topK, topP, repetitionPenalty, penaltyWindow);
    }

    public SamplingSettings withTopK(int k) {
        return new SamplingSettings(temperature, k, topP, repetitionPenalty, penaltyWindow);
    }

    public SamplingSettings withTopP(float p) {
        return new SamplingSettings(temperature, topK, p, repetitionPenalty, penaltyWindow);
    }

    public SamplingSettings withRepetitionPenalty(float penalty, int window) {
        return new SamplingSettings(temperature, topK, topP, penalty, window);
    }
}
