package dev.improv.serve.content;

import dev.improv.io.BoundedFiles;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A request's body as the JSON text it carries: sent as is or gzip-compressed ({@code Content-Encoding}),
 * strict UTF-8, a leading byte-order mark dropped (RFC 8259 lets a parser ignore one; Windows tools write it).
 * Before, a gzip body was parsed as JSON ("not valid JSON, line 1, column 2"), a mark made any body invalid
 * JSON at line 1, column 1, and a byte that is not UTF-8 became U+FFFD in an NPC's persona without a word.
 */
public final class RequestBody {
    /** The codings a body may come in besides none, for a 415's {@code Accept-Encoding} (RFC 7694). */
    public static final String ACCEPTED_ENCODINGS = "gzip";

    private RequestBody() {
    }

    /** A {@code Content-Encoding} this service cannot decode: answered 415, naming the header. */
    public static final class UnsupportedEncoding extends RuntimeException {
        UnsupportedEncoding(String message) {
            super(message);
        }
    }

    /**
     * Whether the body is gzip-compressed, by its {@code Content-Encoding} headers (null or none: not); any
     * coding but identity and one gzip is an {@link UnsupportedEncoding}. Decided before the body is read.
     */
    public static boolean gzipped(List<String> contentEncoding) {
        List<String> codings = new ArrayList<>();
        if (contentEncoding != null) {
            for (String header : contentEncoding) {
                for (String c : header.split(",")) {
                    String coding = c.strip().toLowerCase(Locale.ROOT);
                    if (!coding.isEmpty() && !coding.equals("identity")) {
                        codings.add(coding);
                    }
                }
            }
        }
        if (codings.isEmpty()) {
            return false;
        }
        if (codings.size() == 1 && (codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"))) {
            return true;
        }
        throw new UnsupportedEncoding("Content-Encoding: " + BoundedFiles.printable(String.join(", ", codings))
                + " is not supported; send the body as is or compressed once with gzip");
    }

    /** A {@code Content-Type} that is not JSON: answered 415, naming the header. */
    public static final class UnsupportedMediaType extends RuntimeException {
        UnsupportedMediaType(String message) {
            super(message);
        }
    }

    /**
     * Refuses a body whose {@code Content-Type} is not {@code application/json} (a {@code charset} parameter may
     * say utf-8, nothing else): a page on any site may send a cross-site {@code text/plain}, form or type-less POST
     * without a CORS preflight, and an open node on loopback took it as a request (a CSRF risk; a JSON type makes a
     * browser ask first, which a node without {@code --cors-origin} never allows). Decided before the body is read.
     */
    public static void requireJson(List<String> contentType) {
        if (contentType == null || contentType.size() != 1) {
            throw new UnsupportedMediaType(contentType == null || contentType.isEmpty()
                    ? "Content-Type is missing; send Content-Type: application/json"
                    : "Content-Type is given " + contentType.size() + " times; send it once: application/json");
        }
        String[] parts = contentType.get(0).split(";");
        boolean json = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].strip();
            String value = parameter.length == 2 ? parameter[1].strip().replace("\"", "") : "";
            json = name.isEmpty() || (name.equalsIgnoreCase("charset") && value.equalsIgnoreCase("utf-8"));
        }
        if (!json) {
            throw new UnsupportedMediaType("Content-Type: " + BoundedFiles.printable(contentType.get(0))
                    + " is not supported; send Content-Type: application/json (UTF-8)");
        }
    }

    /**
     * The bytes a gzip body decompresses to, at most {@code maxBytes} of them (a body longer than that is cut
     * there: the caller refuses it by its length, and a small body that inflates without end is never held whole).
     */
    public static byte[] gunzip(byte[] body, int maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readNBytes(maxBytes);
        } catch (EOFException e) {
            throw new BadRequest("body", "is cut off: its gzip data ends early (Content-Encoding: gzip)");
        } catch (ZipException e) {
            throw new BadRequest("body", "is not gzip data, though its Content-Encoding says gzip");
        } catch (IOException e) {
            throw new BadRequest("body", "cannot be decompressed (Content-Encoding: gzip)");
        }
    }

    /** The body's bytes as text: strict UTF-8, a leading byte-order mark dropped. */
    public static String text(byte[] body) {
        try {
            return BoundedFiles.decode(body, "body", "send the body as UTF-8");
        } catch (IOException e) {
            throw new BadRequest("body", e.getMessage());
        }
    }
}
