package dev.improv.drums;

import java.util.List;

/**
 * The drum kit the drum model plays: twelve classes of General MIDI percussion, each heard as one
 * sound. Roland TD-11 articulations in the Groove corpus (rim, edge, bow) fold into their class, the
 * way Magenta's drum models reduce the kit, so the model learns grooves rather than stick positions.
 */
public final class DrumKit {

    /** The classes, in token order, with the General MIDI note each one is played as. */
    public enum Piece {
        KICK(36), SNARE(38), SIDE_STICK(37), CLOSED_HAT(42), PEDAL_HAT(44), OPEN_HAT(46),
        LOW_TOM(43), MID_TOM(47), HIGH_TOM(50), CRASH(49), RIDE(51), RIDE_BELL(53);

        /** The General MIDI percussion note (channel 10). */
        public final int note;

        Piece(int note) {
            this.note = note;
        }
    }

    /** Number of classes. */
    public static final int PIECES = Piece.values().length;

    private static final List<Piece> ALL = List.of(Piece.values());
    private static final Piece[] BY_NOTE = new Piece[128];

    static {
        for (Piece p : Piece.values()) {
            BY_NOTE[p.note] = p;
        }
        map(Piece.KICK, 35);
        map(Piece.SNARE, 40, 39);               // rim shot, hand clap
        map(Piece.CLOSED_HAT, 22);              // TD-11 closed hi-hat edge
        map(Piece.OPEN_HAT, 26);                // TD-11 open hi-hat edge
        map(Piece.LOW_TOM, 41, 58);             // low floor tom, TD-11 floor tom rim
        map(Piece.MID_TOM, 45);
        map(Piece.HIGH_TOM, 48);
        map(Piece.CRASH, 52, 55, 57);           // china, splash, crash 2
        map(Piece.RIDE, 59);                    // ride 2 / TD-11 ride edge
    }

    private DrumKit() {
    }

    private static void map(Piece piece, int... notes) {
        for (int n : notes) {
            BY_NOTE[n] = piece;
        }
    }

    /** The class of a General MIDI percussion note, or null for a note the kit does not have. */
    public static Piece pieceOf(int note) {
        return note >= 0 && note < 128 ? BY_NOTE[note] : null;
    }

    /** Class {@code index} in token order. */
    public static Piece piece(int index) {
        return ALL.get(index);
    }
}
