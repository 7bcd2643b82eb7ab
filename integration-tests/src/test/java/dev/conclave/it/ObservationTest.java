package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.NotFoundException;
import dev.conclave.Operations;
import dev.conclave.ConclaveClient;
import dev.conclave.RetryPolicy;
import dev.conclave.http.TransportException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.observation.ConclaveMeters;
import dev.conclave.observation.DefaultHttpAttemptObservationConvention;
import dev.conclave.observation.DefaultCallObservationConvention;
import dev.conclave.observation.HttpAttemptObservationContext;
import dev.conclave.observation.CallObservationContext;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.Route;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client's observations and meters against the emulator, on each transport and API shape: the call and
 * attempt observations' names, tags and nesting after success, an API error, a transport error and retries; the
 * retry counter; the pool gauges and their removal on close; and that no tag ever carries a SID, label, phone
 * number or query.
 */
@Timeout(60)
class ObservationTest extends Fixture {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final RetryPolicy FAST = RetryPolicy.builder().initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(50)).build();
    private static final String LABEL = "agent-obs-7";
    private static final String TO = "+15558675310";

    private TestObservationRegistry observations;
    private SimpleMeterRegistry meters;
    private ConclaveClient observed;
    private String conference;

    @BeforeEach
    void observedClient() {
        observations = TestObservationRegistry.create();
        meters = new SimpleMeterRegistry();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        observed = clientFor(emulator).observationRegistry(observations).meterRegistry(meters).retryPolicy(FAST)
                .clientName("observed").build();
        conference = client.participants().create(request("obs-" + NAMES.incrementAndGet(), "seed")).conferenceSid();
    }

    @AfterEach
    void closeClient() {
        emulator.faults().clear();
        observed.close();
    }

    private static CreateParticipantRequest request(String conference, String label) {
        return CreateParticipantRequest.builder(conference, "+15005550006", TO).label(label).build();
    }

    private List<CallObservationContext> calls() {
        List<CallObservationContext> found = new ArrayList<>();
        observations.assertThat().hasHandledContextsThatSatisfy(contexts -> contexts.stream()
                .filter(CallObservationContext.class::isInstance)
                .map(CallObservationContext.class::cast).forEach(found::add));
        return found;
    }

    private List<HttpAttemptObservationContext> attempts() {
        List<HttpAttemptObservationContext> found = new ArrayList<>();
        observations.assertThat().hasHandledContextsThatSatisfy(contexts -> contexts.stream()
                .filter(HttpAttemptObservationContext.class::isInstance)
                .map(HttpAttemptObservationContext.class::cast).forEach(found::add));
        return found;
    }

    private static Map<String, String> tags(Observation.Context context) {
        Map<String, String> tags = new java.util.TreeMap<>();
        for (KeyValue each : context.getLowCardinalityKeyValues()) {
            tags.put(each.getKey(), each.getValue());
        }
        return tags;
    }

    private static String template(boolean member) {
        return "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants"
                + (member ? "/{CallSid}.json" : ".json");
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aSuccessfulCallIsOneCallObservationWithOneAttemptAsItsChild(Shapes shape) {
        shape.create(observed.participants(), request(conference, LABEL));
        Participant fetched = shape.fetch(observed.participants(), conference, LABEL);
        assertThat(fetched.label()).isEqualTo(LABEL);

        List<CallObservationContext> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.getName())
                .isEqualTo(DefaultCallObservationConvention.NAME));
        assertThat(tags(calls.get(0))).containsExactlyInAnyOrderEntriesOf(Map.of("resource", "participants", "operation", "create",
                "outcome", "SUCCESS", "status", "201", "error.type", "none", "attempts", "1"));
        assertThat(tags(calls.get(1))).containsExactlyInAnyOrderEntriesOf(Map.of("resource", "participants", "operation", "fetch",
                "outcome", "SUCCESS", "status", "200", "error.type", "none", "attempts", "1"));
        assertThat(calls.get(1).getContextualName()).isEqualTo("participants fetch");

        List<HttpAttemptObservationContext> attempts = attempts();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getName()).isEqualTo(DefaultHttpAttemptObservationConvention.NAME);
        assertThat(tags(attempts.get(0))).containsExactlyInAnyOrderEntriesOf(Map.of("method", "POST",
                "uri", template(false), "status", "201", "outcome", "SUCCESS", "exception", "none",
                "client.name", transport));
        assertThat(tags(attempts.get(1))).containsExactlyInAnyOrderEntriesOf(Map.of("method", "GET",
                "uri", template(true), "status", "200", "outcome", "SUCCESS", "exception", "none",
                "client.name", transport));
        // Spring's and Micrometer's HTTP client timers have exactly those keys; the operation goes to spans only.
        assertThat(attempts.get(1).getHighCardinalityKeyValue("operation").getValue()).isEqualTo("fetch");
        assertThat(attempts.get(1).getContextualName()).isEqualTo("http get");
        for (int i = 0; i < 2; i++) {
            assertThat(attempts.get(i).getParentObservation().getContextView()).isSameAs(calls.get(i));
        }

        Timer fetchTimer = meters.get(DefaultCallObservationConvention.NAME)
                .tags("operation", "fetch", "outcome", "SUCCESS").timer();
        assertThat(fetchTimer.count()).isEqualTo(1);
        assertThat(meters.get(DefaultHttpAttemptObservationConvention.NAME)
                .tags("method", "GET", "status", "200", "client.name", transport).timer().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void anApiErrorIsTaggedWithItsStatusAndType(Shapes shape) {
        assertThatThrownBy(() -> shape.fetch(observed.participants(), conference, "nobody-here"))
                .isInstanceOf(NotFoundException.class);

        CallObservationContext call = calls().get(0);
        assertThat(tags(call)).containsExactlyInAnyOrderEntriesOf(Map.of("resource", "participants", "operation", "fetch",
                "outcome", "CLIENT_ERROR", "status", "404", "error.type", "NotFoundException", "attempts", "1"));
        assertThat(call.getError()).isInstanceOf(NotFoundException.class);
        // The exchange itself worked: an error response is not an exception of the attempt.
        assertThat(tags(attempts().get(0))).containsEntry("status", "404").containsEntry("outcome", "CLIENT_ERROR")
                .containsEntry("exception", "none");
        assertThat(meters.find(ConclaveMeters.RETRIES).counters()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void retriesAreAttemptsUnderOneCallAndCountedByReason(Shapes shape) {
        shape.create(observed.participants(), request(conference, LABEL));
        observations.clear();
        emulator.faults().script(Route.FETCH, 2, Fault.status(503));

        shape.fetch(observed.participants(), conference, LABEL);

        CallObservationContext call = calls().get(0);
        assertThat(tags(call)).containsEntry("outcome", "SUCCESS").containsEntry("status", "200")
                .containsEntry("attempts", "3");
        List<HttpAttemptObservationContext> attempts = attempts();
        assertThat(attempts).extracting(each -> tags(each).get("status")).containsExactly("503", "503", "200");
        assertThat(attempts).extracting(HttpAttemptObservationContext::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).allSatisfy(each -> assertThat(each.getParentObservation().getContextView())
                .isSameAs(call));
        assertThat(meters.get(ConclaveMeters.RETRIES).tags("operation", "fetch", "reason", "http_503").counter()
                .count()).isEqualTo(2.0);
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aTransportErrorHasNoStatusAndNamesItsReason(Shapes shape) {
        try (ConclaveClient refused = ConclaveClient.builder()
                .credentials(emulator.accountSid(), emulator.authToken()).baseUri(refusedBaseUri())
                .transport(transport).retryPolicy(FAST).observationRegistry(observations).meterRegistry(meters)
                .build()) {
            assertThatThrownBy(() -> shape.fetch(refused.participants(), conference, LABEL)).isInstanceOf(TransportException.class)
                    .extracting(failure -> ((TransportException) failure).reason())
                    .isEqualTo(TransportException.Reason.CONNECT_FAILED);
        }
        CallObservationContext call = calls().get(0);
        assertThat(tags(call)).containsExactlyInAnyOrderEntriesOf(Map.of("resource", "participants", "operation", "fetch",
                "outcome", "UNKNOWN", "status", "NONE", "error.type", "CONNECT_FAILED", "attempts", "3"));
        assertThat(attempts()).hasSize(3).allSatisfy(attempt -> assertThat(tags(attempt))
                .containsEntry("status", "IO_ERROR").containsEntry("outcome", "UNKNOWN")
                .containsEntry("exception", "TransportException"));
        assertThat(meters.get(ConclaveMeters.RETRIES).tags("operation", "fetch", "reason", "connect_failed")
                .counter().count()).isEqualTo(2.0);
    }

    @Test
    void noTagHoldsASidLabelPhoneNumberOrQuery() {
        Participant created = observed.participants().create(request(conference, LABEL));
        observed.participants().fetch(conference, created.callSid());
        observed.participants().fetch(conference, LABEL);
        observed.participants().update(conference, LABEL, UpdateParticipantRequest.builder().muted(true).build());
        emulator.faults().script(Route.LIST, 1, Fault.status(500));
        observed.participants().list(ListParticipantsRequest.builder(conference).muted(true).pageSize(1).build()).toList();
        Shapes.join(observed.participants().async().fetch(conference, LABEL));
        observed.participants().delete(conference, LABEL);
        assertThatThrownBy(() -> observed.participants().fetch(conference, LABEL)).isInstanceOf(NotFoundException.class);

        List<String> values = new ArrayList<>();
        observations.assertThat().hasHandledContextsThatSatisfy(contexts -> contexts.forEach(context -> {
            values.add(context.getName());
            values.add(context.getContextualName());
            for (KeyValue each : KeyValues.of(context.getAllKeyValues())) {
                values.add(each.getKey());
                values.add(each.getValue());
            }
        }));
        for (Meter meter : meters.getMeters()) {
            values.add(meter.getId().getName());
            for (Tag tag : meter.getId().getTags()) {
                values.add(tag.getKey());
                values.add(tag.getValue());
            }
        }
        assertThat(calls()).hasSizeGreaterThanOrEqualTo(8);
        Pattern sid = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");
        String digits = TO.substring(2);
        assertThat(values).isNotEmpty().allSatisfy(value -> assertThat(value)
                .doesNotContainPattern(sid)
                .doesNotContain(LABEL)
                .doesNotContain(digits)
                .doesNotContain("5005550006")
                .doesNotContain(conference)
                .doesNotContain("?")
                .doesNotContain("=")
                .doesNotContain(emulator.accountSid()));
    }

    @Test
    void poolGaugesFollowThePoolAndVanishAfterClose() throws Exception {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        ConclaveClient pooled = clientFor(emulator).meterRegistry(own).maxConnections(7).clientName("pooled")
                .build();
        ConclaveClient other = clientFor(emulator).meterRegistry(own).clientName("other").build();
        try {
            pooled.participants().create(request(conference, LABEL));
            assertThat(gauge(own, ConclaveMeters.POOL_MAX, "pooled")).isEqualTo(7.0);
            // Netty gives the connection back just after completing the response: wait for it.
            eventually("the one connection is idle after the create",
                    () -> gauge(own, ConclaveMeters.POOL_IDLE, "pooled") == 1.0);
            assertThat(gauge(own, ConclaveMeters.POOL_LEASED, "pooled")).isZero();

            emulator.faults().script(Route.FETCH, 1, Fault.delay(Duration.ofMillis(800)));
            CompletableFuture<Participant> slow = pooled.participants().async().fetch(conference, LABEL);
            eventually("a connection is leased while the slow fetch runs",
                    () -> gauge(own, ConclaveMeters.POOL_LEASED, "pooled") == 1.0);
            Shapes.join(slow);
            eventually("the connection is back in the pool",
                    () -> gauge(own, ConclaveMeters.POOL_LEASED, "pooled") == 0.0);
            assertThat(gauge(own, ConclaveMeters.POOL_PENDING, "pooled")).isZero();
            assertThat(own.find(ConclaveMeters.POOL_MAX).tag(ConclaveMeters.TAG_CLIENT, "other").gauge().value())
                    .isEqualTo(50.0);
            assertThat(own.find(ConclaveMeters.POOL_MAX).tag(ConclaveMeters.TAG_TRANSPORT, transport).gauges())
                    .hasSize(2);
        } finally {
            pooled.close();
        }
        assertThat(own.find(ConclaveMeters.POOL_LEASED).tag(ConclaveMeters.TAG_CLIENT, "pooled").gauges()).isEmpty();
        for (String name : List.of(ConclaveMeters.POOL_IDLE, ConclaveMeters.POOL_PENDING, ConclaveMeters.POOL_MAX)) {
            assertThat(own.find(name).tag(ConclaveMeters.TAG_CLIENT, "pooled").gauges()).as(name).isEmpty();
        }
        assertThat(own.find(ConclaveMeters.POOL_LEASED).tag(ConclaveMeters.TAG_CLIENT, "other").gauges()).hasSize(1);
        other.close();
        assertThat(own.getMeters()).isEmpty();
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String clientName) {
        return registry.get(name).tag(ConclaveMeters.TAG_CLIENT, clientName).tag(ConclaveMeters.TAG_TRANSPORT,
                transport).gauge().value();
    }

    @Test
    void aCustomConventionReplacesTheDefaultOne() {
        try (ConclaveClient custom = clientFor(emulator).observationRegistry(observations)
                .callObservationConvention(new DefaultCallObservationConvention() {
                    @Override
                    public String getName() {
                        return "twilio.participants";
                    }

                    @Override
                    public KeyValues getLowCardinalityKeyValues(CallObservationContext context) {
                        return super.getLowCardinalityKeyValues(context).and("team", "voice");
                    }
                })
                .attemptObservationConvention(new DefaultHttpAttemptObservationConvention() {
                    @Override
                    public String getName() {
                        return "twilio.http";
                    }
                })
                .build()) {
            custom.participants().create(request(conference, LABEL));
        }
        observations.assertThat().hasObservationWithNameEqualTo("twilio.participants").that()
                .hasLowCardinalityKeyValue("team", "voice").hasLowCardinalityKeyValue("operation", "create");
        observations.assertThat().hasObservationWithNameEqualTo("twilio.http").that()
                .hasLowCardinalityKeyValue("method", "POST");
        observations.assertThat().hasNumberOfObservationsWithNameEqualTo(
                DefaultCallObservationConvention.NAME, 0);
    }

    @Test
    void aCallMadeInsideAnObservationOfTheCallerIsItsChild() {
        Observation outer = Observation.start("handle.request", observations);
        try (Observation.Scope scope = outer.openScope()) {
            observed.participants().create(request(conference, LABEL));
        } finally {
            outer.stop();
        }
        assertThat(calls().get(0).getParentObservation().getContextView().getName()).isEqualTo("handle.request");
    }

    @Test
    void everyPageOfAListingIsAChildOfTheCallersObservationThePagesReadAheadToo() throws Exception {
        emulator.seedParticipants(conference, 9);
        Observation outer = Observation.start("handle.request", observations);
        try (Observation.Scope scope = outer.openScope()) {
            ListParticipantsRequest byTwo = ListParticipantsRequest.builder(conference).pageSize(2).build();
            assertThat(observed.participants().list(byTwo).readAhead(true).toList()).hasSize(10);
            assertThat(observed.participants().async().list(byTwo).readAhead(true).toList().get(20, TimeUnit.SECONDS)).hasSize(10);
        } finally {
            outer.stop();
        }
        List<CallObservationContext> pages = calls().stream()
                .filter(call -> call.operation() == Operations.LIST_PARTICIPANT).toList();
        assertThat(pages).as("five pages, listed twice").hasSize(10);
        assertThat(pages).allSatisfy(page -> assertThat(page.getParentObservation().getContextView().getName())
                .isEqualTo("handle.request"));
    }

    @Test
    void handlersAddedToTheRegistryAfterBuildTakeEffect() {
        io.micrometer.observation.ObservationRegistry late = io.micrometer.observation.ObservationRegistry.create();
        try (ConclaveClient lateClient = clientFor(emulator).observationRegistry(late).build()) {
            lateClient.participants().create(request(conference, LABEL));
            List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
            late.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }

                @Override
                public void onStart(Observation.Context context) {
                    started.add(context.getName());
                }
            });
            lateClient.participants().fetch(conference, LABEL);
            assertThat(started).containsExactly(DefaultCallObservationConvention.NAME,
                    DefaultHttpAttemptObservationConvention.NAME);
        }
    }

    @Test
    void anUndecodableBodyIsAnUnknownOutcomeWithItsStatus() {
        observed.participants().create(request(conference, LABEL));
        emulator.faults().script(Route.FETCH, 1, Fault.malformedJson());
        assertThatThrownBy(() -> observed.participants().withOptions(dev.conclave.CallOptions.builder()
                .retryPolicy(RetryPolicy.none()).build()).fetch(conference, LABEL))
                .isInstanceOf(dev.conclave.DecodingException.class);
        assertThat(tags(calls().get(1))).containsEntry("outcome", "UNKNOWN").containsEntry("status", "200")
                .containsEntry("error.type", "DecodingException");
    }

    @Test
    void aCallTheCallerCancelsOrTimesOutStillEndsItsObservation() throws Exception {
        observed.participants().create(request(conference, LABEL));
        observations.clear();
        emulator.faults().script(Route.FETCH, 2, Fault.delay(Duration.ofMillis(1500)));

        CompletableFuture<Participant> cancelled = observed.participants().async().fetch(conference, LABEL);
        cancelled.cancel(true);
        CompletableFuture<Participant> timedOut = observed.participants().async().fetch(conference, LABEL)
                .orTimeout(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThatThrownBy(timedOut::join).hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);

        eventually("both call observations stopped", () -> calls().size() == 2
                && calls().stream().allMatch(call -> tags(call).containsKey("outcome")
                        && tags(call).get("outcome").equals("UNKNOWN")));
        // A cancelled call reads as the API reports it (TransportException CANCELLED); a caller's orTimeout as such.
        assertThat(calls()).extracting(call -> tags(call).get("error.type"))
                .containsExactlyInAnyOrder("CANCELLED", "TimeoutException");
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void aFailingConventionNeitherFailsNorHangsTheCall(Shapes shape) {
        io.micrometer.observation.ObservationRegistry registry =
                io.micrometer.observation.ObservationRegistry.create();
        AtomicInteger stopped = new AtomicInteger();
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.incrementAndGet();
                throw new IllegalStateException("a handler's bug");
            }
        });
        try (ConclaveClient broken = clientFor(emulator).observationRegistry(registry)
                .attemptObservationConvention(new DefaultHttpAttemptObservationConvention() {
                    @Override
                    public KeyValues getLowCardinalityKeyValues(HttpAttemptObservationContext context) {
                        throw new IllegalStateException("a convention's bug");
                    }
                }).build()) {
            Participant created = shape.create(broken.participants(), request(conference, LABEL));
            assertThat(shape.fetch(broken.participants(), conference, LABEL).callSid()).isEqualTo(created.callSid());
            assertThatThrownBy(() -> shape.fetch(broken.participants(), conference, "nobody")).isInstanceOf(NotFoundException.class);
        }
        assertThat(stopped).as("the call observations were stopped, and the handler threw each time").hasValue(3);
    }

    @Test
    void attemptsOfACallThatAPredicateTurnedOffAreChildrenOfTheCallersObservation() {
        observations.observationConfig().observationPredicate((name, context) ->
                !name.equals(DefaultCallObservationConvention.NAME));
        Observation outer = Observation.start("handle.request", observations);
        CompletableFuture<Participant> created;
        try (Observation.Scope scope = outer.openScope()) {
            created = observed.participants().async().create(request(conference, LABEL));
        }
        Shapes.join(created);
        outer.stop();
        assertThat(calls()).isEmpty();
        assertThat(attempts()).singleElement().satisfies(attempt -> assertThat(attempt.getParentObservation()
                .getContextView().getName()).isEqualTo("handle.request"));
    }

    @Test
    void clientsInOneRegistryGetTheirOwnGaugesAndANameIsNotTakenTwice() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        try (ConclaveClient first = clientFor(emulator).meterRegistry(own).build();
             ConclaveClient second = clientFor(emulator).meterRegistry(own).build();
             ConclaveClient named = clientFor(emulator).meterRegistry(own).clientName("billing").build()) {
            assertThat(own.find(ConclaveMeters.POOL_MAX).gauges()).extracting(gauge -> gauge.getId()
                    .getTag(ConclaveMeters.TAG_CLIENT)).containsExactlyInAnyOrder("participants", "participants-2",
                    "billing");
            assertThatThrownBy(() -> clientFor(emulator).meterRegistry(own).clientName("billing").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientName")
                    .hasMessageContaining("billing");
            assertThat(own.find(ConclaveMeters.POOL_MAX).gauges()).hasSize(3);
        }
        assertThat(own.getMeters()).isEmpty();
    }
}
