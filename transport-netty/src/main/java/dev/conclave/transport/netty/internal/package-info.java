/** Implementation of the Netty transport: host pools, the per-connection exchange handler, failure mapping. */
package dev.conclave.transport.netty.internal;
