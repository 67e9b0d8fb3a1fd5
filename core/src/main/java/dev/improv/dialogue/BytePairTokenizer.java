package dev.improv.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level byte-pair encoding, trained by the project: any text encodes (unknown characters fall
 * back to their UTF-8 bytes) and decodes back to itself.
 *
 * <p>Ids: 0-255 are the raw bytes, then the special tokens (which stand for no text and are never
 * produced by {@link #encode}), then one id per learned merge in the order it was learned. Merges
 * never cross the boundaries of pre-tokenised chunks (a word with its leading space, a number, a
 * run of punctuation), the GPT-2 scheme. Immutable and thread-safe.
 */
public final class BytePairTokenizer {

    /** GPT-2's pre-tokeniser: contractions, words with one leading space, numbers, punctuation, spaces. */
    private static final Pattern CHUNK = Pattern.compile(
            "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");
    private static final int BYTES = 256;
    /** Longest piece merged as one: longer than any word, short enough to merge quickly. */
    private static final int MAX_CHUNK = 64;
    /** Most distinct chunks remembered; further ones are encoded each time. */
    private static final int MAX_CACHED = 100_000;

    private final List<String> specials;
    private final int[][] merges;            // merges[i] = {left, right}, producing id firstMergeId + i
    private final Map<Long, Integer> rank;   // pair -> merge index (lower merges first)
    private final byte[][] tokenBytes;       // text of each id; empty for specials
    private final Map<String, int[]> chunkCache = new ConcurrentHashMap<>();

    private BytePairTokenizer(List<String> specials, int[][] merges) {
        this.specials = List.copyOf(specials);
        this.merges = merges;
        this.rank = new HashMap<>();
        int firstMerge = BYTES + specials.size();
        int size = firstMerge + merges.length;
        this.tokenBytes = new byte[size][];
        for (int b = 0; b < BYTES; b++) {
            tokenBytes[b] = new byte[] {(byte) b};
        }
        for (int s = 0; s < specials.size(); s++) {
            tokenBytes[BYTES + s] = new byte[0];
        }
        for (int i = 0; i < merges.length; i++) {
            int left = merges[i][0];
            int right = merges[i][1];
            if (left < 0 || right < 0 || left >= firstMerge + i || right >= firstMerge + i
                    || isSpecial(left) || isSpecial(right)) {
                throw new IllegalArgumentException("merge " + i + " refers to an unknown or special token: "
                        + left + " + " + right);
            }
            rank.put(pair(left, right), i);
            byte[] a = tokenBytes[left];
            byte[] b = tokenBytes[right];
            byte[] joined = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            tokenBytes[firstMerge + i] = joined;
        }
    }

    /**
     * Learns merges from {@code texts} until the vocabulary holds {@code vocabSize} ids (or no pair
     * occurs twice). Deterministic: ties go to the pair with the smaller ids.
     */
    public static BytePairTokenizer train(List<String> texts, int vocabSize, List<String> specials) {
        int firstMerge = BYTES + specials.size();
        if (vocabSize < firstMerge) {
            throw new IllegalArgumentException("vocabulary size " + vocabSize + " is smaller than the "
                    + firstMerge + " byte and special tokens");
        }
        // Count distinct chunks once; merges then work on the distinct chunks weighted by count.
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String text : texts) {
            Matcher m = CHUNK.matcher(text);
            while (m.find()) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
        List<int[]> words = new ArrayList<>(counts.size());
        int[] weights = new int[counts.size()];
        int w = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            words.add(toSymbols(e.getKey().getBytes(StandardCharsets.UTF_8)));
            weights[w++] = e.getValue();
        }
        List<int[]> learned = new ArrayList<>();
        Map<Long, Integer> pairCounts = new HashMap<>();
        while (firstMerge + learned.size() < vocabSize) {
            pairCounts.clear();
            for (int i = 0; i < words.size(); i++) {
                int[] word = words.get(i);
                for (int j = 0; j + 1 < word.length; j++) {
                    pairCounts.merge(pair(word[j], word[j + 1]), weights[i], Integer::sum);
                }
            }
            long best = -1;
            int bestCount = 1;
            for (Map.Entry<Long, Integer> e : pairCounts.entrySet()) {
                int c = e.getValue();
                if (c > bestCount || (c == bestCount && best != -1 && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = c;
                }
            }
            if (best == -1) {
                break; // no pair occurs twice: more merges would only memorise single words
            }
            int left = (int) (best >>> 32);
            int right = (int) best;
            int id = firstMerge + learned.size();
            learned.add(new int[] {left, right});
            for (int i = 0; i < words.size(); i++) {
                words.set(i, applyMerge(words.get(i), left, right, id));
            }
        }
        return new BytePairTokenizer(specials, learned.toArray(new int[0][]));
    }

    /** Number of ids (bytes, specials and merges). */
    public int vocabSize() {
        return tokenBytes.length;
    }

    /** The id of a special token, by the name it was trained with. */
    public int special(String name) {
        int i = specials.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no special token " + name + " (known: " + specials + ")");
        }
        return BYTES + i;
    }

    /** Whether {@code id} is a special token (it stands for no text). */
    public boolean isSpecial(int id) {
        return id >= BYTES && id < BYTES + specials.size();
    }

    /** The UTF-8 bytes that token {@code id} stands for (empty for specials); do not modify. */
    public byte[] bytes(int id) {
        return tokenBytes[id];
    }

    /** Encodes plain text (no special tokens) into ids. */
    public int[] encode(String text) {
        List<int[]> parts = new ArrayList<>();
        int total = 0;
        Matcher m = CHUNK.matcher(text);
        while (m.find()) {
            // A chunk longer than any word (a 1 MB run of letters from a player) is merged in pieces:
            // merging costs the chunk's length times the merges tried.
            for (int from = m.start(), to; from < m.end(); from = to) {
                to = Math.min(m.end(), from + MAX_CHUNK);
                if (to < m.end() && Character.isHighSurrogate(text.charAt(to - 1))) {
                    to--; // keep a surrogate pair whole
                }
                String chunk = text.substring(from, to);
                int[] ids = chunkCache.get(chunk);
                if (ids == null) {
                    ids = encodeChunk(chunk);
                    if (chunkCache.size() < MAX_CACHED) { // player text must not grow the cache without end
                        chunkCache.put(chunk, ids);
                    }
                }
                parts.add(ids);
                total += ids.length;
            }
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Decodes ids back to text; special tokens contribute nothing. */
    public String decode(int[] ids, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            out.writeBytes(tokenBytes[ids[i]]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Decodes all of {@code ids}. */
    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    /** The vocabulary as JSON: {@code {"specials": [...], "merges": [[left, right], ...]}}. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        ArrayNode s = node.putArray("specials");
        specials.forEach(s::add);
        ArrayNode m = node.putArray("merges");
        for (int[] merge : merges) {
            m.addArray().add(merge[0]).add(merge[1]);
        }
        return node;
    }

    /** Reads what {@link #toJson} wrote; a malformed vocabulary fails with a message naming the field. */
    public static BytePairTokenizer fromJson(JsonNode node) {
        JsonNode s = node.path("specials");
        JsonNode m = node.path("merges");
        if (!s.isArray() || !m.isArray()) {
            throw new IllegalArgumentException("tokenizer JSON needs arrays 'specials' and 'merges'");
        }
        List<String> specials = new ArrayList<>();
        s.forEach(n -> specials.add(n.asText()));
        int[][] merges = new int[m.size()][];
        for (int i = 0; i < merges.length; i++) {
            JsonNode pair = m.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt() || !pair.get(1).canConvertToInt()) {
                throw new IllegalArgumentException("tokenizer JSON: merges[" + i + "] must be a pair of ids");
            }
            merges[i] = new int[] {pair.get(0).asInt(), pair.get(1).asInt()};
        }
        return new BytePairTokenizer(specials, merges);
    }

    private int[] encodeChunk(String chunk) {
        int[] symbols = toSymbols(chunk.getBytes(StandardCharsets.UTF_8));
        int firstMerge = BYTES + specials.size();
        // Repeatedly apply the earliest-learned merge present, as training did.
        while (symbols.length > 1) {
            int bestRank = Integer.MAX_VALUE;
            for (int j = 0; j + 1 < symbols.length; j++) {
                Integer r = rank.get(pair(symbols[j], symbols[j + 1]));
                if (r != null && r < bestRank) {
                    bestRank = r;
                }
            }
            if (bestRank == Integer.MAX_VALUE) {
                break;
            }
            symbols = applyMerge(symbols, merges[bestRank][0], merges[bestRank][1], firstMerge + bestRank);
        }
        return symbols;
    }

    private static int[] toSymbols(byte[] bytes) {
        int[] symbols = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            symbols[i] = bytes[i] & 0xFF;
        }
        return symbols;
    }

    private static int[] applyMerge(int[] word, int left, int right, int id) {
        int n = 0;
        for (int j = 0; j + 1 < word.length; j++) {
            if (word[j] == left && word[j + 1] == right) {
                n++;
                j++;
            }
        }
        if (n == 0) {
            return word;
        }
        int[] out = new int[word.length - n];
        int at = 0;
        for (int j = 0; j < word.length; j++) {
            if (j + 1 < word.length && word[j] == left && word[j + 1] == right) {
                out[at++] = id;
                j++;
            } else {
                out[at++] = word[j];
            }
        }
        return out;
    }

    private static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }
}
