package dev.improv.serve.content;

import dev.improv.level.GameLevels;
import java.util.List;

/**
 * {@code POST /v1/levels}: the options of {@code improv level}. {@code width} makes a whole level,
 * {@code chunks} streams that many 16-column chunks instead (a top-down game: a dungeon of {@code rooms},
 * or that many rooms; a push-puzzle game: one puzzle of the difficulty {@code prompt} names); {@code formats} picks among
 * {@code vglc} (text), {@code tmx} (Tiled map and tileset), {@code png} and {@code reach} (where the
 * playability agent can stand, for drawing over the level).
 */
public record LevelJob(String game, String prompt, Integer width, Integer chunks, String rooms, Long seed, Integer attempts,
                       List<String> formats) {
    static final List<String> FORMATS = List.of("vglc", "tmx", "png", "reach");

    /** The request with defaults filled in, or a {@link BadRequest} naming the field. */
    public LevelJob checked() {
        BadRequest.check(width == null || chunks == null, "chunks", "give width or chunks, not both");
        List<String> f = formats == null ? List.of("vglc") : formats;
        BadRequest.check(!f.isEmpty() && f.size() <= FORMATS.size(), "formats", "name 1 to " + FORMATS.size() + " of " + FORMATS);
        for (String one : f) {
            BadRequest.check(FORMATS.contains(one), "formats", "unknown format '" + one + "' (known: " + FORMATS + ")");
        }
        return new LevelJob(ModelNames.levelGame(game), BadRequest.text(prompt, "", 500, "prompt"),
                chunks == null ? BadRequest.within(width, 150, 1, 2000, "width") : null,
                chunks == null ? null : BadRequest.within(chunks, 1, 1, 100, "chunks"),
                roomsChecked(), seed == null ? 1L : seed, BadRequest.within(attempts, 24, 1, 64, "attempts"), f);
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
