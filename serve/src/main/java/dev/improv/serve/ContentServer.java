package dev.improv.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.improv.engines.BandMusicProvider;
import dev.improv.io.BoundedFiles;
import dev.improv.serve.content.BadRequest;
import dev.improv.serve.content.ModelNames;
import dev.improv.serve.content.MusicJob;
import dev.improv.serve.content.RequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/JSON face of the service ({@code improv serve}): checks each request (keys, rate limits,
 * size, fields), hands it to a {@link ContentQueue} with its deadline, and answers with the result,
 * a 400 naming the field, or a 429/503 at once. Built on the JDK's HTTP server: the service needs
 * routing by path, bodies and chunked streaming, all of which it has, and no more dependencies.
 *
 * <pre>{@code
 * try (ContentServer server = ContentServer.start(ServeSettings.DEFAULT.withPort(0), queue, runner, metrics)) {
 *     URI base = server.uri();   // POST base + "v1/levels" ...
 * }
 * }</pre>
 */
public final class ContentServer implements AutoCloseable {
    private static final Map<String, String> ENDPOINTS = Map.of(
            "/v1/levels", JobRunner.LEVELS, "/v1/dialogue", JobRunner.DIALOGUE,
            "/v1/music", JobRunner.MUSIC, "/v1/chat/completions", JobRunner.CHAT,
            "/v1/levels/stream", JobRunner.LEVEL_STREAM, "/v1/music/bars", JobRunner.BAR_STREAM);

    static {
        // The JDK's server writes an answer's head and its body in two writes, and by default leaves Nagle's
        // algorithm on: the body then waits for the client to acknowledge the head, which a busy client
        // delays by up to 40 ms (delayed ACK). Measured in 'bench overload': 429s reached the client in 50-59
        // ms at the p99 against <= 5 ms in the service; with TCP_NODELAY in 5.7 ms. Read once, when the
        // JDK's server is first used, so it is set here, before this class makes one; an operator's
        // -Dsun.net.httpserver.nodelay=false still wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** OpenAI's path of one model: {@code /v1/models/dialogue}. */
    private static final String MODELS_PATH = "/v1/models/";

    /** What {@code route} returns when the answer will be sent by the job's completion. */
    private static final int ANSWERED_LATER = -1;

    /**
     * What the access log and error bodies say of a request in flight: its id, its key's id, the bytes of its answer's
     * body. Kept here, not in the exchange's attributes: the JDK 17 server keeps those in the context, shared by
     * every request.
     */
    private static final class Trace {
        final String requestId;
        volatile String keyId;
        volatile long bytes;

        Trace(String requestId) {
            this.requestId = requestId;
        }
    }

    private final Map<HttpExchange, Trace> traces = new java.util.concurrent.ConcurrentHashMap<>();

    private final ServeSettings settings;
    private final Admission admission;
    private final ContentQueue queue;
    private final JobRunner runner;
    private final ServiceMetrics metrics;
    /** Null on an open node. */
    private final KeyFile keys;
    /** Null unless {@code --access-log} is given. */
    private final AccessLog accessLog;
    private final HttpServer http;
    private final ThreadPoolExecutor httpThreads;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] openApi;
    /** Set by {@link #close(java.time.Duration)}: every request is refused while those admitted are answered. */
    private volatile boolean stopping;
    /** Set when a drain ran out: the jobs still in flight are answered 503 (the drain's length in their message). */
    private volatile java.time.Duration drainedAfter;
    /** Results not yet answered: what a drain that runs out answers 503 rather than cutting their connections. */
    private final java.util.Set<CompletableFuture<ObjectNode>> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final BodyReadTimeout bodyTimeout;

    private ContentServer(ServeSettings settings, ContentQueue queue, JobRunner runner, ServiceMetrics metrics)
            throws IOException {
        this.settings = settings;
        this.queue = queue;
        this.admission = new Admission(settings.workers() + settings.queueCapacity(), settings.maxLatency(),
                settings.adaptiveLimit());
        metrics.watchConcurrencyLimits(admission::concurrencyLimits);
        this.runner = runner;
        this.metrics = metrics;
        this.keys = keys(settings);
        this.accessLog = AccessLog.open(settings.accessLog());
        this.bodyTimeout = new BodyReadTimeout(settings.readTimeout());
        InetAddress address = InetAddress.getByName(settings.host());
        try (InputStream in = ContentServer.class.getResourceAsStream("openapi.json")) {
            openApi = in.readAllBytes();
        }
        this.http = HttpServer.create(new InetSocketAddress(address, settings.port()), 256);
        // These threads read requests, admit or refuse them and hand jobs on; none waits for a result,
        // so a few suffice (more only for clients slow to send their bodies). Past them, connections
        // wait in a bounded list, then in the socket's backlog.
        AtomicInteger n = new AtomicInteger();
        int threads = 16;
        this.httpThreads = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "improv-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        httpThreads.allowCoreThreadTimeOut(true);
        http.setExecutor(httpThreads);
        http.createContext("/", this::handle);
        http.start();
    }

