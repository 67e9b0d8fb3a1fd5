package dev.improv.serve.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A body's bytes to its JSON text: which codings are taken, and what a body that cannot be decoded says. */
class RequestBodyTest {

    @Test
    void identityAndOneGzipAreTakenAnyOtherCodingIsNamed() {
        assertFalse(RequestBody.gzipped(null));
        assertFalse(RequestBody.gzipped(List.of("identity")));
        assertTrue(RequestBody.gzipped(List.of("GZIP")));
        assertTrue(RequestBody.gzipped(List.of("x-gzip")));
        assertTrue(RequestBody.gzipped(List.of("identity, gzip")));
        for (List<String> other : List.of(List.of("br"), List.of("deflate"), List.of("gzip, gzip"), List.of("gzip", "br"))) {
            RequestBody.UnsupportedEncoding e = assertThrows(RequestBody.UnsupportedEncoding.class,
                    () -> RequestBody.gzipped(other), other.toString());
            assertTrue(e.getMessage().startsWith("Content-Encoding: "), e.getMessage());
            assertTrue(e.getMessage().contains("gzip"), "says what is taken: " + e.getMessage());
        }
    }

    @Test
    void gzipIsInflatedUpToTheLimitAndBrokenGzipIsTheBodysFault() throws IOException {
        byte[] text = "{\"width\":16}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text, RequestBody.gunzip(gzip(text), 1000));
        assertEquals(1001, RequestBody.gunzip(gzip(new byte[10 << 20]), 1001).length, "cut at the limit");
        assertEquals("body", assertThrows(BadRequest.class, () -> RequestBody.gunzip(text, 1000)).field());
        byte[] cut = gzip(text);
        BadRequest e = assertThrows(BadRequest.class, () -> RequestBody.gunzip(Arrays.copyOf(cut, cut.length - 4), 1000));
        assertTrue(e.getMessage().startsWith("body: is cut off"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsDroppedAndBytesThatAreNotUtf8AreNamed() {
        assertEquals("{}", RequestBody.text("\uFEFF{}".getBytes(StandardCharsets.UTF_8)));
        BadRequest e = assertThrows(BadRequest.class, () -> RequestBody.text(new byte[] {'{', '"', (byte) 0xff, '"', '}'}));
        assertEquals("body: line 1: byte 0xff at byte 2 is not UTF-8; send the body as UTF-8", e.getMessage());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
