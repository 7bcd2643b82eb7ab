/**
 * Conclave's client: {@code dev.conclave} (the client, its resource views and exceptions),
 * {@code dev.conclave.observation} (Micrometer conventions and meter names) and {@code dev.conclave.webhook}
 * (status callbacks and their signatures). It finds its transport with {@link java.util.ServiceLoader}.
 * {@code micrometer.core} is needed only by a client given a meter registry.
 */
module dev.conclave.core {
    requires transitive dev.conclave.model;
    requires transitive dev.conclave.http;
    requires transitive micrometer.observation;
    requires transitive micrometer.commons;
    requires static micrometer.core;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports dev.conclave;
    exports dev.conclave.observation;
    exports dev.conclave.webhook;
    exports dev.conclave.internal.discovery to dev.conclave.emulator;

    uses dev.conclave.http.TransportProvider;
}
