package dev.improv.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Cancellation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One endpoint of a server that the remote engines call, with the api's deadline and cancellation: the
 * time left travels as {@code X-Deadline-Ms}, the call is abandoned when the request is cancelled, and
 * a failure or a late answer is a null for the engine's fallback, never an exception. Thread-safe.
 */
final class RemoteCall {
    /** Base URL of an Improv service, for every remote engine. */
    static final String URL_PROPERTY = "improv.remote.url";
    /** API key for the Improv service (sent as a bearer token), optional. */
    static final String KEY_PROPERTY = "improv.remote.key";
    /** A call with no deadline still ends after this long. */
    static final Duration LONGEST = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String key;

    RemoteCall(URI uri, String key) {
        this.uri = uri;
        this.key = key;
    }

    /**
     * {@code path} on the Improv service named by {@code -Dimprov.remote.url} (and its key); the
     * message names the engine that needs it.
     */
    static RemoteCall improvService(String path, String engine) {
        String base = System.getProperty(URL_PROPERTY);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("the remote " + engine + " engine needs -D" + URL_PROPERTY
                    + "=http://host:port/ (an Improv service, 'improv serve')");
        }
        return new RemoteCall(endpoint(base, path), System.getProperty(KEY_PROPERTY));
    }

    static URI endpoint(String base, String path) {
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(path);
    }

    /**
     * Posts the body that {@code body} makes from the time budget (the time left less a margin for the
     * way back) and returns the 200 answer's JSON; null if the server failed, refused or was late.
     *
     * @throws dev.improv.api.GenerationCancelledException if the request was cancelled meanwhile
     */
    JsonNode post(Function<Duration, ObjectNode> body, Cancellation cancellation) {
        Duration left = cancellation.remaining();
        Duration budget = left == null ? LONGEST : left.minus(DialogueRequests.MARGIN);
        if (budget.isNegative() || budget.isZero()) {
            return null;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(budget)
                .header("Content-Type", "application/json")
                .header("X-Deadline-Ms", Long.toString(Math.max(1, budget.toMillis())))
                .POST(HttpRequest.BodyPublishers.ofString(body.apply(budget).toString()));
        if (key != null && !key.isBlank()) {
            b.header("Authorization", "Bearer " + key);
        }
        CompletableFuture<HttpResponse<String>> call = HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
        long until = System.nanoTime() + budget.toNanos();
        try {
            while (true) {
                if (cancellation.isCancelled()) {
                    call.cancel(true);
                    cancellation.throwIfCancelled();
                }
                long wait = Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(10));
                if (wait <= 0) {
                    call.cancel(true);
                    return null;
                }
                try {
                    HttpResponse<String> r = call.get(wait, TimeUnit.NANOSECONDS);
                    return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
                } catch (TimeoutException stillWaiting) {
                    // check cancellation again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return null;
        } catch (ExecutionException | IOException e) {
            return null; // unreachable or unreadable: the caller's fallback takes over
        }
    }
}
