package dev.conclave.tck.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 server on 127.0.0.1 with blocking sockets, for the transport conformance suite: every byte
 * under control, so that it can misbehave exactly (cut a body, close a kept-alive connection, answer late,
 * trickle, redirect), and it records each request exactly as it arrived. One daemon thread per connection.
 *
 * <p>Routes: {@code /echo/...} (200, the request body back), {@code /status/{code}/{empty|json|text|html|chunked}},
 * {@code /bytes/{n}} and {@code /chunked/{n}} (n body bytes), {@code /cut} and {@code /cut-chunked} (the body
 * cut by a close), {@code /slow/{ms}} (answers after ms, or notes the client gave up), {@code /trickle/{ms}}
 * (a 100-byte body, a byte every ms), {@code /close-after} (answers, then closes the kept-alive connection),
 * {@code /redirect} (302 to {@code /echo/redirected}); anything else 404.
 */
public final class TckServer implements AutoCloseable {
    /** One request as received. */
    public record Received(int connection, String method, String target, List<Map.Entry<String, String>> headers,
                           byte[] body) {
        /** The first value of a header, case-insensitively, or {@code null}. */
        public String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    private final ServerSocket listener;
    private final boolean tls;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tck-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Starts listening.
     *
     * @param tls the server's TLS context, or {@code null} for plain HTTP
     * @throws IOException if the port cannot be bound
     */
    public TckServer(SSLContext tls) throws IOException {
        this.tls = tls != null;
        this.listener = tls == null ? new ServerSocket(0, 512, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 512, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** {@code http://127.0.0.1:port} or {@code https://...}, no trailing slash. */
    public URI base() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + listener.getLocalPort());
    }

    /** The requests received so far, in order of arrival. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections open now. */
    public int open() {
        return open.size();
    }

    /** {@code /slow} requests whose client closed the connection before the answer was due. */
    public int abandoned() {
        return abandoned.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                accepted.incrementAndGet();
                open.add(socket);
                threads.execute(() -> serve(socket, accepted.get()));
            } catch (IOException | java.util.concurrent.RejectedExecutionException stopped) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.add(Map.entry(header.substring(0, colon), header.substring(colon + 1).trim()));
                }
                Received request = new Received(connection, parts[0], parts[1], List.copyOf(headers),
                        body(in, headers));
                received.add(request);
                if (!answer(socket, in, out, request)
                        || "close".equalsIgnoreCase(request.header("Connection"))) {
                    return;
                }
            }
        } catch (IOException ended) {
            // The client went away, or the server is closing: this connection is done either way.
        } finally {
            open.remove(socket);
        }
    }

    /** Writes the answer; returns whether the connection stays open. */
    private boolean answer(Socket socket, InputStream in, OutputStream out, Received request) throws IOException {
        String path = request.target();
        String[] segments = path.split("/");
        String route = segments.length > 1 ? segments[1] : "";
        switch (route) {
            case "echo" -> write(out, 200, "OK", List.of("Content-Type: application/octet-stream",
                    "X-Echo-Method: " + request.method()), request.body());
            case "status" -> status(out, Integer.parseInt(segments[2]), segments.length > 3 ? segments[3] : "empty");
            case "bytes" -> write(out, 200, "OK", List.of("Content-Type: application/octet-stream"),
                    pattern(Integer.parseInt(segments[2])));
            case "chunked" -> chunked(out, 200, pattern(Integer.parseInt(segments[2])), true);
            case "cut" -> {
                out.write(head(200, "OK", List.of("Content-Length: 1000", "Content-Type: application/json")));
                out.write(pattern(100));
                out.flush();
                return false;
            }
            case "cut-chunked" -> {
                chunked(out, 200, pattern(20_000), false);
                return false;
            }
            case "slow" -> {
                long millis = Long.parseLong(segments[2]);
                socket.setSoTimeout((int) millis);
                try {
                    if (in.read() < 0) {
                        abandoned.incrementAndGet();
                        return false;
                    }
                } catch (SocketTimeoutException due) {
                    // Nothing from the client: time to answer.
                } finally {
                    socket.setSoTimeout(30_000);
                }
                write(out, 200, "OK", List.of("Content-Type: text/plain"), "late".getBytes(StandardCharsets.UTF_8));
            }
            case "trickle" -> {
                long millis = Long.parseLong(segments[2]);
                out.write(head(200, "OK", List.of("Content-Length: 100", "Content-Type: text/plain")));
                out.flush();
                for (int i = 0; i < 100 && !closed; i++) {
                    sleep(millis);
                    out.write('x');
                    out.flush();
                }
            }
            case "close-after" -> {
                write(out, 200, "OK", List.of("Content-Type: text/plain"), "bye".getBytes(StandardCharsets.UTF_8));
                return false;
            }
            case "redirect" -> write(out, 302, "Found", List.of("Location: /echo/redirected"), new byte[0]);
            default -> write(out, 404, "Not Found", List.of("Content-Type: text/plain"),
                    "no such route".getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    private static void status(OutputStream out, int code, String kind) throws IOException {
        String reason = "Status " + code;
        if (code == 204 || code == 304) {
            out.write(head(code, reason, List.of()));
            out.flush();
            return;
        }
        switch (kind) {
            case "json" -> write(out, code, reason, List.of("Content-Type: application/json"),
                    ("{\"code\": " + (20000 + code) + ", \"message\": \"status " + code + "\", \"status\": " + code
                            + "}").getBytes(StandardCharsets.UTF_8));
            case "text" -> write(out, code, reason, List.of("Content-Type: text/plain; charset=utf-8"),
                    ("plain text, status " + code + " \u00e9").getBytes(StandardCharsets.UTF_8));
            case "html" -> write(out, code, reason, List.of("Content-Type: text/html"),
                    ("<html><body><h1>" + code + "</h1></body></html>").getBytes(StandardCharsets.UTF_8));
            case "chunked" -> chunked(out, code, ("{\"status\": " + code + "}").getBytes(StandardCharsets.UTF_8), true);
            default -> write(out, code, reason, List.of(), new byte[0]);
        }
    }

    private static void write(OutputStream out, int code, String reason, List<String> headers, byte[] body)
            throws IOException {
        List<String> all = new ArrayList<>(headers);
        all.add("Content-Length: " + body.length);
        out.write(head(code, reason, all));
        out.write(body);
        out.flush();
    }

    private static void chunked(OutputStream out, int code, byte[] body, boolean finish) throws IOException {
        out.write(head(code, "Status " + code, List.of("Transfer-Encoding: chunked", "Content-Type: application/octet-stream")));
        int limit = finish ? body.length : body.length / 2;
        for (int at = 0; at < limit; at += 8192) {
            int n = Math.min(8192, limit - at);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (finish) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static byte[] head(int code, String reason, List<String> headers) {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason).append("\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code n} bytes of a fixed pattern that covers every byte value. */
    public static byte[] pattern(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private static byte[] body(InputStream in, List<Map.Entry<String, String>> headers) throws IOException {
        String length = null;
        boolean chunked = false;
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase("Content-Length")) {
                length = header.getValue();
            } else if (header.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                chunked = header.getValue().toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        if (chunked) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                bytes.write(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // Trailers are not recorded.
            }
            return bytes.toByteArray();
        }
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.trim()));
    }

    /** One CRLF-terminated line as ISO-8859-1, or {@code null} at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and closes every connection at once. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
