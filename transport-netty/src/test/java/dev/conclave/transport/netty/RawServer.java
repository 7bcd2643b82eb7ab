package dev.conclave.transport.netty;

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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that misbehaves on purpose: each accepted connection runs a script over the raw
 * socket (answer partially, stall, close mid-body...). Every socket read is bounded by a timeout, and
 * {@link #close()} ends every connection, so no test can hang on it.
 */
final class RawServer implements AutoCloseable {
    /** What to do with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Connection connection) throws IOException, InterruptedException;
    }

    /** One accepted connection, with helpers for reading requests and writing raw bytes. */
    static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.socket.setSoTimeout(10_000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads one request head and its Content-Length body; returns the head, or null at end of stream. */
        String readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    int length = Integer.parseInt(line.substring(15).trim());
                    in.readNBytes(length);
                }
            }
            return text;
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Waits until the client closes the connection; true if it did within the time. */
        boolean awaitClientClose(long millis) throws IOException {
            socket.setSoTimeout((int) millis);
            try {
                while (in.read() >= 0) {
                    // discard
                }
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    RawServer(Script script) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    sockets.add(socket);
                    accepted.incrementAndGet();
                    threads.execute(() -> {
                        try (socket) {
                            script.run(new Connection(socket));
                        } catch (IOException | InterruptedException ignored) {
                            // the script ends when its connection does
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
