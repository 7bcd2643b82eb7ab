package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import dev.conclave.ConclaveClient;
import dev.conclave.RetryPolicy;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.RecordedRequest;
import dev.conclave.emulator.Route;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With Micrometer Tracing (the Brave bridge, B3 propagation) on the observation registry, every attempt is a
 * client span under its call's span, and the trace context reaches the server in the request's headers.
 */
@Timeout(60)
class TracePropagationTest extends Fixture {
    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
    private Tracing tracing;
    private ConclaveClient traced;
    private String conference;

    @BeforeEach
    void tracedClient() {
        tracing = Tracing.newBuilder().localServiceName("conclave-test")
                .currentTraceContext(ThreadLocalCurrentTraceContext.create())
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                        finished.add(span);
                        return true;
                    }
                })
                .build();
        Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()),
                new BraveBaggageManager());
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
                new DefaultTracingObservationHandler(tracer)));
        traced = clientFor(emulator).observationRegistry(registry)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build()).build();
        conference = client.participants().create(CreateParticipantRequest.builder("trace-" + System.nanoTime(), "+15005550006",
                "+15558675310").label("traced").build()).conferenceSid();
        emulator.clearJournal();
    }

    @AfterEach
    void close() {
        emulator.faults().clear();
        traced.close();
        tracing.close();
    }

    @ParameterizedTest
    @EnumSource(Shapes.class)
    void eachAttemptSendsItsOwnSpanOfTheCallsTrace(Shapes shape) {
        emulator.faults().script(Route.FETCH, 1, Fault.status(503));

        shape.fetch(traced.participants(), conference, "traced");

        List<RecordedRequest> sent = emulator.journal();
        assertThat(sent).hasSize(2);
        MutableSpan call = finished.stream().filter(span -> "participants fetch".equals(span.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no call span among " + finished));
        List<MutableSpan> attempts = finished.stream().filter(span -> "http get".equals(span.name())).toList();
        assertThat(attempts).hasSize(2).allSatisfy(attempt -> {
            assertThat(attempt.kind()).isEqualTo(brave.Span.Kind.CLIENT);
            assertThat(attempt.traceId()).isEqualTo(call.traceId());
            assertThat(attempt.parentId()).isEqualTo(call.id());
        });
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = sent.get(i);
            assertThat(request.header("X-B3-TraceId")).as("trace id of attempt %d", i + 1).contains(call.traceId());
            assertThat(request.header("X-B3-SpanId")).as("span id of attempt %d", i + 1)
                    .contains(attempts.get(i).id());
        }
        assertThat(attempts.get(0).tags()).containsEntry("status", "503").containsEntry("uri",
                "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json");
        assertThat(call.tags()).containsEntry("attempts", "2").containsEntry("outcome", "SUCCESS");
    }
}
