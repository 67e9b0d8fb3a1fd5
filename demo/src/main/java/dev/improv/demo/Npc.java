package dev.improv.demo;

/** An NPC standing on the level, and where its speech bubble is in its life. */
final class Npc {
    enum Speech { SILENT, ASKED, SPEAKING, DONE }

    final int id;
    final float x;
    final float y;
    final Persona persona;
    Speech speech = Speech.SILENT;
    String text = "";
    /** "model", "fallback" or "authored": where the shown line came from. */
    String source = "";
    long askedNanos;
    float shownSeconds;

    Npc(int id, float x, float y, Persona persona) {
        this.id = id;
        this.x = x;
        this.y = y;
        this.persona = persona;
    }
}
