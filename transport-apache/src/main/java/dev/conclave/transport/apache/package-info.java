/**
 * The blocking transport on Apache HttpClient 5: {@link dev.conclave.transport.apache.ApacheTransport} and its
 * {@link dev.conclave.transport.apache.ApacheTransportProvider}, found by {@link java.util.ServiceLoader} under
 * the name {@code apache}.
 */
package dev.conclave.transport.apache;
