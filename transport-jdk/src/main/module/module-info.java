import dev.conclave.transport.jdk.JdkTransportProvider;

/** Conclave's transport on the JDK's {@code java.net.http.HttpClient}, registered under the name {@code jdk}. */
module dev.conclave.transport.jdk {
    requires transitive dev.conclave.http;
    requires java.net.http;

    exports dev.conclave.transport.jdk;

    provides dev.conclave.http.TransportProvider with JdkTransportProvider;
}
