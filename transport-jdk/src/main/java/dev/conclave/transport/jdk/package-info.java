/**
 * The non-blocking transport on the JDK's {@code java.net.http.HttpClient}:
 * {@link dev.conclave.transport.jdk.JdkTransport} and its {@link dev.conclave.transport.jdk.JdkTransportProvider},
 * found by {@link java.util.ServiceLoader} under the name {@code jdk}, with the lowest priority of the three.
 */
package dev.conclave.transport.jdk;
