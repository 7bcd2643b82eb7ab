/**
 * The transport SPI: immutable {@link dev.conclave.http.HttpRequest}/{@link dev.conclave.http.HttpResponse},
 * the two transport shapes ({@link dev.conclave.http.BlockingHttpTransport},
 * {@link dev.conclave.http.AsyncHttpTransport}), {@link dev.conclave.http.TransportProvider} for
 * {@link java.util.ServiceLoader} discovery, the settings a transport is built with, and
 * {@link dev.conclave.http.TransportException} for an exchange that got no complete answer.
 *
 * <p>This package is its own artifact, {@code conclave-http-spi}, with no dependency: a custom transport
 * depends on it alone. {@link dev.conclave.http.ConclaveException} is here too, as the root of every
 * exception Conclave throws, so that a transport's failures are Conclave's.
 */
package dev.conclave.http;
