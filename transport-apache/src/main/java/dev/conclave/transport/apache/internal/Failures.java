package dev.conclave.transport.apache.internal;

import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Maps HttpClient's exceptions to Conclave's {@link TransportException} reasons. */
public final class Failures {
    private Failures() {
    }

    /**
     * Translates one failure of an exchange.
     *
     * @param failure what HttpClient threw
     * @param target {@code host:port}, for the message
     * @param transportClosed whether the transport was closed meanwhile
     */
    public static TransportException translate(IOException failure, String target, boolean transportClosed) {
        Reason reason;
        String what;
        if (transportClosed) {
            reason = Reason.CANCELLED;
            what = "the transport was closed during the exchange";
        } else if (failure instanceof ConnectionRequestTimeoutException) {
            reason = Reason.POOL_TIMEOUT;
            what = "no pooled connection became free in time";
        } else if (failure instanceof ConnectTimeoutException) {
            reason = Reason.CONNECT_TIMEOUT;
            what = "no connection within the connect timeout";
        } else if (failure instanceof HttpHostConnectException || failure instanceof ConnectException
                || failure instanceof NoRouteToHostException || failure instanceof UnknownHostException) {
            reason = Reason.CONNECT_FAILED;
            what = "could not connect";
        } else if (failure instanceof SSLHandshakeException || failure instanceof SSLPeerUnverifiedException) {
            // Only a failed handshake proves nothing was sent; a TLS error later may follow a delivered request.
            return TransportException.tlsFailure(target, target.substring(0, target.lastIndexOf(':')), failure);
        } else if (failure instanceof SSLException) {
            reason = Reason.CONNECTION_CLOSED;
            what = "TLS failed after the handshake, before the response was complete";
        } else if (failure instanceof SocketTimeoutException) {
            reason = Reason.RESPONSE_TIMEOUT;
            what = "no response data within the response timeout";
        } else if (failure instanceof InterruptedIOException) {
            reason = Reason.CANCELLED;
            what = "the exchange was interrupted";
        } else if (failure instanceof NoHttpResponseException || failure instanceof ConnectionClosedException
                || failure instanceof SocketException) {
            reason = Reason.CONNECTION_CLOSED;
            what = "the connection closed before the response was complete";
        } else {
            reason = Reason.IO;
            what = "I/O failed";
        }
        return new TransportException(reason, what + " (" + target + "): " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), failure);
    }
}
