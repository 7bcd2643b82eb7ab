package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conclave.CallOptions;
import dev.conclave.DecodingException;
import dev.conclave.ParticipantOperations;
import dev.conclave.ConclaveClient;
import dev.conclave.RateLimitedException;
import dev.conclave.RetryPolicy;
import dev.conclave.ServerErrorException;
import dev.conclave.http.TransportException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.RecordedRequest;
import dev.conclave.emulator.Route;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retry policy against the emulator's scripted faults, on each transport and each API shape: what is sent
 * again, what never is (a create that may have dialled), and what the caller sees at the end.
 */
@Timeout(60)
class RetryTest extends Fixture {
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Short backoff so that the tests take milliseconds; the rules are the defaults'. */
    private static final RetryPolicy FAST = RetryPolicy.builder().initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofSeconds(2)).build();

    private ConclaveClient fast;
    private String conference;

    @BeforeEach
    void freshConferenceAndClient() {
        fast = clientFor(emulator).retryPolicy(FAST).build();
        String name = "retry-" + NAMES.incrementAndGet();
        conference = shapesCreate(name, "seed").conferenceSid();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
        fast.close();
    }

    private Participant shapesCreate(String conferenceName, String label) {
        return client.participants().create(request(conferenceName, label));
    }

    private static CreateParticipantRequest request(String conference, String label) {
        return CreateParticipantRequest.builder(conference, "+15005550006", "+15558675310").label(label).build();
    }

    private List<RecordedRequest> requestsTo(String pathPart, String method) {
        return emulator.journal().stream().filter(r -> r.method().equals(method) && r.rawPath().contains(conference)
                && r.rawPath().contains(pathPart)).toList();
    }

    private List<RecordedRequest> createsLabelled(String label) {
        return emulator.journal().stream().filter(r -> r.method().equals("POST") && r.rawPath().contains(conference)
                && r.rawPath().endsWith("/Participants.json") && r.formValues("Label").contains(label)).toList();
    }

    private static List<Integer> statuses(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::responseStatus).toList();
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void readsUpdatesAndDeletesRetryTransientFailuresAndSucceed(Shapes shape) {
        Participant p = shape.create(fast.participants(), request(conference, "target"));
        emulator.faults().script(Route.FETCH, 1, Fault.status(503)).script(Route.FETCH, 1, Fault.resetMidBody());
        assertThat(shape.fetch(fast.participants(), conference, "target").callSid()).isEqualTo(p.callSid());
        assertThat(statuses(requestsTo("/Participants/target.json", "GET"))).containsExactly(503, 200, 200);

        emulator.faults().script(Route.LIST, 2, Fault.status(502));
        assertThat(shape.list(fast.participants(), ListParticipantsRequest.builder(conference).build())).hasSize(2);

        emulator.faults().script(Route.UPDATE, 1, Fault.status(504)).script(Route.UPDATE, 1, Fault.truncatedBody());
        assertThat(shape.update(fast.participants(), conference, "target", UpdateParticipantRequest.builder().muted(true).build())
                .muted()).isTrue();
        assertThat(statuses(requestsTo("/Participants/target.json", "POST"))).containsExactly(504, 200, 200);

        emulator.faults().script(Route.DELETE, 1, Fault.status(500)).script(Route.DELETE, 1,
                Fault.htmlPage(502));
        shape.delete(fast.participants(), conference, "target");
        assertThat(statuses(requestsTo("/Participants/target.json", "DELETE"))).containsExactly(500, 502, 204);
        assertThat(emulator.faults().scriptedRemaining()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aCreateAnswered5xxIsReportedNotSentAgain(Shapes shape) {
        emulator.faults().script(Route.CREATE, 1, Fault.status(503));
        ServerErrorException failure = (ServerErrorException) catchThrowable(
                () -> shape.create(fast.participants(), request(conference, "once-503")));
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(statuses(createsLabelled("once-503"))).containsExactly(503);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aCreateWhoseResponseWasLostIsNotSentAgainEvenThoughItDialled(Shapes shape) {
        emulator.faults().script(Route.CREATE, 1, Fault.resetBeforeResponse());
        assertThatThrownBy(() -> shape.create(fast.participants(), request(conference, "lost")))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.reason()).isIn(TransportException.Reason.CONNECTION_CLOSED,
                            TransportException.Reason.IO);
                    assertThat(e.requestSurelyNotSent()).isFalse();
                });
        assertThat(createsLabelled("lost")).hasSize(1);
        assertThat(fast.participants().fetch(conference, "lost").label()).as("the emulator did dial").isEqualTo("lost");

        emulator.faults().script(Route.CREATE, 1, Fault.resetMidBody());
        assertThatThrownBy(() -> shape.create(fast.participants(), request(conference, "cut"))).isInstanceOf(TransportException.class);
        assertThat(createsLabelled("cut")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aCreateAnswered429IsSentAgainAfterRetryAfter(Shapes shape) {
        emulator.faults().script(Route.CREATE, 1, Fault.status(429, 1));
        long start = System.nanoTime();
        Participant created = shape.create(fast.participants(), request(conference, "throttled"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(created.label()).isEqualTo("throttled");
        assertThat(statuses(createsLabelled("throttled"))).containsExactly(429, 201);
        assertThat(took).as("waited the Retry-After second").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aCreateIsSentAgainAfterA5xxOnlyWhenTheUserOptsIn(Shapes shape) {
        ParticipantOperations optedIn = fast.participants().withOptions(CallOptions.builder()
                .retryPolicy(FAST.toBuilder().retryCreatesWhenPossiblySent(true).build()).build());
        emulator.faults().script(Route.CREATE, 1, Fault.status(502));
        assertThat(shape.create(optedIn, request(conference, "opted-in")).label()).isEqualTo("opted-in");
        assertThat(statuses(createsLabelled("opted-in"))).containsExactly(502, 201);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aCreateIsSentAgainWhenTheConnectionWasRefused(Shapes shape) {
        try (ConclaveClient refused = ConclaveClient.builder()
                .credentials(emulator.accountSid(), emulator.authToken()).baseUri(refusedBaseUri())
                .transport(transport).retryPolicy(FAST).build()) {
            assertThatThrownBy(() -> shape.create(refused.participants(), request(conference, "refused")))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TransportException.Reason.CONNECT_FAILED);
                        assertThat(e.getSuppressed()).as("the two earlier attempts").hasSize(2)
                                .allSatisfy(earlier -> assertThat(earlier).isInstanceOf(TransportException.class));
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aDeleteWhoseResponseWasLostSucceedsWhenTheRetryFindsTheParticipantGone(Shapes shape) {
        shape.create(fast.participants(), request(conference, "leaving"));
        emulator.faults().script(Route.DELETE, 1, Fault.resetBeforeResponse());
        shape.delete(fast.participants(), conference, "leaving");
        assertThat(statuses(requestsTo("/Participants/leaving.json", "DELETE"))).containsExactly(-1, 404);
        assertThatThrownBy(() -> fast.participants().delete(conference, "leaving")).as("a plain 404 is still an error")
                .isInstanceOf(dev.conclave.NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aRetryAfterLongerThanTheCapFailsAtOnce(Shapes shape) {
        shape.create(fast.participants(), request(conference, "patient"));
        emulator.faults().script(Route.FETCH, 1, Fault.status(429, 60));
        long start = System.nanoTime();
        RateLimitedException failure = (RateLimitedException) catchThrowable(
                () -> shape.fetch(fast.participants(), conference, "patient"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(requestsTo("/Participants/patient.json", "GET")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void exhaustedAttemptsReportTheLastFailureWithTheEarlierOnesSuppressed(Shapes shape) {
        shape.create(fast.participants(), request(conference, "unlucky"));
        emulator.faults().script(Route.FETCH, 3, Fault.status(503));
        ServerErrorException failure = (ServerErrorException) catchThrowable(
                () -> shape.fetch(fast.participants(), conference, "unlucky"));
        assertThat(failure.getSuppressed()).hasSize(2).allSatisfy(e -> assertThat(e)
                .isInstanceOf(ServerErrorException.class));
        assertThat(requestsTo("/Participants/unlucky.json", "GET")).hasSize(3);

        emulator.faults().script(Route.FETCH, 1, Fault.status(503));
        ParticipantOperations once = fast.participants().withOptions(CallOptions.builder().retryPolicy(RetryPolicy.none()).build());
        assertThatThrownBy(() -> shape.fetch(once, conference, "unlucky")).isInstanceOf(ServerErrorException.class);
        assertThat(requestsTo("/Participants/unlucky.json", "GET")).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void theRetryBudgetStopsRetriesWhenSpent(Shapes shape) {
        try (ConclaveClient frugal = clientFor(emulator).retryPolicy(FAST).retryBudget(0, 1).build()) {
            shape.create(frugal.participants(), request(conference, "frugal"));
            emulator.faults().script(Route.FETCH, 4, Fault.status(503));
            assertThatThrownBy(() -> shape.fetch(frugal.participants(), conference, "frugal"))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(requestsTo("/Participants/frugal.json", "GET")).as("one retry, then the budget is spent")
                    .hasSize(2);
            assertThatThrownBy(() -> shape.fetch(frugal.participants(), conference, "frugal"))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(requestsTo("/Participants/frugal.json", "GET")).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void anHtmlPageIsRetriedAsItsStatusButWith200ItIsADecodingError(Shapes shape) {
        shape.create(fast.participants(), request(conference, "proxied"));
        emulator.faults().script(Route.FETCH, 1, Fault.htmlPage(503));
        assertThat(shape.fetch(fast.participants(), conference, "proxied").label()).isEqualTo("proxied");
        emulator.faults().script(Route.FETCH, 1, Fault.htmlPage(200));
        assertThatThrownBy(() -> shape.fetch(fast.participants(), conference, "proxied")).isInstanceOf(DecodingException.class);
        emulator.faults().script(Route.FETCH, 1, Fault.malformedJson());
        assertThatThrownBy(() -> shape.fetch(fast.participants(), conference, "proxied")).isInstanceOf(DecodingException.class);
        assertThat(statuses(requestsTo("/Participants/proxied.json", "GET"))).containsExactly(503, 200, 200, 200);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void eachPageOfAListingIsRetriedOnItsOwn(Shapes shape) {
        emulator.seedParticipants(conference, 119);
        ListParticipantsRequest pages = ListParticipantsRequest.builder(conference).pageSize(50).build();
        if (shape == Shapes.SYNC) {
            Iterator<Participant> each = fast.participants().list(pages).iterator();
            int seen = 0;
            for (; seen < 50; seen++) {
                each.next();
            }
            emulator.faults().script(Route.LIST, 1, Fault.resetBeforeResponse());
            while (each.hasNext()) {
                each.next();
                seen++;
            }
            assertThat(seen).isEqualTo(120);
        } else {
            emulator.faults().script(Route.LIST, 1, Fault.status(500)).script(Route.LIST, 1, Fault.status(504));
            assertThat(shape.list(fast.participants(), pages)).hasSize(120);
        }
        assertThat(requestsTo(conference + "/Participants.json", "GET")).as("three pages, two failed attempts")
                .hasSize(shape == Shapes.SYNC ? 4 : 5);
    }
}
