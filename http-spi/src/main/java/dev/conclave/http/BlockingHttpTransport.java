package dev.conclave.http;

/** A transport that performs one exchange on the calling thread. */
public interface BlockingHttpTransport extends HttpTransport {
    /**
     * Sends the request and reads the whole response.
     *
     * @param request the request to send
     * @return the response, whatever its status
     * @throws dev.conclave.http.TransportException if no complete response could be read (connect failure,
     *     timeout, reset, a body over the size limit, or the transport being closed)
     */
    HttpResponse execute(HttpRequest request);
}
