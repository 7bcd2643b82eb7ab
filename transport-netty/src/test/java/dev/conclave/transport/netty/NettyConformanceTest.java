package dev.conclave.transport.netty;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportSettings;
import dev.conclave.tck.TransportConformanceSuite;
import javax.net.ssl.SSLContext;

/** The Netty transport against the transport conformance kit. */
class NettyConformanceTest extends TransportConformanceSuite {
    @Override
    protected HttpTransport createTransport(TransportSettings settings, SSLContext tls) {
        return NettyTransport.builder().settings(settings).sslContext(tls).build();
    }
}
