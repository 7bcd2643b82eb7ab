package dev.conclave.transport.apache;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportSettings;
import dev.conclave.tck.TransportConformanceSuite;
import javax.net.ssl.SSLContext;

/** The Apache transport against the transport conformance kit. */
class ApacheConformanceTest extends TransportConformanceSuite {
    @Override
    protected HttpTransport createTransport(TransportSettings settings, SSLContext tls) {
        return ApacheTransport.builder().settings(settings).sslContext(tls).build();
    }
}
