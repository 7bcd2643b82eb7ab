import dev.conclave.transport.apache.ApacheTransportProvider;

/** Conclave's blocking transport on Apache HttpClient 5, registered under the name {@code apache}. */
module dev.conclave.transport.apache {
    requires transitive dev.conclave.http;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    // HttpClient 5.6 sets socket options through jdk.net.Sockets; as an automatic module it cannot require the
    // module itself, and without this it is missing from a module-path application's graph.
    requires jdk.net;

    exports dev.conclave.transport.apache;

    provides dev.conclave.http.TransportProvider with ApacheTransportProvider;
}
