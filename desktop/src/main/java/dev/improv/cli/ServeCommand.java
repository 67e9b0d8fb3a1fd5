package dev.improv.cli;

import dev.improv.io.Limits;
import dev.improv.band.MoodLibrary;
import dev.improv.engines.BandMusicProvider;
import dev.improv.serve.NodeSignals;
import dev.improv.serve.ServeSettings;
import dev.improv.serve.ServiceNode;
import dev.improv.serve.batch.SharedDecoderBatch;
import dev.improv.serve.nats.NatsQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code improv serve}: the content service over HTTP/JSON (see docs/serving.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves levels, music and NPC dialogue over HTTP/JSON until stopped (Ctrl-C).",
                "Endpoints: POST /v1/levels, /v1/dialogue, /v1/music, /v1/chat/completions (OpenAI-compatible, stream:true "
                + "for server-sent events); GET /v1/models, /health, /metrics (Prometheus), /openapi.json. POST bodies are "
                + "JSON and say so (Content-Type: application/json; anything else is 415).",
                "GET / is the studio: a page to hear, see and tweak music, levels and NPCs in a browser (docs/studio.md).",
                "Requests that arrive together decode together (dynamic batching). Admission is decided from the headers, "
                + "before the body is read (a chunked body, whose size only reading tells, is read first; past 256 KiB it is "
                + "413): past --workers + --queue requests, past the adaptive concurrency limit and its "
                + "line (see --concurrency), or past --max-latency-ms of expected work, the answer is 429 with Retry-After at once; "
                + "a request may send X-Deadline-Ms, and one whose deadline the work ahead of it would miss gets 503 at once.",
                "With --nats, every node takes jobs from one JetStream work queue, so any node accepts HTTP and a "
                + "job whose worker dies is redelivered to another."})
