package dev.improv.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained transformer: its config, its weights and the domain's metadata (tokenizer vocabulary and
 * settings), loaded from a model folder ({@code model.json} + {@code weights.safetensors}).
 *
 * <pre>{@code
 * LanguageModel model = LanguageModel.loadResource("music");   // a default model from improv-models
 * try (TokenStream stream = new TokenStream(model, SamplingSettings.DEFAULT, seed)) {
 *     stream.feed(prompt);
 *     int next = stream.next(LogitConstraint.NONE);
 * }
 * }</pre>
 *
 * Immutable and thread-safe: any number of decoders may share one model.
 */
public final class LanguageModel {
    public static final String CONFIG_FILE = "model.json";
    public static final String WEIGHTS_FILE = "weights.safetensors";
    private static final String FORMAT = "improv-model/1";
    private static final String DEFAULT_MODELS = "improv/models/";
    /** Larger model.json files are refused (the default models' are under 20 KB; a BPE vocabulary is the bulk). */
    private static final int MAX_CONFIG_BYTES = 16 << 20;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final TransformerConfig config;
    private final Weights weights;
    private final JsonNode metadata;
    private final DecoderWeights decoderWeights;
    private final CacheFormat cacheFormat;
    private static volatile DecoderSource decoderSource;
    private final String source;

    LanguageModel(String name, TransformerConfig config, Weights weights, JsonNode metadata) {
        this(name, config, weights, metadata, name, WeightFormat.FP32, CacheFormat.configured());
    }

    private LanguageModel(String name, TransformerConfig config, Weights weights, JsonNode metadata, String source,
                          WeightFormat format, CacheFormat cacheFormat) {
        this.name = name;
        this.source = source;
        this.config = config;
        this.weights = weights;
        this.metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata;
        // Fails now, naming the tensor, rather than at the first decode.
        this.decoderWeights = new DecoderWeights(config, weights, format);
        this.cacheFormat = cacheFormat;
    }

    /** {@code base} with another cache format, sharing its narrowed and packed weights. */
    private LanguageModel(LanguageModel base, CacheFormat cacheFormat) {
        this.name = base.name;
        this.source = base.source;
        this.config = base.config;
        this.weights = base.weights;
        this.metadata = base.metadata;
        this.decoderWeights = base.decoderWeights;
        this.cacheFormat = cacheFormat;
    }