    /**
     * The keys of {@code settings}' key file (null: an open service), or the error a server with these settings
     * would fail with: a bad key file, or an open service on an address beyond loopback. A node checks this
     * before it warms up, so that a mistake is told at once.
     */
    static KeyFile keys(ServeSettings settings) throws IOException {
        KeyFile keys = settings.apiKeyFile() == null ? null : KeyFile.open(settings.apiKeyFile());
        if (keys == null && !InetAddress.getByName(settings.host()).isLoopbackAddress()) {
            throw new IllegalArgumentException("--host " + settings.host()
                    + ": an open service (no --api-key-file) listens on loopback only");
        }
        return keys;
    }

    /** Starts listening; the queue and its workers belong to the caller. */
    public static ContentServer start(ServeSettings settings, ContentQueue queue, JobRunner runner, ServiceMetrics metrics)
            throws IOException {
        return new ContentServer(settings, queue, runner, metrics);
    }

    /** The address clients call, ending in a slash. */
    public java.net.URI uri() {
        return java.net.URI.create("http://" + settings.host() + ":" + http.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        long t0 = System.nanoTime();
        String id = RequestId.of(ex.getRequestHeaders().getFirst(RequestId.HEADER));
        traces.put(ex, new Trace(id));
        ex.getResponseHeaders().set(RequestId.HEADER, id);
        String path = ex.getRequestURI().getPath();
        String endpoint = ENDPOINTS.containsKey(path) ? ENDPOINTS.get(path) : "other";
        BodyReadTimeout.CountedInput body = new BodyReadTimeout.CountedInput(ex.getRequestBody());
        ex.setStreams(body, null);
        int status;
        try {
            status = bodyTimeout.within(watch -> respond(ex, path, t0, watch), () -> late(ex, body.count()));
        } catch (BodyReadTimeout.TimedOut e) {
            status = ex.getResponseCode(); // the timer's 400, or the answer sent before the body stalled
            ex.close(); // its channel is closed: nothing is waited for
        }
        if (status != ANSWERED_LATER) {
            finished(ex, endpoint, status, t0);
        }
    }

    /**
     * Answers now and closes the exchange (which reads what is left of a body not read, as the JDK's server does), or
     * hands the request on and returns {@link #ANSWERED_LATER}: the job's completion answers, closes and counts it.
     */
    private int respond(HttpExchange ex, String path, long t0, BodyReadTimeout.Watch watch) {
        int status;
        try {
            status = route(ex, path, t0, watch);
        } catch (BadRequest e) {
            metrics.refused(e.isTooLarge() ? "too_large" : "bad_request");
            if (e.field().equals("body")) {
                // The body itself could not be read as one (cut, not JSON, past the limit): what follows it on the
                // connection cannot be trusted to be the next request.
                ex.getResponseHeaders().set("Connection", "close");
            }
            status = e.isTooLarge() ? tooLarge(ex, e) : error(ex, 400, e.getMessage(), e.field());
        } catch (IOException e) {
            status = 499; // the client went away
        } catch (RuntimeException e) {
            status = error(ex, 500, "internal error: " + e.getClass().getSimpleName(), null);
        }
        if (status != ANSWERED_LATER) {
            ex.close();
        }
        return status;
    }

    /** Counts an answered request in the metrics and logs it. */
    private void finished(HttpExchange ex, String endpoint, int status, long t0) {
        long nanos = System.nanoTime() - t0;
        metrics.answered(endpoint, status, nanos);
        Trace trace = traces.remove(ex);
        if (accessLog != null && trace != null) {
            accessLog.record(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), status, nanos, trace.bytes,
                    trace.keyId, trace.requestId);
        }
    }

