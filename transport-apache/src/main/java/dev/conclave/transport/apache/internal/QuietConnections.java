package dev.conclave.transport.apache.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Makes HttpClient connections that never log headers or wire bytes, and that check a reused connection before
 * writing a POST on it.
 *
 * <p>A server (a load balancer) may close a keep-alive connection right after answering on it. HttpClient checks a
 * pooled connection only after it was idle for a while (the pool's validate-after-inactivity), so a request sent at
 * once goes onto the closed connection and fails without the server having read it, yet no transport can prove
 * that afterwards: a create would be lost. Before a POST is written on a connection that already carried a
 * request, the connection is checked (a read of at most 1 ms); a closed or reset one throws
 * {@link StaleConnectionException}, with nothing of the request written, and the transport takes another
 * connection. Other methods are re-sent safely and skip the millisecond.
 *
 * <p>Wire silence: HttpClient's own connections print every
 * request header (the {@code Authorization} credentials among them) and every body byte (a create's
 * {@code SipAuthPassword}) when a user turns DEBUG on for {@code org.apache.hc.client5.http.headers} or
 * {@code .wire}; Conclave's promise that secrets never reach logs must hold whatever the logging configuration.
 * HttpClient's other loggers (connection and exchange life cycle) are untouched.
 */
public final class QuietConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {
    private final AtomicLong count = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("conclave-" + count.incrementAndGet());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** A reused connection was found closed by the server before a POST was written on it: nothing was sent. */
    public static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException(String id) {
            super("the server had closed pooled connection " + id + "; the request was not written");
        }
    }

    private static final class QuietConnection extends DefaultManagedHttpClientConnection {
        private final String id;
        // Requests begun on this connection; touched by the one thread that holds the connection at a time.
        private long requests;

        QuietConnection(String id) {
            super(id);
            this.id = id;
        }

        @Override
        public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
            if (requests++ > 0 && "POST".equalsIgnoreCase(request.getMethod()) && isStale()) {
                throw new StaleConnectionException(id);
            }
            super.sendRequestHeader(request);
        }

        // Binding through a plain SocketHolder skips the wire-logging one HttpClient would wrap around the socket.
        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // Deliberately silent: the header logger would print credentials.
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // Deliberately silent, like requests.
        }
    }
}
