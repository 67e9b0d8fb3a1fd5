package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.NpcReply;
import dev.improv.dialogue.NpcVoice;

import dev.improv.dialogue.FallbackGrammar;

import dev.improv.model.Decoder;
import dev.improv.model.LanguageModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code improv bench dialogue}: how long an NPC reply takes, warm, against the target of 100 ms for
 * a reply of up to 30 tokens; one JSON line on stdout.
 */
@Command(name = "dialogue",
        header = "Times NPC replies through the full path after a warm-up; one JSON line.", mixinStandardHelpOptions = true,
        description = {"Times NPC replies after a warm-up, through the full path (fact retrieval, model, invented-fact "
                + "guard, redraws, fallback); prints one JSON line.",
                "warm: the NPC's persona is already in a decoder (a conversation in progress); "
                + "cold: a fresh generator that must read the whole prompt; peer: the bare decoder stepping the same number of "
                + "tokens with no sampling or rules, to show what the guardrails cost."})
public final class BenchDialogueCommand implements Callable<Integer> {
    /** A card like a game's: a persona and fourteen facts, for the full path (retrieval, model, guard). */
    private static final NpcCard CARD = NpcCard.of("Brom", "blacksmith",
            List.of("I am the blacksmith of {place}.", "I have two sons.", "I do not trust strangers."),
            List.of("Repairing a sword costs 12 gold.", "A new iron helmet costs 30 gold.", "I close the forge at sunset.",
                    "My son Tomas sells arrows at the market.", "The old mine is north of the village.",
                    "Horseshoes are 2 silver each.", "I buy iron ore for 5 silver a sack.", "The ferry leaves at dawn.",
                    "The mayor is called Edda.", "Wolves have been seen on the east road.", "A dagger costs 8 gold.",
                    "The inn serves stew until midnight.", "Sharpening a woodsman's axe costs 1 gold.",
                    "A steel hatchet for the woodpile is 4 gold."));
    private static final Map<String, String> SLOTS = Map.of("place", "Riverton", "item", "sword");
    private static final List<String> SAYS = List.of("Hello! What do you make here?", "How much to repair my sword?",
            "When do you close?", "Can you fix my {item}?", "Where is the old mine?", "Who is the mayor?",
            "Have you seen anything strange lately?", "What does a dagger cost?",
            // two lines answer alike (the words prefer the hatchet, the meaning the axe): the NPC says both
            "How much for an axe for my woodpile?");

    @Mixin
    ModelOption model = new ModelOption("dialogue");

    @Option(names = "--runs", defaultValue = "60", description = "Timed replies. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", defaultValue = "40", description = "Untimed replies first (JIT). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--max-tokens", defaultValue = "30", description = "Most tokens of a reply. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --warmup at least 0");
        }
        LanguageModel lm = model.load();
        DialogueGenerator generator = DialogueGenerator.of(lm, FallbackGrammar.defaultGrammar());
        NpcVoice voice = NpcVoice.of(generator, CARD, null);
        for (int i = 0; i < warmup; i++) {
            reply(voice, i);
            NpcVoice.of(generator, NpcCard.of("T", "", List.of("I am a traveller number " + i + "."), List.of()), null)
                    .reply(List.of(), SAYS.get(i % SAYS.size()), SLOTS, 1, i);
        }
        double[] warm = new double[runs];
        double[] cold = new double[runs];
        int[] tokens = new int[runs];
        int fallbacks = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            NpcReply line = reply(voice, 1000 + i);
            warm[i] = (System.nanoTime() - t0) / 1e6;
            tokens[i] = generator.format().tokenizer().encode(line.text()).length;
            fallbacks += line.source().equals(NpcReply.FALLBACK) ? 1 : 0;
            // Cold: a generator with no warm decoder, so the whole prompt is fed (and a decoder allocated).
            NpcVoice fresh = NpcVoice.of(DialogueGenerator.of(lm, FallbackGrammar.defaultGrammar()), CARD, null);
            t0 = System.nanoTime();
            reply(fresh, 1000 + i);
            cold[i] = (System.nanoTime() - t0) / 1e6;
        }
        double peer = peerMsPerToken(lm, maxTokens, runs);
        Arrays.sort(warm);
        Arrays.sort(cold);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("model", lm.name());
        out.put("parameters", lm.config().parameterCount());
        out.put("max_tokens", maxTokens);
        out.put("runs", runs);
        out.put("warm_reply_ms_p50", r(pct(warm, 0.5)));
        out.put("warm_reply_ms_p95", r(pct(warm, 0.95)));
        out.put("warm_reply_ms_max", r(warm[warm.length - 1]));
        out.put("cold_reply_ms_p50", r(pct(cold, 0.5)));
        out.put("cold_reply_ms_p95", r(pct(cold, 0.95)));
        out.put("reply_tokens_mean", r(Arrays.stream(tokens).average().orElse(0)));
        out.put("reply_tokens_max", Arrays.stream(tokens).max().orElse(0));
        out.put("fallback_replies", fallbacks);
        out.put("peer_decoder_ms_per_token", r(peer));
        out.put("peer_decoder_ms_for_max_tokens", r(peer * maxTokens));
        out.put("target_ms", 100);
        out.put("warm_p95_within_target", pct(warm, 0.95) <= 100);
        System.out.println(out);
        System.err.printf(Locale.ROOT, "warm reply p50 %.1f ms, p95 %.1f ms (target 100 ms); cold p50 %.1f ms; bare decoder %.2f ms/token%n",
                pct(warm, 0.5), pct(warm, 0.95), pct(cold, 0.5), peer);
        return 0;
    }

    private static NpcReply reply(NpcVoice voice, int i) {
        return voice.reply(List.of(), SAYS.get(i % SAYS.size()), SLOTS, 1, i).get(0);
    }

    /** The bare decoder: step {@code n} tokens after a short prompt, no sampling, no rules. */
    private static double peerMsPerToken(LanguageModel lm, int n, int runs) {
        long total = 0;
        long steps = 0;
        try (Decoder d = lm.newDecoder(1, false)) {
            for (int r = 0; r < runs; r++) {
                d.reset();
                for (int i = 0; i < 16; i++) {
                    d.feed(i);
                }
                long t0 = System.nanoTime();
                int token = 16;
                for (int i = 0; i < n; i++) {
                    float[] logits = d.step(token);
                    token = 256 + (int) (Math.abs(logits[0] * 1000) % (logits.length - 256));
                }
                total += System.nanoTime() - t0;
                steps += n;
            }
        }
        return total / 1e6 / steps;
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static double r(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
