package dev.improv.api;

/** A time signature such as 4/4 or 6/8. */
public record Meter(int numerator, int denominator) {

    public static final Meter FOUR_FOUR = new Meter(4, 4);

    public Meter {
        if (numerator < 1 || numerator > 32) {
            throw new IllegalArgumentException("meter numerator must be in 1..32, got " + numerator);
        }
        if (denominator < 1 || denominator > 32 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException("meter denominator must be a power of two up to 32, got " + denominator);
        }
    }

    /** Parses "3/4" style text; throws IllegalArgumentException with the text on anything else. */
    public static Meter parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("meter must look like 4/4 or 6/8, got '" + text + "'");
        }
        try {
            return new Meter(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("meter must look like 4/4 or 6/8, got '" + text + "'");
        }
    }

    /** Length of one bar in quarter notes (6/8 is 3). */
    public double quarters() {
        return numerator * 4.0 / denominator;
    }

    /** Length of one bar in ticks at the given resolution. */
    public long ticksPerBar(int ticksPerQuarter) {
        return (long) numerator * ticksPerQuarter * 4 / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
