package dev.improv.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.model.LanguageModel;
import dev.improv.model.Weights;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores how well a reply fits a conversation: a StarSpace-style ranker (Wu et al. 2018) that maps
 * the conversation (the last line, the one before it, the speaker's persona) and a candidate reply to
 * sums of learned word vectors and compares them by cosine. Trained by {@code improv train ranker}
 * with the other replies of a batch as negatives; this is the ranking that ConvAI2's hits@1 measures,
 * where the dialogue model's own likelihood ranks poorly (it prefers short, generic replies).
 *
 * <p>Immutable and thread-safe.
 */
public final class ReplyRanker {
    public static final String WEIGHTS_FILE = "ranker.safetensors";
    /** Tensor names in {@link #WEIGHTS_FILE}; the trainer writes the same names. */
    public static final String TABLE = "words";
    public static final String PERSONA_WEIGHT = "persona_weight";
    /** Weight of the line before the last one in the conversation vector (fixed, not learnt). */
    public static final float PREVIOUS_WEIGHT = 0.5f;
    private static final Pattern WORD = Pattern.compile("[a-z0-9']+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Integer> vocabulary;
    private final float[] table;
    private final int dim;
    private final float personaWeight;
    private final Map<String, String> metadata;

    private ReplyRanker(Map<String, Integer> vocabulary, float[] table, int dim, float personaWeight,
                        Map<String, String> metadata) {
        this.vocabulary = vocabulary;
        this.table = table;
        this.dim = dim;
        this.personaWeight = personaWeight;
        this.metadata = metadata;
    }

    /** The lower-case words of a text as the ranker reads them (letters, digits and apostrophes). */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Reads a ranker from its weights, whose metadata holds the word list ("vocabulary", a JSON array). */
    public static ReplyRanker of(Weights weights, String source) {
        String words = weights.metadata().get("vocabulary");
        if (words == null) {
            throw new IllegalArgumentException(source + ": no 'vocabulary' in the metadata; not a ranker file");
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        try {
            JsonNode list = JSON.readTree(words);
            for (int i = 0; i < list.size(); i++) {
                vocabulary.put(list.get(i).asText(), i);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": metadata 'vocabulary' is not a JSON list of words", e);
        }
        if (!weights.contains(TABLE) || !weights.contains(PERSONA_WEIGHT)) {
            throw new IllegalArgumentException(source + ": missing tensor '" + TABLE + "' or '" + PERSONA_WEIGHT + "'");
        }
        Weights.Tensor t = weights.tensor(TABLE);
        if (t.shape().length != 2 || t.shape()[0] != vocabulary.size()) {
            throw new IllegalArgumentException(source + ": tensor '" + TABLE + "' should have " + vocabulary.size()
                    + " rows (one per word), has shape " + java.util.Arrays.toString(t.shape()));
        }
        return new ReplyRanker(vocabulary, t.data(), t.shape()[1], weights.get(PERSONA_WEIGHT, 1)[0], weights.metadata());
    }

    /** Reads {@code folder}/ranker.safetensors. */
    public static ReplyRanker load(Path folder) throws IOException {
        Path file = folder.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + ": no " + WEIGHTS_FILE + " (train one with 'improv train ranker')");
        }
        return of(Weights.read(file), file.toString());
    }

    /** The ranker shipped in improv-models. */
    public static ReplyRanker loadDefault() throws IOException {
        try (InputStream in = LanguageModel.openDefault("ranker", WEIGHTS_FILE)) {
            return of(Weights.read(in, "improv/models/ranker/" + WEIGHTS_FILE), "improv/models/ranker/" + WEIGHTS_FILE);
        }
    }

    /** What the trainer recorded (data, split, epochs). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The vector of a conversation: its last line, the line before, and the speaker's persona. */
    public float[] conversation(List<String> persona, List<String> history) {
        float[] out = new float[dim];
        if (!history.isEmpty()) {
            addNormalised(out, bag(history.get(history.size() - 1)), 1f);
        }
        if (history.size() > 1) {
            addNormalised(out, bag(history.get(history.size() - 2)), PREVIOUS_WEIGHT);
        }
        addNormalised(out, bag(String.join(" ", persona)), personaWeight);
        normalise(out);
        return out;
    }

    /** How well {@code reply} fits a conversation vector: the cosine of the two, in [-1, 1]. */
    public float score(float[] conversation, String reply) {
        float[] r = bag(reply);
        normalise(r);
        float dot = 0;
        for (int i = 0; i < dim; i++) {
            dot += conversation[i] * r[i];
        }
        return dot;
    }

    /** The sum of the vectors of the known words of a text (unknown words add nothing). */
    private float[] bag(String text) {
        float[] sum = new float[dim];
        for (String w : words(text)) {
            Integer id = vocabulary.get(w);
            if (id != null) {
                for (int i = 0, off = id * dim; i < dim; i++) {
                    sum[i] += table[off + i];
                }
            }
        }
        return sum;
    }

    private static void addNormalised(float[] into, float[] v, float weight) {
        normalise(v);
        for (int i = 0; i < into.length; i++) {
            into[i] += weight * v[i];
        }
    }

    private static void normalise(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += x * x;
        }
        float inv = (float) (1 / Math.sqrt(sq + 1e-12));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }
}
