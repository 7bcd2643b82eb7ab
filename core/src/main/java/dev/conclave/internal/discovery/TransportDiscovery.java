package dev.conclave.internal.discovery;

import dev.conclave.http.HttpTransport;
import dev.conclave.http.TransportProvider;
import dev.conclave.http.TransportSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds a transport: the provider named by the {@code conclave.transport} system property, else the one with
 * the highest priority on the class path.
 */
public final class TransportDiscovery {
    /** The system property that selects a provider by name. */
    public static final String PROPERTY = "conclave.transport";

    private TransportDiscovery() {
    }

    /**
     * Creates a transport from the provider named {@code name} or, when it is null, the one the
     * {@code conclave.transport} system property names, else the highest-priority one.
     *
     * @throws IllegalStateException if there is no provider, or none with the requested name
     */
    public static HttpTransport create(TransportSettings settings, ClassLoader loader, String name) {
        if (name != null) {
            return choose(providers(loader), name, "transport(\"" + name + "\")").create(settings);
        }
        return choose(providers(loader), System.getProperty(PROPERTY)).create(settings);
    }

    /** Every provider visible to the loader, highest priority first. */
    public static List<TransportProvider> providers(ClassLoader loader) {
        List<TransportProvider> found = new ArrayList<>();
        ServiceLoader.load(TransportProvider.class, loader).forEach(found::add);
        found.sort(Comparator.comparingInt(TransportProvider::priority).reversed());
        return found;
    }

    /**
     * Picks the provider named {@code wanted}, or the first (highest priority) when {@code wanted} is null.
     *
     * @throws IllegalStateException if there is no provider, or none with that name
     */
    public static TransportProvider choose(List<TransportProvider> providers, String wanted) {
        return choose(providers, wanted, "System property " + PROPERTY + "=" + wanted);
    }

    private static TransportProvider choose(List<TransportProvider> providers, String wanted, String askedBy) {
        if (providers.isEmpty()) {
            throw new IllegalStateException("No Conclave HTTP transport on the class path: add the dependency "
                    + "dev.conclave:conclave-transport-apache (blocking, Apache HttpClient 5), "
                    + "dev.conclave:conclave-transport-netty (non-blocking, Netty) or "
                    + "dev.conclave:conclave-transport-jdk (the JDK's HttpClient, no other library), or pass one to "
                    + "ConclaveClient.builder().transport(...)");
        }
        if (wanted == null || wanted.isBlank()) {
            return providers.get(0);
        }
        for (TransportProvider provider : providers) {
            if (provider.name().equalsIgnoreCase(wanted.trim())) {
                return provider;
            }
        }
        throw new IllegalStateException(askedBy + " names no transport on the class path; available: "
                + providers.stream().map(TransportProvider::name).collect(Collectors.joining(", ")));
    }
}
