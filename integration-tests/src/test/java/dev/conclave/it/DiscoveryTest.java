package dev.conclave.it;

import static dev.conclave.it.TestClassPath.APACHE;
import static dev.conclave.it.TestClassPath.CORE;
import static dev.conclave.it.TestClassPath.JDK;
import static dev.conclave.it.TestClassPath.NETTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.emulator.ParticipantEmulator;
import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 * How a client finds its transport with only one of Apache, Netty or the JDK's, several, or none on the class
 * path: each case is a class loader holding exactly core, its four third-party jars (jackson-core, slf4j-api,
 * micrometer-observation, micrometer-commons: not micrometer-core, which only a meter registry needs) and
 * those transports' jars, in which a client is built (by reflection) and makes a real call to the emulator.
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

    private static URLClassLoader loader(Predicate<String> include) {
        List<URL> urls = new ArrayList<>();
        for (String entry : TestClassPath.entries()) {
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
            // Method handles resolve just the methods called. Class.getMethod would resolve every method's
            // signature, and ConclaveClient.Builder#meterRegistry names micrometer-core, which is not here.
            Class<?> builderClass = Class.forName("dev.conclave.ConclaveClient$Builder", true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object builder = lookup.findStatic(clientClass, "builder", MethodType.methodType(builderClass)).invoke();
            lookup.findVirtual(builderClass, "credentials", MethodType.methodType(builderClass, String.class,
                    String.class)).invoke(builder, emulator.accountSid(), emulator.authToken());
            lookup.findVirtual(builderClass, "baseUri", MethodType.methodType(builderClass, URI.class))
                    .invoke(builder, emulator.baseUri());
            if (byName != null) {
                lookup.findVirtual(builderClass, "transport", MethodType.methodType(builderClass, String.class))
                        .invoke(builder, byName);
            }
            Object client = lookup.findVirtual(builderClass, "build", MethodType.methodType(clientClass))
                    .invoke(builder);
            try {
                Class<?> participantsClass = Class.forName("dev.conclave.ParticipantOperations", true, loader);
                Object participantsView = lookup.findVirtual(clientClass, "participants",
                        MethodType.methodType(participantsClass)).invoke(client);
                Object listing = participantsClass.getMethod("list", String.class).invoke(participantsView,
                        conference);
                List<?> participants = (List<?>) listing.getClass().getMethod("toList").invoke(listing);
                assertThat(participants).hasSize(3);
                return (String) lookup.findVirtual(clientClass, "transportName", MethodType.methodType(String.class))
                        .invoke(client);
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