public final class ServeCommand implements Callable<Integer> {
    /** Bounds that hold the service to what a machine can run: each worker holds a decoder's cache. */
    static final int MAX_WORKERS = 1024;
    /** The queue is allocated whole (2,000,000,000 ran out of memory at start). */
    static final int MAX_QUEUE = 65_536;
    static final long MAX_MILLIS = 3_600_000;
    /** The longest a node warms up by default ({@code --warm-up-seconds}); it stops sooner once its JIT is quiet. */
    static final int WARM_UP_SECONDS = 30;
    /** The longest drain on stopping: an hour, like the longest deadline. */
    static final int MAX_DRAIN_SECONDS = 3600;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0..65535; 0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind. Anything but loopback needs --api-key-file. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--device", defaultValue = "auto",
            description = "auto, cpu or gpu. The service decodes with the plain-Java CPU decoder; gpu is refused until the "
                    + "batched DJL path is built (see docs/gpu.md). Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--workers", defaultValue = "64",
            description = "Requests generated at once (1.." + MAX_WORKERS + "); their decoder steps are batched together. "
                    + "Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--queue", defaultValue = "256",
            description = "Accepted requests that may wait for a worker (0.." + MAX_QUEUE + "); past it: 429 with Retry-After. "
                    + "Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--max-batch", defaultValue = "64", description = "Most sequences in one decoder step (1.." + MAX_WORKERS + "). Default: ${DEFAULT-VALUE}.")
    int maxBatch;

    @Option(names = "--deadline-ms", defaultValue = "60000",
            description = "A request's deadline unless it sends X-Deadline-Ms (1.." + MAX_MILLIS + ", an hour); past it: 503. "
                    + "Default: ${DEFAULT-VALUE}.")
    long deadlineMs;

    @Option(names = "--max-latency-ms", defaultValue = "0",
            description = {"A latency target for accepted requests (an SLO): a request whose expected time (what recent "
                    + "answers admitted at about the same load took) is longer gets 429 at once instead of "
                    + "waiting. 0: no target (only --queue and deadlines bound the wait); at most " + MAX_MILLIS + ". Default: ${DEFAULT-VALUE}."})
    long maxLatencyMs;

    @Option(names = "--concurrency", defaultValue = "adaptive",
            description = {"adaptive or fixed. adaptive: each endpoint's requests running at once are also bounded by a limit "
                    + "learnt from the answers, which keeps the tail of their latency near that of requests served alone (it "
                    + "starts at 2, shrinks when the recent 99th percentile passes 1.5x the unloaded one, grows by one while "
                    + "below 1.2x); past it a request waits in its endpoint's line while its wait keeps it within 1.2x, "
                    + "else 429 (a fresh node lets 16 wait); "
                    + "no latency figure to choose. fixed: only --workers + --queue (and --max-latency-ms) bound them, so "
                    + "under a burst accepted requests wait behind all the work admitted. Default: ${DEFAULT-VALUE}."})
    String concurrency;

    @Option(names = "--api-key-file", description = "Keys clients must send as 'Authorization: Bearer KEY': one a line, "
            + "optionally followed by requests a minute (default " + 600 + "). Without it the service is open, on loopback only.")
    Path apiKeyFile;

    @Option(names = "--cors-origin", description = "The one browser origin allowed to call (default: no CORS headers).")
    String corsOrigin;

    @Option(names = "--moods", paramLabel = "FILE",
            description = {"The service's mood presets, in the format of improv/music/moods.json, instead of the shipped ones: "
                    + "what mood names in /v1/music and /v1/music/bars (and GET /v1/moods, the studio's Mood list).",
                    "Give every node of a NATS group the same file. A request may still carry a file of its own (moods); "
                    + "the service keeps none of those."})
    Path moods;

    @Option(names = "--warm-up-seconds", defaultValue = "" + WARM_UP_SECONDS,
            description = {"Before listening, load the models and send this node every kind of request it serves "
                    + "(dialogue from 1 to 16 clients, bursts past its limits, levels, music, chat, bad requests) "
                    + "so that it does not compile during its first burst: one whole round first (24-36 s on a busy 2-core machine), then "
                    + "more until the JIT is quiet or this time is spent (0..600; 0: listen at once). "
                    + "Default: ${DEFAULT-VALUE}."})
    int warmUpSeconds;

    @Option(names = "--access-log", paramLabel = "FILE|-",
            description = {"Write a line per answered request to FILE (appended to) or, with -, to standard output: time, "
                    + "method, path, status, ms, bytes of the answer's body, key (the API key's id: the first 8 hex digits "
                    + "of its SHA-256, never the key; - on an open node) and request_id (the X-Request-Id every answer "
                    + "carries: the client's own if it is a plain token of up to 128 characters, else one made by the node). "
                    + "On SIGHUP the node reopens FILE (after logrotate has moved it away: no copytruncate needed), "
                    + "between two lines. Default: no access log."})
    String accessLog;

    @Option(names = "--drain-seconds", defaultValue = "" + ServiceNode.DRAIN_SECONDS,
            description = {"On SIGTERM or Ctrl-C: how long the node answers the requests it has admitted before it stops "
                    + "(0.." + MAX_DRAIN_SECONDS + "). Meanwhile /health answers 503 {\"status\":\"draining\"} so that a "
                    + "load balancer stops sending, and new requests get 503 with Retry-After; those still running when it "
                    + "ends get 503 with Retry-After too. Keep it under the orchestrator's grace period (Kubernetes: 30 s). "
                    + "Default: ${DEFAULT-VALUE}."})
    int drainSeconds;

    @Option(names = "--read-timeout-seconds", defaultValue = "10",
            description = {"Longest a request's body may take to come whole (1..600): past it the answer is 400 naming "
                    + "what came, and the connection closes (a client that declares a Content-Length and sends less, "
                    + "or stops mid-chunk). Default: ${DEFAULT-VALUE}."})
    int readTimeoutSeconds;

    @Option(names = "--nats", description = "NATS server URL (e.g. nats://127.0.0.1:4222) whose JetStream work queue this node "
            + "shares with the other nodes.")
    String nats;

    @Override
    public Integer call() throws Exception {
        if (device.equals("gpu")) {
            throw new IllegalArgumentException("--device gpu: this build serves on the CPU decoder only; see docs/gpu.md");
        }
        if (!device.equals("auto") && !device.equals("cpu")) {
            throw new IllegalArgumentException("--device must be auto, cpu or gpu, got '" + device + "'");
        }
        Limits.require("--port", port, 0, 65_535);
        Limits.require("--workers", workers, 1, MAX_WORKERS);
        Limits.require("--queue", queue, 0, MAX_QUEUE);
        Limits.require("--max-batch", maxBatch, 1, MAX_WORKERS);
        Limits.require("--deadline-ms", deadlineMs, 1, MAX_MILLIS);
        Limits.require("--max-latency-ms", maxLatencyMs, 0, MAX_MILLIS);
        Limits.require("--warm-up-seconds", warmUpSeconds, 0, 600);
        Limits.require("--drain-seconds", drainSeconds, 0, MAX_DRAIN_SECONDS);
        Limits.require("--read-timeout-seconds", readTimeoutSeconds, 1, 600);
        if (!concurrency.equals("adaptive") && !concurrency.equals("fixed")) {
            throw new IllegalArgumentException("--concurrency must be adaptive or fixed, got '" + concurrency + "'");
        }
        if (moods != null) {
            MoodLibrary.load(moods); // a bad file fails here, naming the mood and field, not on the first request
            System.setProperty(BandMusicProvider.MOODS_PROPERTY, moods.toAbsolutePath().toString());
        }
        ServeSettings settings = new ServeSettings(host, port, workers, queue, ServeSettings.DEFAULT.maxBodyBytes(),
                Duration.ofMillis(deadlineMs), apiKeyFile, corsOrigin, maxBatch, ServeSettings.DEFAULT.gather(),
                ServeSettings.DEFAULT.batchSplit(), maxLatencyMs == 0 ? null : Duration.ofMillis(maxLatencyMs), concurrency.equals("adaptive"),
                accessLog, Duration.ofSeconds(readTimeoutSeconds));
        ServiceNode node = ServiceNode.start(settings, SharedDecoderBatch::new,
                nats == null ? null : (local, runner) -> NatsQueue.connect(nats, local, runner, settings.queueCapacity()),
                Duration.ofSeconds(warmUpSeconds));
        if (node.warmUp() != null) {
            System.err.printf(java.util.Locale.ROOT, "improv serve: warmed up in %.1f s: %d rounds, %d requests (by status %s); "
                    + "the JIT's share of the last round %.0f%%%n", node.warmUp().seconds(), node.warmUp().rounds(),
                    node.warmUp().requests(), node.warmUp().statuses(), 100 * node.warmUp().lastJitShare());
        }
        CountDownLatch stopped = NodeSignals.install(node, Duration.ofSeconds(drainSeconds));
        System.err.println("improv serve: listening on " + node.uri() + (nats == null ? "" : " (work queue: " + nats + ")")
                + "; the studio page is at " + node.uri());
        stopped.await();
        return 0;
    }
}
