package dev.conclave.examples.jdk;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportSettings;
import dev.conclave.testkit.tck.TransportConformanceSuite;
import javax.net.ssl.SSLContext;

/** The example JDK transport passes the transport conformance kit. */
class JdkTransportConformanceTest extends TransportConformanceSuite {
    @Override
    protected HttpTransport createTransport(TransportSettings settings, SSLContext tls) {
        return new JdkHttpTransport(settings, tls);
    }
}
