package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ConclaveClient;
import dev.conclave.http.HttpTransport;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.transport.apache.ApacheTransport;
import dev.conclave.transport.netty.NettyTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every test class that extends it once per transport ({@code apache}, then {@code netty}), each time
 * with one emulator and one client over loopback. Test classes use {@link #emulator}, {@link #client} and,
 * for clients of their own, {@link #clientFor(ParticipantEmulator)}, which picks the same transport.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {"apache", "netty"})
abstract class Fixture {
    /** The transport of this run, injected by JUnit; {@link #transport} is its static copy for class-wide use. */
    @Parameter
    String transportUnderTest;

    static String transport;
    static ParticipantEmulator emulator;
    static ConclaveClient client;
    static SpecConformance conformance;
    static String testClass;

    @BeforeAll
    static void nameTheTestClass(TestInfo info) {
        testClass = info.getTestClass().map(Class::getSimpleName).orElse("?");
    }

    @BeforeParameterizedClassInvocation
    static void startEmulatorAndClient(String transportName) {
        transport = transportName;
        conformance = new SpecConformance();
        emulator = emulatorBuilder().start();
        client = clientFor(emulator).build();
    }

    @AfterParameterizedClassInvocation
    static void stopEmulatorAndClient() {
        client.close();
        emulator.close();
        SpecConformanceReport.append(testClass, transport, conformance);
        assertThat(conformance.violations()).as("exchanges that break the OpenAPI definition").isEmpty();
    }

    /**
     * An emulator builder whose every exchange this class's {@link #conformance} check sees: every emulator of
     * the suite is made through it, so that all the traffic is held against the OpenAPI definition.
     */
    static ParticipantEmulator.Builder emulatorBuilder() {
        return ParticipantEmulator.builder().exchangeListener(conformance);
    }

    /** A client builder for {@code target} on the transport of this run. */
    static ConclaveClient.Builder clientFor(ParticipantEmulator target) {
        return ConclaveClient.builder()
                .credentials(target.accountSid(), target.authToken())
                .baseUri(target.baseUri())
                .transport(transport)
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(20));
    }

    /** A transport of this run's kind that the test creates, and so closes, itself. */
    static HttpTransport newTransport() {
        return transport.equals("apache") ? ApacheTransport.builder().build() : NettyTransport.builder().build();
    }

    /** A transport of this run's kind with its own TLS context (e.g. trusting a test certificate). */
    static HttpTransport newTransport(SSLContext tls) {
        return transport.equals("apache") ? ApacheTransport.builder().sslContext(tls).build()
                : NettyTransport.builder().sslContext(tls).build();
    }

    /** A loopback base URI where nothing listens: connecting there is refused. */
    static URI refusedBaseUri() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }

    /** Waits up to 5 seconds for {@code condition}, then asserts it: for state that settles asynchronously. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    /** Connections the transport keeps open, unused, for reuse. */
    static int idleConnections(HttpTransport pooled) {
        return pooled instanceof ApacheTransport apache ? apache.availableConnections()
                : ((NettyTransport) pooled).idleConnections();
    }
}
