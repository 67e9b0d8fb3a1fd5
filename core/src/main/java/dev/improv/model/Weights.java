package dev.improv.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named float32 tensors, stored in the safetensors layout (an 8-byte header length, a JSON header,
 * then raw little-endian data) so that Java, DJL and the Python benchmark peer all read the same file.
 */
public final class Weights {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refuse headers larger than this: a corrupt length field must not make us allocate gigabytes. */
    private static final long MAX_HEADER_BYTES = 16 << 20;

    /** One tensor: its shape and its values in row-major order. */
    public record Tensor(int[] shape, float[] data) {
        public Tensor {
            long n = 1;
            for (int s : shape) {
                n *= s;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                        + " values, got " + data.length);
            }
        }
    }

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    /** Free-form strings stored in the header's __metadata__ (a checkpoint's training state). */
    private final Map<String, String> metadata = new LinkedHashMap<>();

    public Map<String, String> metadata() {
        return metadata;
    }

    public void put(String name, int[] shape, float[] data) {
        tensors.put(name, new Tensor(shape.clone(), data));
    }

    /** The tensor called {@code name}; fails with the name if it is missing. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("weights have no tensor named '" + name + "'");
        }
        return t;
    }

    /** The values of {@code name}, checked against the expected shape. */
    public float[] get(String name, int... expectedShape) {
        Tensor t = tensor(name);
        if (!Arrays.equals(t.shape(), expectedShape)) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + ", the config expects " + Arrays.toString(expectedShape));
        }
        return t.data();
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** Writes all tensors in insertion order. */
    public void write(OutputStream out) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", "F32");
            var shape = entry.putArray("shape");
            for (int s : e.getValue().shape()) {
                shape.add(s);
            }
            long bytes = 4L * e.getValue().data().length;
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        // The format pads the header with spaces to an 8-byte boundary.
        int padded = (headerBytes.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(prefix.array());
        out.write(headerBytes);
        for (int i = headerBytes.length; i < padded; i++) {
            out.write(' ');
        }
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors.values()) {
            for (float v : t.data()) {
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putFloat(v);
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    /** Writes to {@code file} atomically: a temporary file in the same folder, then a rename. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, this::write);
    }

    /** Reads a safetensors file; {@code source} names it in errors. */
    public static Weights read(InputStream in, String source) throws IOException {
        byte[] all = in.readAllBytes();
        return parse(all, source);
    }

    public static Weights read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    private static Weights parse(byte[] all, String source) throws IOException {
        if (all.length < 8) {
            throw new IOException(source + ": truncated weights file (" + all.length + " bytes, no header)");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > all.length - 8) {
            throw new IOException(source + ": corrupt or truncated weights file (header length " + headerLength
                    + ", file size " + all.length + ")");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(all, 8, (int) headerLength, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new IOException(source + ": weights header is not valid JSON: " + e.getMessage());
        }
        long dataStart = 8 + headerLength;
        long dataLength = all.length - dataStart;
        Weights weights = new Weights();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                e.getValue().fields().forEachRemaining(m -> weights.metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            JsonNode entry = e.getValue();
            String name = e.getKey();
            if (!"F32".equals(entry.path("dtype").asText())) {
                throw new IOException(source + ": tensor '" + name + "' has dtype " + entry.path("dtype")
                        + "; only F32 is supported");
            }
            JsonNode shapeNode = entry.path("shape");
            int[] shape = new int[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt(-1);
                if (shape[i] < 0) {
                    throw new IOException(source + ": tensor '" + name + "' has a negative dimension");
                }
                count *= shape[i];
            }
            long begin = entry.path("data_offsets").path(0).asLong(-1);
            long end = entry.path("data_offsets").path(1).asLong(-1);
            if (begin < 0 || end > dataLength || end - begin != 4 * count) {
                throw new IOException(source + ": tensor '" + name + "' lies outside the file (offsets " + begin
                        + ".." + end + ", data " + dataLength + " bytes): the file is truncated or corrupt");
            }
            float[] data = new float[(int) count];
            buf.position((int) (dataStart + begin));
            buf.asFloatBuffer().get(data);
            weights.put(name, shape, data);
        }
        return weights;
    }

    /** Serialises to bytes; handy for tests and for copying. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
