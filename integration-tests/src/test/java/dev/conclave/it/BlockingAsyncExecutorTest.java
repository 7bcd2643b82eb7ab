package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.ConclaveClient;
import dev.conclave.http.TransportException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.emulator.ParticipantEmulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The async API over a blocking transport (Apache), whose exchanges run on the client's async executor: what only
 * that executor allows (waiting on its threads) or does (queueing exchanges). Over Netty callbacks run on the event
 * loop, where waiting is refused, and nothing is queued; AsyncApiTest covers what both transports share.
 */
@Timeout(60)
class BlockingAsyncExecutorTest {
    private static final SpecConformance conformance = new SpecConformance();
    private static ParticipantEmulator emulator;
    private static ConclaveClient client;
    private static String conference;

    @BeforeAll
    static void start() {
        emulator = ParticipantEmulator.builder().exchangeListener(conformance).start();
        client = builder().build();
        conference = emulator.createConference("async-room");
        emulator.seedParticipants(conference, 130);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
        SpecConformanceReport.append(BlockingAsyncExecutorTest.class.getSimpleName(), "apache", conformance);
        assertThat(conformance.violations()).as("exchanges that break the OpenAPI definition").isEmpty();
    }

    @BeforeEach
    void clear() {
        emulator.clearJournal();
    }

    private static ConclaveClient.Builder builder() {
        return ConclaveClient.builder()
                .credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(emulator.baseUri())
                .transport("apache")
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(20));
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    @Test
    void callbacksThatWaitForAnotherCallOnTheClientsThreadsStillFinish() throws Exception {
        // The thread a listing's next page may follow on is only lent for that: other calls made from the
        // client's threads, here waited for right there, run on other threads as before. (Over Netty callbacks
        // run on the event loop, where waiting is not allowed at all.)
        String someone = client.participants().list(conference).limit(1).toList().get(0).callSid();
        Participant nested = await(client.participants().async().fetch(conference, someone)
                .thenApply(first -> client.participants().async().fetch(conference, first.callSid())
                        .orTimeout(10, TimeUnit.SECONDS).join()));
        assertThat(nested.callSid()).isEqualTo(someone);
        // A listing started (and waited for) on one of those threads: its first page must not wait for this one.
        List<Participant> listedInside = await(client.participants().async().fetch(conference, someone)
                .thenApply(first -> client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(50)
                        .build()).toList().orTimeout(10, TimeUnit.SECONDS).join()));
        assertThat(listedInside).hasSize(130);
        AtomicInteger fetchedInside = new AtomicInteger();
        await(client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(50).build()).forEach(each -> {
            if (fetchedInside.get() < 3) {
                client.participants().async().fetch(conference, each.callSid()).orTimeout(10, TimeUnit.SECONDS).join();
                fetchedInside.incrementAndGet();
            }
        }));
        assertThat(fetchedInside).hasValue(3);
    }

    @Test
    void exchangesStillQueuedWhenTheClientClosesAreNeverSent() throws Exception {
        List<Runnable> held = new CopyOnWriteArrayList<>();
        ConclaveClient closing = builder().asyncExecutor(held::add).build();
        CompletableFuture<Participant> queued = closing.participants().async().create(CreateParticipantRequest.builder(
                "never-dialled", "+15005550006", "+15558675310").build());
        closing.close();
        held.forEach(Runnable::run);
        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CANCELLED));
        assertThat(emulator.journal()).isEmpty();
    }
}
