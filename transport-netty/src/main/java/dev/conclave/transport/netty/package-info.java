/**
 * The non-blocking transport on Netty 4.2: {@link dev.conclave.transport.netty.NettyTransport}, found by
 * clients through {@link dev.conclave.transport.netty.NettyTransportProvider} (name {@code netty}).
 */
package dev.conclave.transport.netty;
