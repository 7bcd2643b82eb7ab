package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ApiException;
import dev.conclave.ConclaveClient;
import dev.conclave.DecodingException;
import dev.conclave.NotFoundException;
import dev.conclave.RetryPolicy;
import dev.conclave.http.TransportException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.Route;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a blocking call throws names the caller's own line, on every transport, however the failure came about: an
 * error answer, no connection, an unreadable answer, a listing's page, a conference name's lookup. The failure as it
 * was made (on an event loop, say) is kept as the cause, and the copy has the same type and values.
 */
@Timeout(60)
class CallerStackTest extends Fixture {
    private static final String MISSING_CONFERENCE = "CF0123456789abcdef0123456789abcdef";

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    /** Whether the stack trace has a frame of this test method: the caller's line. */
    private static void assertNamesTheCaller(RuntimeException thrown, String method) {
        assertThat(Arrays.stream(thrown.getStackTrace()))
                .as("the stack trace of " + thrown + " names the caller's line")
                .anySatisfy(frame -> {
                    assertThat(frame.getClassName()).isEqualTo(CallerStackTest.class.getName());
                    assertThat(frame.getMethodName()).isEqualTo(method);
                });
    }

    private static <T extends RuntimeException> T thrown(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(type);
            return type.cast(e);
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }

    @Test
    void anErrorAnswer() {
        NotFoundException e = thrown(NotFoundException.class,
                () -> client.participants().fetch(MISSING_CONFERENCE, "nobody"));
        assertNamesTheCaller(e, "anErrorAnswer");
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.twilioCode()).isEqualTo(20404);
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.getCause()).isInstanceOf(NotFoundException.class).hasMessage(e.getMessage());
        assertThat(((ApiException) e.getCause()).requestId()).isEqualTo(e.requestId());
    }

    @Test
    void noConnection() {
        try (ConclaveClient refused = clientFor(emulator).baseUri(refusedBaseUri())
                .retryPolicy(RetryPolicy.none()).build()) {
            TransportException e = thrown(TransportException.class,
                    () -> refused.participants().fetch(MISSING_CONFERENCE, "nobody"));
            assertNamesTheCaller(e, "noConnection");
            assertThat(e.reason()).isEqualTo(TransportException.Reason.CONNECT_FAILED);
            assertThat(e.requestSurelyNotSent()).isTrue();
            assertThat(e.getCause()).isInstanceOf(TransportException.class).hasMessage(e.getMessage());
        }
    }

    @Test
    void anUnreadableAnswer() {
        Participant p = client.participants().create(CreateParticipantRequest.builder("stacks " + transport,
                "+15005550006", "+15558675310").build());
        emulator.faults().script(Route.FETCH, 1, Fault.malformedJson());
        try (ConclaveClient once = clientFor(emulator).retryPolicy(RetryPolicy.none()).build()) {
            DecodingException e = thrown(DecodingException.class,
                    () -> once.participants().fetch(p.conferenceSid(), p.callSid()));
            assertNamesTheCaller(e, "anUnreadableAnswer");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.getCause()).isInstanceOf(DecodingException.class);
        }
    }

    @Test
    void aListingsPage() {
        NotFoundException e = thrown(NotFoundException.class,
                () -> client.participants().list(MISSING_CONFERENCE).iterator().next());
        assertNamesTheCaller(e, "aListingsPage");
    }

    @Test
    void aConferenceNamesLookup() {
        NotFoundException e = thrown(NotFoundException.class,
                () -> client.participants().fetch("no such room " + transport, "nobody"));
        assertNamesTheCaller(e, "aConferenceNamesLookup");
        assertThat(e.getMessage()).contains("no such room");
    }

    @Test
    void theEarlierAttemptsStaySuppressed() {
        emulator.faults().script(Route.FETCH, 2, Fault.status(503));
        try (ConclaveClient twice = clientFor(emulator).retryPolicy(RetryPolicy.builder().maxAttempts(2)
                .initialBackoff(java.time.Duration.ofMillis(1)).build()).build()) {
            ApiException e = thrown(ApiException.class,
                    () -> twice.participants().fetch(MISSING_CONFERENCE, "nobody"));
            assertNamesTheCaller(e, "theEarlierAttemptsStaySuppressed");
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.getSuppressed()).hasSize(1);
        }
    }
}
