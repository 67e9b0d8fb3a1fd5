package dev.improv.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The studio page's files (HTML, the project's own scripts and styles, the demo's sprite sheet and
 * example NPC cards copied from {@code assets/} at build time), read from the classpath under
 * {@code dev/improv/serve/studio/}. {@code /} is the page, {@code /studio/NAME} a file; nothing
 * comes from anywhere else, so the page works offline. Thread-safe (stateless).
 */
final class StudioFiles {
    static final String PREFIX = "/studio/";
    /** Plain names in at most one folder: no "..", no absolute paths, nothing but the studio's files. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)?\\.(html|js|css|png|json)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png",
            "json", "application/json");

    /** A file and its media type. */
    record Asset(byte[] bytes, String type) {
    }

    /** Whether {@code path} is the studio's to answer (the page or a file under {@link #PREFIX}). */
    static boolean owns(String path) {
        return path.equals("/") || path.startsWith(PREFIX);
    }

    /** The file for a path {@link #owns} accepted, or null if there is none. */
    static Asset read(String path) throws IOException {
        String name = path.equals("/") ? "index.html" : path.substring(PREFIX.length());
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        try (InputStream in = StudioFiles.class.getResourceAsStream("studio/" + name)) {
            if (in == null) {
                return null;
            }
            return new Asset(in.readAllBytes(), TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        }
    }
}