    private int route(HttpExchange ex, String path, long t0, BodyReadTimeout.Watch watch) throws IOException {
        String method = ex.getRequestMethod();
        if (stopping && !path.equals("/metrics")) {
            ex.getResponseHeaders().set("Retry-After", "1");
            ex.getResponseHeaders().set("Connection", "close");
            if (path.equals("/health")) {
                // Not a refusal: a balancer's probe, told why the node is out.
                return health(ex, 503, "draining");
            }
            metrics.refused("stopping");
            return error(ex, 503, "this node is draining before it stops; send the request to another", null);
        }
        if (settings.corsOrigin() != null) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", settings.corsOrigin());
            ex.getResponseHeaders().set("Vary", "Origin");
            // A page may read only these of an answer's headers besides the safelisted ones: without them a
            // browser client could not see when to come back after a 429, nor where the time went.
            ex.getResponseHeaders().set("Access-Control-Expose-Headers", "Retry-After, Server-Timing, X-Request-Id");
            if (method.equals("OPTIONS")) {
                ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
                // The headers the page asks for: the origin is the one allowed, and OpenAI's SDKs send headers of
                // their own (X-Stainless-*) that a fixed list refused, so a browser never sent their calls.
                String asked = ex.getRequestHeaders().getFirst("Access-Control-Request-Headers");
                ex.getResponseHeaders().set("Access-Control-Allow-Headers", asked != null && !asked.isBlank() ? asked
                        : "Authorization, Content-Type, Content-Encoding, X-Deadline-Ms, X-Request-Id");
                ex.getResponseHeaders().set("Access-Control-Max-Age", "600");
                ex.sendResponseHeaders(204, -1);
                return 204;
            }
        }
        switch (path) {
            case "/health" -> {
                return health(ex, 200, "ok");
            }
            case "/openapi.json" -> {
                return send(ex, 200, "application/json", openApi);
            }
            case "/metrics" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                metrics.write(out);
                return send(ex, 200, metrics.contentType(), out.toByteArray());
            }
            default -> { }
        }
        return routeRequest(ex, path, method, t0, watch);
    }

    /** {@code /health}: {@code status} ok, or draining (503) once a stop has begun, with the node's load. */
    private int health(HttpExchange ex, int code, String status) throws IOException {
        return send(ex, code, "application/json", ("{\"status\":\"" + status + "\",\"queued\":" + queue.queued()
                        + ",\"active\":" + queue.active() + ",\"admitted\":" + admission.admitted() + ",\"waiting\":"
                        + admission.waiting() + ",\"limit\":"
                        + (settings.workers() + settings.queueCapacity()) + ",\"concurrency_limits\":"
                        + json.writeValueAsString(admission.concurrencyLimits()) + ",\"unloaded_tail_ms\":"
                        + json.writeValueAsString(admission.unloadedTailsMs()) + ",\"heap_used_mb\":"
                        + (java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20)
                        + "}").getBytes(StandardCharsets.UTF_8));
    }

    private int routeRequest(HttpExchange ex, String path, String method, long t0, BodyReadTimeout.Watch watch)
            throws IOException {
        if (StudioFiles.owns(path)) {
            return studio(ex, path, method);
        }
        Integer refused = authorise(ex);
        if (refused != null) {
            return refused;
        }
        if (path.equals("/v1/models")) {
            return models(ex);
        }
        if (path.startsWith(MODELS_PATH)) {
            return model(ex, path.substring(MODELS_PATH.length()));
        }
        if (path.equals("/v1/moods")) {
            return moods(ex);
        }
        String kind = ENDPOINTS.get(path);
        if (kind == null) {
            return error(ex, 404, "no such endpoint: " + path + " (see /openapi.json)", null);
        }
        if (!method.equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            return error(ex, 405, path + " takes POST", null);
        }
        try {
            RequestBody.requireJson(ex.getRequestHeaders().get("Content-Type"));
        } catch (RequestBody.UnsupportedMediaType e) {
            metrics.refused("unsupported_media_type");
            ex.getResponseHeaders().set("Accept", "application/json");
            return error(ex, 415, e.getMessage(), "Content-Type");
        }
        boolean gzipped;
        try {
            gzipped = RequestBody.gzipped(ex.getRequestHeaders().get("Content-Encoding"));
        } catch (RequestBody.UnsupportedEncoding e) {
            metrics.refused("unsupported_encoding");
            ex.getResponseHeaders().set("Accept-Encoding", RequestBody.ACCEPTED_ENCODINGS);
            return error(ex, 415, e.getMessage(), "Content-Encoding");
        }
        refuseDeclaredTooLarge(ex);
        // A body without a Content-Length (chunked) is read before admission: only reading it tells its size, and
        // read after admission it held a place (that a 429 might have been the answer to) while it was refused.
        String early = contentLength(ex) == null ? readBody(ex, gzipped) : null;
        long deadline = t0 + deadlineNanos(ex);
        Admission.Ticket ticket;
        try {
            ticket = admission.admit(kind, deadline);
        } catch (Admission.Refused r) {
            // Decided from the headers: the body is never read or parsed, so a refusal costs next to nothing.
            metrics.refused(r.reason());
            ex.getResponseHeaders().set("Retry-After", Long.toString(r.retryAfterSeconds()));
            return error(ex, r.status(), r.getMessage(), null);
        }
        CompletableFuture<ObjectNode> result;
        JsonNode job;
        try {
            job = runner.check(kind, early != null ? early : readBody(ex, gzipped));
            watch.end(); // read whole and in time: from here the job's completion answers, never the timer
            // Usually it starts at once; else it waits in its endpoint's line, holding no thread.
            result = ticket.started().isDone() ? queue.submit(kind, job, deadline, ticket::stepped)
                    : ticket.started().thenCompose(started -> submitLater(kind, job, deadline, ticket::stepped));
        } catch (ContentQueue.Overloaded e) {
            ticket.close();
            return overloaded(ex, e);
        } catch (IOException | RuntimeException e) {
            ticket.close();
            throw e;
        }
        // The HTTP thread goes back to the door at once; whoever completes the job (a worker, or the
        // deadline timer) answers. Threads that wait for results would leave none to refuse with.
        inFlight.add(result);
        result.orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .whenComplete((answer, failure) -> {
                    inFlight.remove(result);
                    int status = 499;
                    try {
                        serverTiming(ex, t0, ticket.startedAtNanos(), ticket.steppedTokens());
                        status = answer(ex, kind, job, answer, failure);
                    } catch (IOException gone) {
                        // the client went away; 499 is recorded
                    } catch (RuntimeException e) {
                        status = error(ex, 500, "internal error: " + e.getClass().getSimpleName(), null);
                    } finally {
                        ticket.close(status == 200);
                        ex.close();
                        finished(ex, ENDPOINTS.get(path), status, t0);
                    }
                });
        return ANSWERED_LATER;
    }

    /**
     * Says where an answer's time went, in the W3C Server-Timing header: {@code wait} from the handler's
     * start until the job could run (reading the body, the endpoint's line), {@code run} from then until
     * the result was ready, and {@code tokens} the tokens it sampled (redraws included; known for this
     * node's own workers). A client's own time past their sum was spent outside the handler (the
     * connection's accept and dispatch, the answer's write, the network): what {@code bench overload}
     * splits a burst's tail by.
     */
    private static void serverTiming(HttpExchange ex, long handlerStart, long startedAt, long steppedTokens) {
        long now = System.nanoTime();
        long ran = startedAt < 0 ? handlerStart : startedAt;
        ex.getResponseHeaders().set("Server-Timing", String.format(Locale.ROOT, "wait;dur=%.3f, run;dur=%.3f%s",
                (ran - handlerStart) / 1e6, (now - ran) / 1e6,
                steppedTokens < 0 ? "" : ", tokens;desc=" + steppedTokens));
    }

    /** Queues a job whose turn in its endpoint's line has come; a full queue fails the future. */
    private CompletableFuture<ObjectNode> submitLater(String kind, JsonNode job, long deadline,
                                                      java.util.function.LongConsumer steppedTokens) {
        try {
            return queue.submit(kind, job, deadline, steppedTokens);
        } catch (ContentQueue.Overloaded e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The queue behind the door was full: 429 with its Retry-After. */
    private int overloaded(HttpExchange ex, ContentQueue.Overloaded e) {
        metrics.refused("queue_full");
        ex.getResponseHeaders().set("Retry-After", Long.toString(e.retryAfterSeconds()));
        return error(ex, 429, e.getMessage(), null);
    }

    /** Sends a job's result, or the status its failure calls for; returns the status. */
    private int answer(HttpExchange ex, String kind, JsonNode job, ObjectNode answer, Throwable failure) throws IOException {
        if (failure instanceof java.util.concurrent.CompletionException) {
            failure = failure.getCause();
        }
        if (failure instanceof TimeoutException) {
            metrics.refused("deadline");
            return error(ex, 503, "the deadline passed before the content was ready", null);
        }
        if (failure instanceof CancellationException) {
            java.time.Duration drained = drainedAfter;
            if (drained != null) {
                metrics.refused("stopping");
                ex.getResponseHeaders().set("Retry-After", "1");
                ex.getResponseHeaders().set("Connection", "close");
                return error(ex, 503, "this node stopped before the content was ready (it drained for "
                        + drained.toMillis() / 1000.0 + " s, --drain-seconds); send the request to another", null);
            }
            return error(ex, 503, "cancelled", null);
        }
        if (failure instanceof BadRequest bad) {
            metrics.refused("bad_request");
            return error(ex, 400, bad.getMessage(), bad.field());
        }
        if (failure instanceof ContentQueue.Overloaded full) {
            return overloaded(ex, full);
        }
        if (failure instanceof ContentQueue.DeadlinePassed) {
            metrics.refused("deadline");
            return error(ex, 503, failure.getMessage(), null);
        }
        if (failure != null) {
            return error(ex, 500, "generation failed: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), null);
        }
        if (kind.equals(JobRunner.CHAT)) {
            return chat(ex, job, answer);
        }
        return send(ex, 200, "application/json", json.writeValueAsBytes(answer));
    }

    private int chat(HttpExchange ex, JsonNode job, ObjectNode answer) throws IOException {
        ChatReplies replies = new ChatReplies(json, job.path("model").asText(ModelNames.DIALOGUE));
        if (!job.path("stream").asBoolean(false)) {
            return send(ex, 200, "application/json", json.writeValueAsBytes(replies.completion(answer)));
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        long bytes = 0;
        for (String event : replies.events(answer, job.path("stream_options").path("include_usage").asBoolean(false))) {
            byte[] data = ("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8);
            out.write(data);
            out.flush();
            bytes += data.length;
            traces.get(ex).bytes = bytes;
        }
        return 200;
    }

    /** The studio page and its files: static, public like /openapi.json (the API calls it makes need the key). */
    private int studio(HttpExchange ex, String path, String method) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            return error(ex, 405, path + " takes GET", null);
        }
        StudioFiles.Asset file = StudioFiles.read(path);
        if (file == null) {
            return error(ex, 404, "no such file: " + path, null);
        }
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // The browser itself refuses anything not served here: no CDN can creep in.
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                + "media-src 'self' blob:; object-src 'none'; base-uri 'none'");
        if (method.equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Type", file.type());
            ex.sendResponseHeaders(200, -1);
            return 200;
        }
        return send(ex, 200, file.type(), file.bytes());
    }

    /** The moods {@code mood} may name in /v1/music and /v1/music/bars without a file of its own: the service's. */
    private int moods(HttpExchange ex) throws IOException {
        ObjectNode out = json.createObjectNode();
        var names = out.putArray("moods");
        MusicJob.serviceMoods().names().forEach(names::add);
        String file = System.getProperty(BandMusicProvider.MOODS_PROPERTY);
        out.put("file", file == null ? null : java.nio.file.Path.of(file).getFileName().toString());
        return send(ex, 200, "application/json", json.writeValueAsBytes(out));
    }

    private int models(HttpExchange ex) throws IOException {
        ObjectNode out = json.createObjectNode();
        out.put("object", "list");
        var data = out.putArray("data");
        for (String name : ModelNames.all()) {
            describe(data.addObject(), name);
        }
        return send(ex, 200, "application/json", json.writeValueAsBytes(out));
    }

    /** OpenAI's {@code GET /v1/models/{model}} (an SDK's {@code models.retrieve}): one model, or 404 naming it. */
    private int model(HttpExchange ex, String name) throws IOException {
        if (!ModelNames.all().contains(name)) {
            return error(ex, 404, "no model '" + BoundedFiles.printable(name) + "' (served: " + String.join(", ", ModelNames.all())
                    + ")", "model");
        }
        return send(ex, 200, "application/json", json.writeValueAsBytes(describe(json.createObjectNode(), name)));
    }

    private static ObjectNode describe(ObjectNode model, String name) {
        model.put("id", name);
        model.put("object", "model");
        model.put("created", 0);
        model.put("owned_by", "improv");
        return model;
    }

    /** Null if the request may go on; else the status already sent (401 or 429). */
    private Integer authorise(HttpExchange ex) throws IOException {
        if (keys == null) {
            return null;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        // The scheme's name is case-insensitive (RFC 9110, 11.1): "bearer KEY" was a 401.
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        ApiKeys.Bucket bucket = keys.keys().find(key);
        if (bucket != null) {
            traces.get(ex).keyId = bucket.id();
        }
        if (bucket == null) {
            metrics.refused("unauthorized");
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            return error(ex, 401, "a valid API key is required (Authorization: Bearer KEY)", null);
        }
        long wait = bucket.take();
        if (wait > 0) {
            metrics.refused("rate_limit");
            ex.getResponseHeaders().set("Retry-After", Long.toString(wait));
            return error(ex, 429, "this key's rate limit is reached", null);
        }
        return null;
    }

    private long deadlineNanos(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("X-Deadline-Ms");
        if (header == null) {
            return settings.defaultDeadline().toNanos();
        }
        try {
            long ms = Long.parseLong(header.strip());
            if (ms >= 1 && ms <= 600_000) {
                return ms * 1_000_000L;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new BadRequest("X-Deadline-Ms", "must be a whole number of milliseconds in [1, 600000]");
    }

    /** The request's {@code Content-Length} as sent (stripped), or null if it has none (a chunked body). */
    private static String contentLength(HttpExchange ex) {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        return declared == null ? null : declared.strip();
    }

    /**
     * Refuses a body whose {@code Content-Length} is past the size limit before it is admitted: it took an admission
     * place (and a 429 could have been its answer) until its bytes were read.
     */
    private void refuseDeclaredTooLarge(HttpExchange ex) throws IOException {
        String declared = contentLength(ex);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > settings.maxBodyBytes()) {
            throw pastLimit(" (Content-Length: " + declared + ")");
        }
    }

    /**
     * The body's JSON text, decompressed if {@code gzipped}: at most the size limit is held (one byte more tells a body
     * past it, refused 413 as it is read, chunked or not); a body that does not come whole within the read timeout is
     * answered 400 by {@link BodyReadTimeout}.
     */
    private String readBody(HttpExchange ex, boolean gzipped) throws IOException {
        int limit = settings.maxBodyBytes();
        String declared = contentLength(ex);
        byte[] bytes;
        try {
            bytes = ex.getRequestBody().readNBytes(limit + 1);
        } catch (IOException e) {
            // The JDK's chunked reader's own words ("invalid chunk length"): a framing that is broken is the client's
            // mistake, and was answered as if it had gone away (no answer at all).
            if (declared == null && e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("chunk")) {
                throw new BadRequest("body", "is not valid chunked transfer coding (" + BoundedFiles.printable(e.getMessage())
                        + ")");
            }
            throw e;
        }
        if (bytes.length > limit) {
            throw pastLimit(declared == null ? " (sent chunked; it was refused at byte " + bytes.length + ")" : "");
        }
        if (gzipped) {
            bytes = RequestBody.gunzip(bytes, limit + 1);
            if (bytes.length > limit) {
                throw BadRequest.tooLarge("body", "is larger than " + limit + " bytes once decompressed (Content-Encoding: gzip)");
            }
        }
        return RequestBody.text(bytes);
    }

    /** The refusal of a body past the size limit ({@link #tooLarge(HttpExchange, BadRequest)} answers it). */
    private BadRequest pastLimit(String detail) {
        return BadRequest.tooLarge("body", "is larger than the limit of " + settings.maxBodyBytes() + " bytes" + detail);
    }

    /**
     * Answers 413 at once, then reads on a little, the connection to be closed after. The answer comes first: a client
     * that waits for it before it sends (Expect: 100-continue, which the JDK's server acknowledges by itself) was told
     * nothing until the read timed out. The reading after lets a client still sending see the answer rather than a
     * reset; a body far past the limit is cut off, and none of it is kept. The read timeout bounds it.
     */
    private int tooLarge(HttpExchange ex, BadRequest e) {
        ex.getResponseHeaders().set("Connection", "close");
        try {
            write(ex, 413, "application/json", errorBody(ex, 413, e.getMessage(), e.field()));
            ex.getResponseBody().flush();
            InputStream in = ex.getRequestBody();
            long left = 4L * settings.maxBodyBytes();
            byte[] sink = new byte[8192];
            for (int n = 0; left > 0 && n >= 0; left -= n) {
                n = in.read(sink, 0, (int) Math.min(sink.length, left));
            }
        } catch (IOException gone) {
            // the client went away, or stopped sending: the answer was sent first
        }
        return 413;
    }

    /**
     * Answers a body that did not come whole within the read timeout (a {@code Content-Length} larger than what was
     * sent, or a chunked body that stopped): 400 naming what came, the connection closed; nothing if an answer was
     * sent already. Runs on the timer's thread while the handler's is parked in its read, so the answer is written
     * but its stream not closed (closing would wait to read the rest of the body).
     */
    private void late(HttpExchange ex, long got) {
        if (ex.getResponseCode() != -1) {
            return; // answered before its body was read (a 429, a 401): the rest of the body is not waited for
        }
        String declared = contentLength(ex);
        metrics.refused("read_timeout");
        ex.getResponseHeaders().set("Connection", "close");
        String seconds = bodyTimeout.timeout().toMillis() / 1000.0 + " s";
        String message = "body: did not come whole within " + seconds + " (" + got + (declared == null ? " bytes came"
                : " of the " + BoundedFiles.printable(declared) + " bytes its Content-Length declares came")
                + "); send the whole body, with a Content-Length that is its size";
        try {
            write(ex, 400, "application/json", errorBody(ex, 400, message, "body"));
            ex.getResponseBody().flush();
        } catch (IOException gone) {
            // the client went away; its connection is closed next
        }
    }

    private int error(HttpExchange ex, int status, String message, String field) {
        try {
            return send(ex, status, "application/json", errorBody(ex, status, message, field));
        } catch (IOException gone) {
            return status;
        }
    }

    /** An error's JSON, in OpenAI's shape, with the request's id. */
    private byte[] errorBody(HttpExchange ex, int status, String message, String field) throws IOException {
        ObjectNode out = json.createObjectNode();
        ObjectNode e = out.putObject("error");
        e.put("message", message);
        // OpenAI's types: clients retry a server_error, never a mistake of their own (404, 405, 413 were server_error).
        e.put("type", status == 401 ? "authentication_error" : status == 403 ? "permission_error"
                : status == 429 ? "rate_limit_error" : status < 500 ? "invalid_request_error" : "server_error");
        if (field != null) {
            e.put("param", field);
        }
        // The id the answer's X-Request-Id and the access log carry: what an operator asks a client for.
        e.put("request_id", traces.get(ex).requestId);
        return json.writeValueAsBytes(out);
    }

    private int send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        write(ex, status, type, body);
        ex.getResponseBody().close();
        return status;
    }

    /** Writes an answer's head and body, leaving its stream open. */
    private void write(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        traces.get(ex).bytes = body.length;
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** Reopens the access log, if there is one, at its name ({@link AccessLog#reopen}). */
    void reopenAccessLog() {
        if (accessLog != null) {
            accessLog.reopen();
        }
    }

    /** Stops as {@link #close(java.time.Duration)} does with a second to answer what is in flight. */
    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(1));
    }

    /**
     * Refuses every request from now on (503, Retry-After, the connection closed; /health too, so that a balancer
     * takes the node out), answers those admitted for at most {@code drain}, then closes. The JDK server's own
     * {@code stop(delay)} waits out the whole delay when nothing is in flight (JDK 17), so the wait is ours.
     */
    public void close(java.time.Duration drain) {
        if (stopping) {
            return;
        }
        stopping = true;
        boolean drained = awaitAdmitted(drain);
        if (!drained) {
            // The drain ran out: what is still in flight is told so (503, Retry-After), not cut off without a word.
            drainedAfter = drain;
            inFlight.forEach(f -> f.cancel(false));
            awaitAdmitted(java.time.Duration.ofSeconds(2));
        }
        http.stop(0);
        httpThreads.shutdownNow();
        bodyTimeout.close();
        if (accessLog != null) {
            accessLog.close();
        }
    }

    /** Waits up to {@code most} for every admitted request to be answered; returns whether they were. */
    private boolean awaitAdmitted(java.time.Duration most) {
        long until = System.nanoTime() + most.toNanos();
        while (admission.admitted() > 0 && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return admission.admitted() == 0;
    }

    /** Endpoints and their job kinds, for the OpenAPI test. */
    static List<String> endpoints() {
        return List.copyOf(ENDPOINTS.keySet());
    }
}
