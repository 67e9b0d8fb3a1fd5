package dev.improv.serve;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys clients must send ({@code Authorization: Bearer KEY}), read from {@code --api-key-file}:
 * one key a line, optionally followed by its limit in requests a minute ({@code KEY 600});
 * {@code #} starts a comment. Each key has a token bucket refilled at that rate.
 */
final class ApiKeys {
    /** Requests a minute when a line gives no limit. */
    static final int DEFAULT_PER_MINUTE = 600;

    private final Map<String, Bucket> buckets = new HashMap<>();

    private ApiKeys() {
    }

    /** Reads the key file; a bad line is an error naming the file and line. */
    static ApiKeys load(Path file) throws IOException {
        ApiKeys keys = new ApiKeys();
        // Strict UTF-8 naming the line (Files.readAllLines said only "Input length = 1"), capped like every settings file.
        List<String> lines = BoundedFiles.readText(file, Limits.MAX_SETTINGS_FILE_BYTES, "API key files").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            int perMinute = DEFAULT_PER_MINUTE;
            try {
                if (parts.length > 2) {
                    throw new NumberFormatException();
                }
                if (parts.length == 2) {
                    perMinute = Integer.parseInt(parts[1]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'KEY' or 'KEY REQUESTS_PER_MINUTE'");
            }
            if (parts[0].length() < 16 || perMinute < 1) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": a key needs at least 16 characters and a limit of at least 1 a minute");
            }
            keys.buckets.put(parts[0], new Bucket(perMinute, id(parts[0])));
        }
        if (keys.buckets.isEmpty()) {
            throw new IllegalArgumentException(file + ": no keys");
        }
        return keys;
    }

    /** How many keys there are. */
    int size() {
        return buckets.size();
    }

    /** These keys, each that {@code old} has with the same limit keeping its bucket (a reload does not refill a key). */
    ApiKeys keepingBucketsOf(ApiKeys old) {
        buckets.replaceAll((key, bucket) -> {
            Bucket kept = old.buckets.get(key);
            return kept != null && kept.capacity == bucket.capacity ? kept : bucket;
        });
        return this;
    }

    /** The bucket of a presented key, or null if the key is unknown (compared in constant time). */
    Bucket find(String presented) {
        if (presented == null) {
            return null;
        }
        Bucket found = null;
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, Bucket> e : buckets.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8), p)) {
                found = e.getValue();
            }
        }
        return found;
    }

    /**
     * A key's id for logs: the first 8 hex digits of its SHA-256, which names the key to whoever holds the file
     * ({@code printf %s KEY | sha256sum | cut -c1-8}) and gives away nothing of it.
     */
    static String id(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** A key's token bucket: a minute's worth of requests as burst, refilled continuously. */
    static final class Bucket {
        private final String id;
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int perMinute, String id) {
            this.id = id;
            this.capacity = perMinute;
            this.tokens = perMinute;
            this.perNano = perMinute / 60e9;
        }

        /** The key's id ({@link ApiKeys#id}). */
        String id() {
            return id;
        }

        /** Takes one request; returns 0 if allowed, else the seconds until one would be. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
