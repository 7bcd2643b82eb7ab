package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.emulator.ParticipantEmulator;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a client finds its transport with only Apache, only Netty, both, or neither on the class path: each case
 * is a class loader holding exactly core, its dependencies and those transports' jars, in which a client is built
 * (by reflection) and makes a real call to the emulator.
 */
@Timeout(60)
class DiscoveryTest {
    private static final String PROPERTY = "conclave.transport";
    private static final SpecConformance conformance = new SpecConformance();
    private static ParticipantEmulator emulator;
    private static String conference;

    @BeforeAll
    static void startEmulator() {
        emulator = ParticipantEmulator.builder().exchangeListener(conformance).start();
        conference = emulator.createConference("discovery");
        emulator.seedParticipants(conference, 3);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
        SpecConformanceReport.append(DiscoveryTest.class.getSimpleName(), "apache+netty", conformance);
        assertThat(conformance.violations()).as("exchanges that break the OpenAPI definition").isEmpty();
    }

    /** Class path entries of the test run, whichever way Surefire passes them. */
    private static List<String> classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(path.split(File.pathSeparator));
    }

    private static final Predicate<String> CORE = entry -> entry.contains("/core/target/")
            || entry.contains("/http-spi/target/") || entry.contains("conclave-http-spi")
            || entry.contains("conclave-core") || entry.contains("/models/target/") || entry.contains("conclave-models")
            || entry.contains("jackson-core") || entry.contains("slf4j-api") || entry.contains("slf4j-simple")
            || entry.contains("micrometer-core") || entry.contains("micrometer-observation-1")
            || entry.contains("micrometer-commons") || entry.contains("jspecify") || entry.contains("HdrHistogram");
    private static final Predicate<String> APACHE = entry -> entry.contains("transport-apache")
            || entry.contains("httpclient5") || entry.contains("httpcore5");
    private static final Predicate<String> JDK = entry -> entry.contains("transport-jdk");
    private static final Predicate<String> NETTY = entry -> entry.contains("transport-netty")
            || new File(entry).getName().startsWith("netty-");

    private static URLClassLoader loader(Predicate<String> include) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath()) {
            if (include.test(entry)) {
                try {
                    urls.add(new File(entry).toURI().toURL());
                } catch (MalformedURLException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return new URLClassLoader("discovery", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Builds a client inside the loader (optionally choosing a transport by name), lists the emulator's
     * conference through it, and returns the transport's name.
     */
    private static String transportChosenIn(URLClassLoader loader, String byName) throws Throwable {
        try (loader) {
            Class<?> clientClass = Class.forName("dev.conclave.ConclaveClient", true, loader);
            assertThat(clientClass.getClassLoader()).as("core itself comes from the isolated loader").isSameAs(loader);
            Object builder = clientClass.getMethod("builder").invoke(null);
            Class<?> builderClass = builder.getClass();
            builderClass.getMethod("credentials", String.class, String.class).invoke(builder, emulator.accountSid(),
                    emulator.authToken());
            builderClass.getMethod("baseUri", URI.class).invoke(builder, emulator.baseUri());
            if (byName != null) {
                builderClass.getMethod("transport", String.class).invoke(builder, byName);
            }
            Object client;
            try {
                client = builderClass.getMethod("build").invoke(builder);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
            try {
                Object participantsView = clientClass.getMethod("participants").invoke(client);
                Object listing = Class.forName("dev.conclave.ParticipantOperations", true, loader)
                        .getMethod("list", String.class).invoke(participantsView, conference);
                List<?> participants = (List<?>) listing.getClass().getMethod("toList").invoke(listing);
                assertThat(participants).hasSize(3);
                return (String) clientClass.getMethod("transportName").invoke(client);
            } finally {
                ((AutoCloseable) client).close();
            }
        }
    }

    @Test
    void onlyApacheOnTheClassPath() throws Throwable {
        assertThat(transportChosenIn(loader(CORE.or(APACHE)), null)).isEqualTo("apache");
    }

    @Test
    void onlyNettyOnTheClassPath() throws Throwable {
        assertThat(transportChosenIn(loader(CORE.or(NETTY)), null)).isEqualTo("netty");
    }

    @Test
    void onlyTheJdkTransportOnTheClassPathCoreNeedsNoOtherLibrary() throws Throwable {
        assertThat(transportChosenIn(loader(CORE.or(JDK)), null)).isEqualTo("jdk");
    }

    @Test
    void theJdkTransportHasTheLowestPriority() throws Throwable {
        assertThat(transportChosenIn(loader(CORE.or(JDK).or(APACHE)), null)).as("apache's 100 > jdk's 50")
                .isEqualTo("apache");
        assertThat(transportChosenIn(loader(CORE.or(JDK).or(APACHE).or(NETTY)), null)).isEqualTo("netty");
        assertThat(transportChosenIn(loader(CORE.or(JDK).or(APACHE).or(NETTY)), "jdk")).isEqualTo("jdk");
    }

    @Test
    void bothOnTheClassPathTheHigherPriorityWinsUnlessOneIsNamed() throws Throwable {
        assertThat(transportChosenIn(loader(CORE.or(APACHE).or(NETTY)), null)).as("netty's priority 200 > 100")
                .isEqualTo("netty");
        assertThat(transportChosenIn(loader(CORE.or(APACHE).or(NETTY)), "apache")).isEqualTo("apache");
        String before = System.getProperty(PROPERTY);
        try {
            System.setProperty(PROPERTY, "apache");
            assertThat(transportChosenIn(loader(CORE.or(APACHE).or(NETTY)), null)).as("-Dconclave.transport=apache")
                    .isEqualTo("apache");
            System.setProperty(PROPERTY, "NETTY");
            assertThat(transportChosenIn(loader(CORE.or(APACHE).or(NETTY)), null)).as("matched without case")
                    .isEqualTo("netty");
            System.setProperty(PROPERTY, "okhttp");
            assertThatThrownBy(() -> transportChosenIn(loader(CORE.or(APACHE).or(NETTY)), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("conclave.transport=okhttp").hasMessageContaining("available: netty, apache");
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    @Test
    void noTransportOnTheClassPathNamesTheThreeArtifacts() {
        assertThatThrownBy(() -> transportChosenIn(loader(CORE), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev.conclave:conclave-transport-apache")
                .hasMessageContaining("dev.conclave:conclave-transport-netty")
                .hasMessageContaining("dev.conclave:conclave-transport-jdk");
    }
}
