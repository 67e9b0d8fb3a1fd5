package dev.improv.serve.content;

import dev.improv.level.GameLevels;
import java.util.List;

/**
 * {@code POST /v1/levels}: the options of {@code improv level}. {@code width} makes a whole level,
 * {@code chunks} streams that many 16-column chunks instead (a top-down game: a dungeon of {@code rooms},
 * or that many rooms; a push-puzzle game: one puzzle of the difficulty {@code prompt} names); {@code formats} picks among
 * {@code vglc} (text), {@code tmx} (Tiled map and tileset), {@code png}, {@code reach} (where the
 * playability agent can stand) and {@code path} (one way the agent crosses the level), the last two
 * for drawing over the level.
 *
 * <p>{@code level} (VGLC text, as {@code improv level --from}) starts from an existing level: with
 * {@code chunks} that many chunks are added after it, with {@code regenerate_chunk} that chunk of it
 * (16 columns, from 0) is drawn again with {@code seed} and every other column is kept. A dungeon
 * (zelda) is given only to redraw its room {@code regenerate_chunk} (row by row, from 0); the prompt may
 * then ask for that room's doors ("door north, no door east") and the neighbours' walls follow.
 */
public record LevelJob(String game, String prompt, Integer width, Integer chunks, String rooms, Long seed, Integer attempts,
                       List<String> formats, String level, Integer regenerate_chunk) {
    static final List<String> FORMATS = List.of("vglc", "tmx", "png", "reach", "path");
    /** A level to start from: as wide as the widest level the service makes, 22 rows (Lode Runner) of one byte a tile. */
    static final int MAX_LEVEL_CHARS = 2000 * 23;

    /** The request with defaults filled in, or a {@link BadRequest} naming the field. */
    public LevelJob checked() {
        BadRequest.check(width == null || chunks == null, "chunks", "give width or chunks, not both");
        BadRequest.check(regenerate_chunk == null || level != null, "regenerate_chunk", "needs the level to redraw a chunk of");
        BadRequest.check(level == null || width == null, "width", "a level to continue grows by chunks; give chunks, not width");
        BadRequest.check(level == null || (chunks == null) != (regenerate_chunk == null), "level",
                "give chunks (to add after the level) or regenerate_chunk (to redraw one of its chunks), one of the two");
        List<String> f = formats == null ? List.of("vglc") : formats;
        BadRequest.check(!f.isEmpty() && f.size() <= FORMATS.size(), "formats", "name 1 to " + FORMATS.size() + " of " + FORMATS);
        for (String one : f) {
            BadRequest.check(FORMATS.contains(one), "formats", "unknown format '" + one + "' (known: " + FORMATS + ")");
        }
        String start = level == null ? null : BadRequest.text(level, "", MAX_LEVEL_CHARS, "level");
        BadRequest.check(start == null || !start.isBlank(), "level", "is empty");
        return new LevelJob(ModelNames.levelGame(game), BadRequest.text(prompt, "", 500, "prompt"),
                chunks == null && start == null ? BadRequest.within(width, 150, 1, 2000, "width") : null,
                chunks == null ? null : BadRequest.within(chunks, 1, 1, 100, "chunks"),
                roomsChecked(), seed == null ? 1L : seed, BadRequest.within(attempts, 24, 1, 64, "attempts"), f, start,
                regenerate_chunk == null ? null : BadRequest.within(regenerate_chunk, 0, 0, 2000 / 16, "regenerate_chunk"));
    }

    /** The dungeon size WIDExHIGH, as {@code --rooms} takes it (default 4x3). */
    private String roomsChecked() {
        String r = BadRequest.text(rooms, "4x3", 8, "rooms");
        try {
            GameLevels.rooms(r);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("rooms", e.getMessage());
        }
        return r;
    }
}
