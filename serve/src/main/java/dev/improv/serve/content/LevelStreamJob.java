package dev.improv.serve.content;

import java.util.List;

/**
 * {@code POST /v1/levels/stream}: the next chunk of a level streamed by the api's remote level engine,
 * the chunk that the in-process transformer engine's stream makes after the same steps. The request
 * carries the stream so far: {@code segment} authored chunks placed (the last just before chunk
 * {@code start}), then one chunk for each of {@code prompts}; the answer is the last of those chunks.
 */
public record LevelStreamJob(String game, Long seed, Integer segment, Integer start, List<String> prompts) {
    /** As many chunks as {@code /v1/levels} streams at most. */
    static final int MAX_PROMPTS = 100;

    /** The request with defaults filled in, or a {@link BadRequest} naming the field. */
    public LevelStreamJob checked() {
        String g = ModelNames.levelGame(game);
        BadRequest.check(!g.equals("boxoban"), "game", "boxoban makes whole puzzles, not streams: use /v1/levels");
        int seg = BadRequest.within(segment, 0, 0, 1_000_000, "segment");
        int first = BadRequest.within(start, 0, 0, 1_000_000, "start");
        BadRequest.check(seg == 0 || first >= 1, "start", "a segment after an authored chunk starts after it (at 1 or later)");
        BadRequest.check(prompts != null && !prompts.isEmpty() && prompts.size() <= MAX_PROMPTS, "prompts",
                "must list 1 to " + MAX_PROMPTS + " prompts, one a chunk");
        for (int i = 0; i < prompts.size(); i++) {
            BadRequest.check(prompts.get(i) != null, "prompts[" + i + "]", "must be a text");
            BadRequest.text(prompts.get(i), "", 500, "prompts[" + i + "]");
        }
        return new LevelStreamJob(g, seed == null ? 1L : seed, seg, first, List.copyOf(prompts));
    }
}
