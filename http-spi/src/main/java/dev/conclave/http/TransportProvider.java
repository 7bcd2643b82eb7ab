package dev.conclave.http;

/**
 * Makes transports; found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.conclave.http.TransportProvider}.
 *
 * <p>A client picks, in order: a transport passed to its builder; the provider whose {@link #name()} equals
 * the {@code conclave.transport} system property; the provider with the highest {@link #priority()}.
 */
public interface TransportProvider {
    /** {@return the name users select with {@code -Dconclave.transport=NAME}, e.g. {@code apache}} */
    String name();

    /**
     * Higher wins when several providers are on the class path and none is selected by name.
     *
     * @return this provider's priority
     */
    int priority();

    /**
     * Creates a transport honouring the settings. The client that asked for it closes it.
     *
     * @param settings the timeouts, pool size and body limit to honour
     * @return a new transport
     * @throws IllegalArgumentException if the settings cannot be honoured
     */
    HttpTransport create(TransportSettings settings);
}