    /** Loads a model folder from disk. */
    public static LanguageModel load(Path dir) throws IOException {
        Path configFile = dir.resolve(CONFIG_FILE);
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new IOException("not a model folder: " + configFile + " is missing");
        }
        if (!Files.isRegularFile(weightsFile)) {
            throw new IOException("not a model folder: " + weightsFile + " is missing");
        }
        BoundedFiles.requireSize(configFile, MAX_CONFIG_BYTES, "model.json files");
        BoundedFiles.requireSize(weightsFile, Limits.MAX_WEIGHTS_BYTES, "weights files");
        try (InputStream c = Files.newInputStream(configFile); InputStream w = Files.newInputStream(weightsFile)) {
            return read(dir.getFileName().toString(), c, configFile.toString(), w, weightsFile.toString());
        }
    }

    /** Loads a default model shipped on the classpath under {@code improv/models/NAME/}. */
    public static LanguageModel loadResource(String name) throws IOException {
        try (InputStream c = openDefault(name, CONFIG_FILE); InputStream w = openDefault(name, WEIGHTS_FILE)) {
            String base = DEFAULT_MODELS + name + "/";
            return read(name, c, base + CONFIG_FILE, w, base + WEIGHTS_FILE);
        }
    }

    /**
     * Opens {@code file} of the default model {@code name} shipped in improv-models (under
     * {@code improv/models/NAME/}, found by the thread's class loader); the caller closes the stream.
     */
    public static InputStream openDefault(String name, String file) throws IOException {
        String base = DEFAULT_MODELS + name + "/";
        ClassLoader cl = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : LanguageModel.class.getClassLoader();
        InputStream in = cl.getResourceAsStream(base + file);
        if (in == null) {
            throw new IOException("no default model '" + name + "' on the classpath (looked for " + base + file
                    + "; is improv-models a dependency?)");
        }
        return in;
    }

    /**
     * Loads {@code spec} as a model folder when it is a path (it contains a separator or is a folder
     * holding model.json), else as the name of a default model: "music" means the shipped model
     * even if the current directory happens to contain a folder called music.
     */
    public static LanguageModel loadFolderOrDefault(String spec) throws IOException {
        return isFolderSpec(spec) ? load(Path.of(spec)) : loadResource(spec);
    }

    /** True when {@code spec} names a model folder rather than a default model (see loadFolderOrDefault). */
    public static boolean isFolderSpec(String spec) {
        return spec.contains("/") || spec.contains(java.io.File.separator) || spec.startsWith(".")
                || Files.isRegularFile(Path.of(spec).resolve(CONFIG_FILE));
    }

    /**
     * Reads a model from its two files' streams (a game's asset manager, a jar); the sources name them
     * in error messages. Does not close the streams. Its decoders hold the weights in {@link
     * WeightFormat#configured()} (int8 unless {@code -Dimprov.weights=fp32} says otherwise).
     */
    public static LanguageModel read(String name, InputStream configIn, String configSource,
                                     InputStream weightsIn, String weightsSource) throws IOException {
        byte[] configBytes = configIn.readNBytes(MAX_CONFIG_BYTES);
        if (configIn.read() >= 0) {
            throw new IOException(configSource + ": longer than " + MAX_CONFIG_BYTES + " bytes; model.json files over "
                    + MAX_CONFIG_BYTES + " bytes are refused");
        }
        JsonNode root = BoundedFiles.parseJson(configBytes, configSource);
        if (!root.isObject()) {
            throw new IOException(configSource + ": must be a JSON object (format, name, config, metadata), found "
                    + (root.isArray() ? "a list" : "a " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(configSource + ": field 'format' must be \"" + FORMAT + "\", found "
                    + (root.has("format") ? root.get("format") : "none"));
        }
        TransformerConfig config;
        try {
            config = JSON.treeToValue(root.path("config"), TransformerConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(BoundedFiles.describe(configSource + ": field 'config'", e));
        } catch (IllegalArgumentException e) {
            throw new IOException(configSource + ": field 'config': " + e.getMessage());
        }
        if (config == null) {
            throw new IOException(configSource + ": field 'config' is missing");
        }
        if (!root.path("metadata").isMissingNode() && !root.path("metadata").isObject()) {
            throw new IOException(configSource + ": field 'metadata' must be an object");
        }
        WeightFormat format = WeightFormat.configured();
        CacheFormat cacheFormat = CacheFormat.configured();
        Weights weights = Weights.read(weightsIn, weightsSource);
        try {
            return new LanguageModel(root.path("name").asText(name), config, weights, root.path("metadata"), configSource,
                    format, cacheFormat);
        } catch (IllegalArgumentException e) {
            throw new IOException(weightsSource + ": does not match " + configSource + ": " + e.getMessage());
        }
    }

    /** A model with freshly initialised weights (GPT-2 style), for benchmarks and tests. */
    public static LanguageModel random(TransformerConfig config, long seed) {
        return new LanguageModel("random", config, WeightInit.gpt2(config, seed), null);
    }

    /** Wraps weights that training produced. */
    public static LanguageModel of(String name, TransformerConfig config, Weights weights, JsonNode metadata) {
        return new LanguageModel(name, config, weights, metadata);
    }

    /** Writes this model as a folder that {@link #load} reads back. */
    public void save(Path dir) throws IOException {
        AtomicFiles.createFolder(dir);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", name);
        root.set("config", JSON.valueToTree(config));
        root.set("metadata", metadata);
        weights.write(dir.resolve(WEIGHTS_FILE));
        AtomicFiles.writeString(dir.resolve(CONFIG_FILE), JSON.writeValueAsString(root));
    }

    /** The same weights with other metadata (for example a tokenizer attached after training). */
    public LanguageModel withMetadata(String newName, JsonNode newMetadata) {
        return new LanguageModel(newName, config, weights, newMetadata, newName, weightFormat(), cacheFormat);
    }

    /**
     * The same model whose decoders hold their linear layers in {@code format}: int8 reads a quarter
     * of the bytes per token (docs/benchmarks.md has its speed and its held-out NLL against float32).
     * The file stays float32 and is narrowed here, in milliseconds, so one shipped file serves every
     * format and {@link #weights()} still returns the float32 tensors (training and export use them).
     */
    public LanguageModel withWeightFormat(WeightFormat format) {
        if (format == weightFormat()) {
            return this;
        }
        return new LanguageModel(name, config, weights, metadata, source, format, cacheFormat);
    }

    /**
     * The same model whose decoders keep their key/value cache in {@code format} (int8 and bf16
     * read a quarter and half the bytes of fp32 per token in attention; see {@link CacheFormat}). The default is {@link CacheFormat#configured}.
     */
    public LanguageModel withCacheFormat(CacheFormat format) {
        return format == cacheFormat ? this : new LanguageModel(this, format);
    }

    /** How this model's decoders store their key/value cache. */
    public CacheFormat cacheFormat() {
        return cacheFormat;
    }

    /**
     * Bytes of cache one sequence's step reads per cached position in this model's cache format (every
     * layer's keys, values and scales): a step at position p reads p + 1 of them per sequence, and batching
     * does not share them (for benchmarks).
     */
    public long cacheBytesPerPosition() {
        return KeyValueCache.bytesPerPosition(cacheFormat, config.layers(), config.heads(), config.headSize());
    }

    /** How this model's decoders hold their linear layers. */
    public WeightFormat weightFormat() {
        return decoderWeights.format;
    }

    /** Bytes of weights a batch-1 step reads per token in this model's format (for benchmarks). */
    public long weightBytesPerToken() {
        return decoderWeights.bytesPerToken();
    }

    /** A batch-1 decoder using the decode helper threads when they are free. */
    public Decoder newDecoder() {
        return newDecoder(1, true);
    }

    /** A decoder for {@code batch} streams that advance together. */
    public Decoder newDecoder(int batch) {
        return newDecoder(batch, true);
    }

    /**
     * A decoder; with {@code parallel} false it stays on the calling thread (for a game that wants
     * to leave the other cores to its renderer). Batch-1 decoders come from the installed
     * {@link DecoderSource} when there is one (a server's batcher), else from {@link #newLocalDecoder}.
     */
    public Decoder newDecoder(int batch, boolean parallel) {
        DecoderSource source = decoderSource;
        if (source != null && batch == 1) {
            Decoder routed = source.open(this, parallel);
            if (routed != null) {
                return routed;
            }
        }
        return newLocalDecoder(batch, parallel);
    }

    /** The plain-Java decoder on the calling thread (and the helper threads if {@code parallel}), never routed. */
    public Decoder newLocalDecoder(int batch, boolean parallel) {
        return new CpuDecoder(decoderWeights, batch, parallel, cacheFormat);
    }

    /**
     * A decoder for up to {@code maxSequences} sequences that join and leave between steps, each at
     * its own position (a service's dynamic batching; see {@link BatchDecoder}).
     */
    public BatchDecoder newBatchDecoder(int maxSequences, boolean parallel) {
        return new BatchDecoder(decoderWeights, maxSequences, parallel, cacheFormat);
    }

    /**
     * Where every batch-1 decoder of this JVM comes from from now on (null: the local decoder). A
     * process-wide setting for a server, whose batcher then steps many requests' sequences together;
     * a game never sets it.
     */
    public static void setDecoderSource(DecoderSource source) {
        decoderSource = source;
    }

    public String name() {
        return name;
    }

    /** Where the model came from: its model.json path or classpath resource, for error messages. */
    public String source() {
        return source;
    }

    public TransformerConfig config() {
        return config;
    }

    /** The domain's section of model.json: tokenizer vocabulary, settings, training notes. */
    public JsonNode metadata() {
        return metadata;
    }

    /** The raw weights (shared, do not modify). */
    public Weights weights() {
        return weights;
    }
}
