/**
 * The transport SPI: immutable {@link dev.conclave.http.HttpRequest}/{@link dev.conclave.http.HttpResponse},
 * the two transport shapes ({@link dev.conclave.http.BlockingHttpTransport},
 * {@link dev.conclave.http.AsyncHttpTransport}), {@link dev.conclave.http.TransportProvider} for
 * {@link java.util.ServiceLoader} discovery, and {@link dev.conclave.http.Interceptor} for steps around any
 * transport.
 */
package dev.conclave.http;
