package dev.improv.level;

/**
 * A whole level: its width, the prompt every chunk follows, and the seed (same request, same level).
 *
 * @param width  columns, at least 1
 * @param prompt free text such as "some gaps, high elevation"
 * @param seed   random seed
 */
public record LevelRequest(int width, String prompt, long seed) {
    public LevelRequest {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        prompt = prompt == null ? "" : prompt;
    }
}
