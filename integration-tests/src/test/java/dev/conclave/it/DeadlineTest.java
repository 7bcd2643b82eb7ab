package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conclave.CallOptions;
import dev.conclave.ParticipantOperations;
import dev.conclave.ConclaveClient;
import dev.conclave.RetryPolicy;
import dev.conclave.http.TransportException;
import dev.conclave.http.TransportException.Reason;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.Route;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attempt and call timeouts hold whatever the server does (answers late, trickles a byte at a time), on each
 * transport and API shape, and a connection abandoned by a timeout never serves a later call.
 */
@Timeout(60)
class DeadlineTest extends Fixture {
    /** What "a small margin" is allowed to be on a shared 2-core machine. */
    private static final Duration MARGIN = Duration.ofMillis(700);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private String conference;

    @BeforeEach
    void conferenceWithOneParticipant() {
        conference = client.participants().create(request("deadline-" + NAMES.incrementAndGet(), "slow")).conferenceSid();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    private static CreateParticipantRequest request(String conference, String label) {
        return CreateParticipantRequest.builder(conference, "+15005550006", "+15558675310").label(label).build();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void anAttemptTimeoutCutsALateResponse(Shapes shape) {
        ParticipantOperations strict = client.participants().withOptions(CallOptions.builder().attemptTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none()).build());
        emulator.faults().script(Route.FETCH, 1, Fault.delay(Duration.ofSeconds(5)));
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> shape.fetch(strict, conference, "slow"));
        Duration took = since(start);
        assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.RESPONSE_TIMEOUT));
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofMillis(300).plus(MARGIN));
        assertThat(shape.fetch(client.participants(), conference, "slow").label()).as("the next call gets its own response")
                .isEqualTo("slow");
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aCallTimeoutHoldsAgainstAServerTricklingTheBody(Shapes shape) {
        ParticipantOperations bounded = client.participants().withOptions(CallOptions.builder().callTimeout(Duration.ofMillis(800))
                .attemptTimeout(Duration.ofSeconds(20)).build());
        emulator.faults().script(Route.FETCH, 3, Fault.trickle(Duration.ofMillis(50)));
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> shape.fetch(bounded, conference, "slow"));
        Duration took = since(start);
        assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CALL_TIMEOUT));
        assertThat(took).isBetween(Duration.ofMillis(750), Duration.ofMillis(800).plus(MARGIN));
        emulator.faults().clear();
        assertThat(shape.fetch(client.participants(), conference, "slow").label()).isEqualTo("slow");
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void retriesStopAtTheCallTimeout(Shapes shape) {
        ParticipantOperations bounded = client.participants().withOptions(CallOptions.builder().callTimeout(Duration.ofSeconds(1))
                .attemptTimeout(Duration.ofMillis(400)).retryPolicy(RetryPolicy.builder().maxAttempts(10)
                        .initialBackoff(Duration.ofMillis(10)).build()).build());
        emulator.faults().script(Route.FETCH, 10, Fault.delay(Duration.ofSeconds(3)));
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> shape.fetch(bounded, conference, "slow"));
        Duration took = since(start);
        assertThat(failure).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.reason()).isIn(Reason.CALL_TIMEOUT, Reason.RESPONSE_TIMEOUT);
            assertThat(e.getSuppressed()).as("earlier attempts").isNotEmpty();
        });
        assertThat(took).isLessThan(Duration.ofSeconds(1).plus(MARGIN));
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aCreateThatTimedOutIsNotSentAgain(Shapes shape) {
        ParticipantOperations strict = client.participants().withOptions(CallOptions.builder().attemptTimeout(Duration.ofMillis(300))
                .build());
        emulator.faults().script(Route.CREATE, 1, Fault.delay(Duration.ofSeconds(2)));
        String label = "timed-out-" + shape;
        Throwable failure = catchThrowable(() -> shape.create(strict, request(conference, label)));
        assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.RESPONSE_TIMEOUT));
        assertThat(emulator.journal().stream().filter(r -> r.method().equals("POST")
                && r.formValues("Label").contains(label))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void theClientDefaultsApplyToEveryCall(Shapes shape) {
        try (ConclaveClient strict = clientFor(emulator).attemptTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(500)).build()) {
            emulator.faults().script(Route.FETCH, 5, Fault.delay(Duration.ofSeconds(2)));
            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> shape.fetch(strict.participants(), conference, "slow"));
            assertThat(failure).isInstanceOf(TransportException.class);
            assertThat(since(start)).isLessThan(Duration.ofMillis(500).plus(MARGIN));
            emulator.faults().clear();
            Participant fine = shape.fetch(strict.participants().withOptions(CallOptions.builder().attemptTimeout(Duration.ofSeconds(10))
                    .callTimeout(Duration.ofSeconds(10)).build()), conference, "slow");
            assertThat(fine.label()).isEqualTo("slow");
        }
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aTimedOutAttemptIsRetriedAtOnceWithZeroBackoff(Shapes shape) {
        ParticipantOperations eager = client.participants().withOptions(CallOptions.builder().attemptTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ZERO).build()).build());
        emulator.faults().script(Route.FETCH, 1, Fault.delay(Duration.ofSeconds(2)));
        long start = System.nanoTime();
        assertThat(shape.fetch(eager, conference, "slow").label()).isEqualTo("slow");
        assertThat(since(start)).isLessThan(Duration.ofMillis(300).plus(MARGIN));
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aReadTimeoutLongBeforeTheCallTimeoutIsRetried(Shapes shape) {
        try (ConclaveClient quick = clientFor(emulator).responseTimeout(Duration.ofMillis(300))
                .callTimeout(Duration.ofSeconds(5)).build()) {
            emulator.faults().script(Route.FETCH, 1, Fault.delay(Duration.ofSeconds(2)));
            assertThat(shape.fetch(quick.participants(), conference, "slow").label()).as("the second attempt, well in time")
                    .isEqualTo("slow");
        }
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void anAttemptTimeoutWhileWaitingForAConnectionIsTypedAndInTime(Shapes shape) throws Exception {
        try (ConclaveClient single = clientFor(emulator).maxConnections(1).build()) {
            emulator.faults().script(Route.FETCH, 1, Fault.delay(Duration.ofSeconds(2)));
            java.util.concurrent.CompletableFuture<Participant> occupying = single.participants().async().fetch(conference, "slow");
            Thread.sleep(200);
            ParticipantOperations hurried = single.participants().withOptions(CallOptions.builder()
                    .attemptTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build());
            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> shape.fetch(hurried, conference, "slow"));
            assertThat(failure).isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason())
                    .isIn(Reason.POOL_TIMEOUT, Reason.RESPONSE_TIMEOUT));
            assertThat(since(start)).isLessThan(Duration.ofMillis(300).plus(MARGIN));
            assertThat(Shapes.join(occupying).label()).isEqualTo("slow");
        }
    }
}
