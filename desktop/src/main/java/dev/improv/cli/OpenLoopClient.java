package dev.improv.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An open-loop HTTP/1.1 load generator: POSTs on keep-alive connections, all of them driven by one
 * selector thread, answers parsed just far enough for their status and body. For the overload bench,
 * whose generator shares the machine's cores with the service it bursts: the JDK's HttpClient spends
 * 0.4-0.8 ms of CPU a request (measured in {@code bench overload}), which at a burst of 500-1,000 requests
 * a second is most of a core that a real deployment's clients, on other machines, never take from it.
 * Only what the bench sends: fixed-length answers (the service sends no chunked ones to these
 * requests), no TLS, no redirects.
 */
final class OpenLoopClient implements AutoCloseable {
    /** An answer: its status, body and Server-Timing header (null if none), or the failure of its connection. */
    record Answer(int status, String body, String serverTiming) {
    }

    private final InetSocketAddress address;
    private final String host;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Call> submitted = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private volatile boolean closed;

    OpenLoopClient(URI base) throws IOException {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "open-loop-client");
        thread.setDaemon(true);
        thread.start();
    }

    /** POSTs {@code body} (JSON) to {@code path} with the extra header lines {@code headers} ("Name: value\r\n" each). */
    CompletableFuture<Answer> post(String path, String headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = String.format(Locale.ROOT, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"
                + "Content-Length: %d\r\n%s\r\n", path, host, content.length, headers).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer request = ByteBuffer.allocate(head.length + content.length).put(head).put(content).flip();
        Call call = new Call(request);
        if (closed) {
            call.answer.completeExceptionally(new IOException("the client is closed"));
            return call.answer;
        }
        submitted.add(call);
        selector.wakeup();
        return call.answer;
    }

    /** One request on its way and its answer. */
    private static final class Call {
        final ByteBuffer request;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();

        Call(ByteBuffer request) {
            this.request = request;
        }
    }

    /** A connection and the call it carries (null when idle), with what has come of its answer. */
    private static final class Connection {
        final SocketChannel channel;
        SelectionKey key;
        Call call;
        final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int headerEnd = -1;
        int status;
        int contentLength;
        boolean closeAfter;
        String serverTiming;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select();
                for (Call call; (call = submitted.poll()) != null; ) {
                    start(call);
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isConnectable() && c.channel.finishConnect()) {
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) {
                            write(c);
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(c);
                        }
                    } catch (IOException | RuntimeException e) {
                        fail(c, e);
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        } finally {
            for (Call call; (call = submitted.poll()) != null; ) {
                call.answer.completeExceptionally(new IOException("the client is closed"));
            }
            for (SelectionKey key : selector.keys()) {
                fail((Connection) key.attachment(), new IOException("the client is closed"));
            }
        }
    }

    /** Puts a call on an idle connection, or on a new one. */
    private void start(Call call) {
        Connection c = idle.poll();
        try {
            if (c == null) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                c = new Connection(channel);
                c.call = call;
                c.key = channel.register(selector, channel.connect(address) ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, c);
                return;
            }
            c.call = call;
            write(c);
        } catch (IOException e) {
            if (c == null) {
                call.answer.completeExceptionally(e);
            } else {
                fail(c, e);
            }
        }
    }

    private void write(Connection c) throws IOException {
        c.channel.write(c.call.request);
        c.key.interestOps(c.call.request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Connection c) throws IOException {
        c.in.clear();
        int n = c.channel.read(c.in);
        if (n < 0) {
            throw new IOException("the service closed the connection before answering");
        }
        c.received.write(c.in.array(), 0, n);
        byte[] bytes = c.received.toByteArray();
        if (c.headerEnd < 0) {
            c.headerEnd = headerEnd(bytes);
            if (c.headerEnd < 0) {
                return;
            }
            parseHead(c, new String(bytes, 0, c.headerEnd, StandardCharsets.ISO_8859_1));
        }
        if (bytes.length - c.headerEnd < c.contentLength) {
            return;
        }
        Call call = c.call;
        String body = new String(bytes, c.headerEnd, c.contentLength, StandardCharsets.UTF_8);
        boolean extra = bytes.length - c.headerEnd > c.contentLength; // nothing was asked: not a keep-alive we trust
        c.call = null;
        c.received.reset();
        c.headerEnd = -1;
        if (c.closeAfter || extra) {
            c.key.cancel();
            c.channel.close();
        } else {
            c.key.interestOps(0);
            idle.push(c);
        }
        call.answer.complete(new Answer(c.status, body, c.serverTiming));
    }

    /** The index just past the blank line that ends the head, or -1 while it has not all come. */
    private static int headerEnd(byte[] b) {
        for (int i = 3; i < b.length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void parseHead(Connection c, String head) throws IOException {
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: " + lines[0]);
        }
        c.status = Integer.parseInt(status[1]);
        c.contentLength = 0;
        c.serverTiming = null;
        c.closeAfter = status[0].equals("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (name.equals("content-length")) {
                c.contentLength = Integer.parseInt(value);
            } else if (name.equals("server-timing")) {
                c.serverTiming = value;
            } else if (name.equals("connection")) {
                c.closeAfter = value.equalsIgnoreCase("close");
            } else if (name.equals("transfer-encoding")) {
                throw new IOException("a " + value + " answer: this client reads fixed-length ones only");
            }
        }
    }

    private void fail(Connection c, Exception e) {
        if (c.key != null) {
            c.key.cancel();
        }
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // failing anyway
        }
        idle.remove(c);
        if (c.call != null) {
            c.call.answer.completeExceptionally(e);
            c.call = null;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
    }
}
