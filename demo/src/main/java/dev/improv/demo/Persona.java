package dev.improv.demo;

import java.util.List;

/**
 * Who an NPC is: a role, first-person facts for the dialogue engine (slots {place}, {item},
 * {player}), the tone asked for, the line the player opens with, an authored line for a missed
 * deadline, and robe colour for the sprite.
 */
record Persona(String role, List<String> facts, String mood, String opener, String authored, int robeRgb) {

    /** The cast of the demo; NPCs are drawn from it in turn. */
    static final List<Persona> CAST = List.of(
            new Persona("shopkeeper", List.of("I am the shopkeeper of {place}.", "I sell {item} and rope.",
                    "I count my coins every night."), "cheerful", "How much is a lantern?",
                    "Come in, come in! Fresh {item} today.", 0xd9a441),
            new Persona("guard", List.of("I am a guard at the gate of {place}.", "I have stood here for ten years.",
                    "I do not trust strangers."), "grumpy", "Is the road ahead safe?",
                    "Keep moving, {player}. No trouble here.", 0x5b6ee1),
            new Persona("hermit", List.of("I am a hermit who lives in the hills above {place}.",
                    "I talk to the birds.", "I left the city long ago."), "neutral", "Any coins around here?",
                    "The hills are quiet. I like them quiet.", 0x8f974a),
            new Persona("miner", List.of("I am a miner from the pits below {place}.", "I dig for {item}.",
                    "I love the smell of rain after a long shift."), "cheerful", "Is the ground ahead safe?",
                    "Watch your step; the ground here is hollow.", 0x9e5b3a),
            new Persona("baker", List.of("I am the baker of {place}.", "I get up before the sun.",
                    "My bread is the best in the valley."), "cheerful", "Seen any monsters today?",
                    "Bread's still warm. Take a roll for the road!", 0xe8d9c8),
            new Persona("old sailor", List.of("I am an old sailor retired to {place}.", "I lost a ship in a storm.",
                    "I miss the sea every day."), "grumpy", "Any monsters about, old timer?",
                    "The sea gives and the sea takes, {player}.", 0x3f8f9e));
}
