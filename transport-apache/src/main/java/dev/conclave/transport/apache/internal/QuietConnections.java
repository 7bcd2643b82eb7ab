package dev.conclave.transport.apache.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Makes HttpClient connections that never log headers or wire bytes. HttpClient's own connections print every
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

    private static final class QuietConnection extends DefaultManagedHttpClientConnection {
        QuietConnection(String id) {
            super(id);
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
