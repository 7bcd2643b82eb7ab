package dev.conclave.transport.jdk;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportSettings;
import dev.conclave.tck.TransportConformanceSuite;
import javax.net.ssl.SSLContext;

/** The JDK transport against the transport conformance kit. */
class JdkConformanceTest extends TransportConformanceSuite {
    @Override
    protected HttpTransport createTransport(TransportSettings settings, SSLContext tls) {
        return JdkTransport.builder().settings(settings).sslContext(tls).build();
    }
}
