package dev.improv.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
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
        byte[] all = in.readNBytes((int) Limits.MAX_WEIGHTS_BYTES);
        if (in.read() >= 0) {
            throw new IOException(source + ": longer than " + Limits.MAX_WEIGHTS_BYTES + " bytes; weights files over "
                    + Limits.MAX_WEIGHTS_BYTES + " bytes are refused");
        }
        return parse(all, source);
    }

    public static Weights read(Path file) throws IOException {
        return parse(BoundedFiles.readBytes(file, Limits.MAX_WEIGHTS_BYTES, "weights files"), file.toString());
    }

    /**
     * Parses the safetensors layout strictly: every tensor F32 with a sane shape, its bytes at a
     * 4-byte-aligned offset, the tensors covering the data with no gap, overlap or trailing bytes,
     * and every value finite. A file that breaks any of these fails here, naming the tensor, rather
     * than decoding garbage later.
     */
    static Weights parse(byte[] all, String source) throws IOException {
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
            header = JSON.readTree(BoundedFiles.decode(Arrays.copyOfRange(all, 8, 8 + (int) headerLength), source).trim());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(BoundedFiles.describe(source + ": weights header", e));
        }
        if (header == null || !header.isObject()) {
            throw new IOException(source + ": weights header must be a JSON object");
        }
        long dataStart = 8 + headerLength;
        long dataLength = all.length - dataStart;
        Weights weights = new Weights();
        java.util.TreeMap<Long, String> byOffset = new java.util.TreeMap<>();
        Map<String, Long> ends = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                e.getValue().fields().forEachRemaining(m -> weights.metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            JsonNode entry = e.getValue();
            String name = e.getKey();
            String where = source + ": tensor '" + name + "'";
            if (!"F32".equals(entry.path("dtype").asText())) {
                throw new IOException(where + " has dtype " + entry.path("dtype") + "; only F32 is supported");
            }
            JsonNode shapeNode = entry.path("shape");
            if (!shapeNode.isArray() || shapeNode.size() > 8) {
                throw new IOException(where + ": field 'shape' must be a list of at most 8 dimensions");
            }
            int[] shape = new int[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                JsonNode dim = shapeNode.get(i);
                if (!dim.canConvertToInt() || !dim.isIntegralNumber() || dim.asInt() < 0) {
                    throw new IOException(where + ": field 'shape' has dimension " + dim + ", expected 0.." + Integer.MAX_VALUE);
                }
                shape[i] = dim.asInt();
                count = count > dataLength ? count : count * shape[i];
            }
            JsonNode offsets = entry.path("data_offsets");
            long begin = offsets.path(0).isIntegralNumber() ? offsets.path(0).asLong() : -1;
            long end = offsets.path(1).isIntegralNumber() ? offsets.path(1).asLong() : -1;
            if (offsets.size() != 2 || begin < 0 || end < begin || end > dataLength || count > dataLength
                    || end - begin != 4 * count) {
                throw new IOException(where + " lies outside the file (offsets " + begin + ".." + end + ", shape "
                        + Arrays.toString(shape) + ", data " + dataLength + " bytes): the file is truncated or corrupt");
            }
            if (begin % 4 != 0) {
                throw new IOException(where + " starts at byte " + begin + " of the data, not a multiple of 4 (misaligned)");
            }
            if (count > 0) {
                String before = byOffset.put(begin, name);
                if (before != null) {
                    throw new IOException(where + " overlaps tensor '" + before + "'");
                }
                ends.put(name, end);
            }
            float[] data = new float[(int) count];
            buf.position((int) (dataStart + begin));
            buf.asFloatBuffer().get(data);
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    throw new IOException(where + " holds " + data[i] + " at index " + i + "; weights must be finite");
                }
            }
            weights.put(name, shape, data);
        }
        long covered = 0;
        for (Map.Entry<Long, String> e : byOffset.entrySet()) {
            if (e.getKey() != covered) {
                throw new IOException(source + ": tensor '" + e.getValue() + "' starts at byte " + e.getKey()
                        + " of the data but the tensors before it end at " + covered + " (a gap or an overlap)");
            }
            covered = ends.get(e.getValue());
        }
        if (covered != dataLength) {
            throw new IOException(source + ": " + (dataLength - covered) + " bytes after the last tensor; the file is padded or corrupt");
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
