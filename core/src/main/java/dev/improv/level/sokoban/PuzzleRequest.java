package dev.improv.level.sokoban;

/**
 * One puzzle to make.
 *
 * @param band difficulty band (index into the model's bands), or {@link #ANY_BAND}
 * @param seed sampling seed: the same request gives the same puzzle
 */
public record PuzzleRequest(int band, long seed) {
    public static final int ANY_BAND = -1;

    public PuzzleRequest {
        if (band < ANY_BAND) {
            throw new IllegalArgumentException("band must be " + ANY_BAND + " (any) or a band index, got " + band);
        }
    }

    /** A request for a named difficulty ("easy", "hard"; empty or "any" for any). */
    public static PuzzleRequest of(String difficulty, long seed, DifficultyBands bands) {
        String d = difficulty == null ? "" : difficulty.trim();
        return new PuzzleRequest(d.isEmpty() || d.equalsIgnoreCase("any") ? ANY_BAND : bands.parse(d), seed);
    }
}
