package dev.improv.dialogue;

import dev.improv.model.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Counts the lead-ins of training replies ({@link LeadIns}): for every sentence that states a value, the
 * value's kind, the words before it and the short sentence before it. What the dialogue model was taught to say is the measure of what
 * it may say before a value.
 */
public final class LeadInCounts {
    /** Times a lead-in must be said to be written ({@link LeadIns#MIN_COUNT}). */
    public static final int MIN_COUNT = LeadIns.MIN_COUNT;
    private final Map<String, Integer> counts = new HashMap<>();
    private int sentences;

    /** Counts the lead-ins of one reply. */
    public void add(String reply) {
        for (String key : LeadIns.keys(reply)) {
            if (!key.startsWith(".", key.indexOf('\t') + 1)) {
                sentences++;
            }
            if (!key.endsWith("\t")) {
                counts.merge(key, 1, Integer::sum);
            }
        }
    }

    /** How many times {@code leadIn} was said before a value of {@code kind}. */
    public int count(String kind, String leadIn) {
        return counts.getOrDefault(kind + "\t" + leadIn, 0);
    }

    /** Sentences counted that state a value. */
    public int sentences() {
        return sentences;
    }

    /** Lead-ins said at least {@link LeadIns#MIN_COUNT} times. */
    public int standing() {
        return (int) counts.values().stream().filter(c -> c >= MIN_COUNT).count();
    }

    /**
     * Writes the lead-ins said at least {@link LeadIns#MIN_COUNT} times, gzipped, atomically: by kind, the
     * most said first.
     */
    public void write(Path file, String source) throws IOException {
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= MIN_COUNT) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getKey().split("\t")[0])
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
        AtomicFiles.write(file, (OutputStream raw) -> {
            GZIPOutputStream gz = new GZIPOutputStream(raw);
            Writer out = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
            out.write("# Lead-ins before a stated value (dev.improv.dialogue.LeadIns), counted\n");
            out.write("# by 'improv train dialogue --lead-ins' in " + source + ": kind, lead-in ('^' opens the clause), times said.\n");
            for (Map.Entry<String, Integer> e : kept) {
                out.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
            out.flush();
            gz.finish();
        });
    }
}
