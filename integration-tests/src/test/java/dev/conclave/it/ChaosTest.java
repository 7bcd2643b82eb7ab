package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ApiException;
import dev.conclave.http.ConclaveException;
import dev.conclave.DecodingException;
import dev.conclave.ConclaveClient;
import dev.conclave.ConferenceRecordingOperations;
import dev.conclave.RetryPolicy;
import dev.conclave.http.TransportException;
import dev.conclave.http.HttpTransport;
import dev.conclave.model.Conference;
import dev.conclave.model.ConferenceRecord;
import dev.conclave.model.ConferenceRecording;
import dev.conclave.model.ConferenceRecordingStatus;
import dev.conclave.model.ConferenceStatus;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateConferenceRecordingRequest;
import dev.conclave.model.UpdateConferenceRequest;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.Fault;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.transport.apache.ApacheTransport;
import dev.conclave.transport.netty.NettyTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 3,160 mixed operations over one transport (participants, then pausing, stopping and deleting recordings and
 * ending conferences), half blocking and half async, 16 at a time, against an emulator that
 * spoils a quarter of all requests with seeded faults. Every call must end within its call timeout in success or
 * a typed exception; no create may reach the emulator twice (429s aside, which Twilio answers without acting);
 * every failed read, update or delete must be one the rules do not retry or one whose every attempt was spoiled;
 * and afterwards no connection stays leased and no thread stays alive.
 */
@Timeout(240)
class ChaosTest extends Fixture {
    static final long SEED = 20_261_124L;
    static final int CREATES = 1_000;
    static final int READS_AND_UPDATES = 1_500;
    static final int DELETES = 500;
    static final int CONFERENCES = 10;
    /** Recorded conferences whose recording is paused, stopped and deleted, and which are then ended. */
    static final int RECORDED = 40;
    static final int PARALLEL = 16;
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    /** Generous on a shared 2-core machine; what matters is that nothing waits without bound. */
    static final Duration MARGIN = Duration.ofSeconds(1);
    static final RetryPolicy POLICY = RetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofSeconds(2)).build();

    /** The faults drawn from, each equally likely; every kind the emulator has, with 429 and 5xx statuses. */
    static List<Fault> faultMix() {
        return List.of(Fault.status(429, 1), Fault.status(500), Fault.status(502), Fault.status(503),
                Fault.status(504), Fault.htmlPage(503), Fault.delay(Duration.ofMillis(30)),
                Fault.delay(Duration.ofMillis(1_500)), Fault.resetBeforeResponse(), Fault.resetMidBody(),
                Fault.truncatedBody(), Fault.malformedJson());
    }

    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final List<String> unexplained = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong slowest = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void everyCallEndsTypedAndInTimeNoCreateIsDuplicatedNothingLeaks() throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        AtomicInteger attempts = new AtomicInteger();
        String line;
        int leaked;
        try (ParticipantEmulator chaos = emulatorBuilder().start()) {
            HttpTransport pooled = transport.equals("apache")
                    ? ApacheTransport.builder().maxConnections(PARALLEL).build()
                    : NettyTransport.builder().maxConnections(PARALLEL).build();
            try (pooled; ConclaveClient client = ConclaveClient.builder()
                    .credentials(chaos.accountSid(), chaos.authToken()).baseUri(chaos.baseUri()).transport(pooled)
                    .retryPolicy(POLICY).retryBudget(Double.POSITIVE_INFINITY, 0)
                    .attemptTimeout(ATTEMPT_TIMEOUT).callTimeout(CALL_TIMEOUT)
                    .addInterceptor(chain -> {
                        attempts.incrementAndGet();
                        return chain.proceed(chain.request());
                    }).build()) {
                List<String> conferences = new ArrayList<>();
                for (int c = 0; c < CONFERENCES; c++) {
                    conferences.add(client.participants().create(create("chaos-room-" + c, "host-" + c)).conferenceSid());
                }
                List<Participant> recordedHosts = new ArrayList<>();
                List<String> recordingSids = new ArrayList<>();
                for (int c = 0; c < RECORDED; c++) {
                    Participant host = client.participants().create(CreateParticipantRequest.builder(
                            "chaos-recorded-" + c, "+15005550006", "+15558675310").label("recorded-host-" + c)
                            .conferenceRecord(ConferenceRecord.RECORD_FROM_START).build());
                    for (int shown = 0; shown < 3; shown++) {
                        client.participants().fetch(host.conferenceSid(), host.callSid());
                    }
                    recordedHosts.add(host);
                    recordingSids.add(client.conferenceRecordings().list(host.conferenceSid()).toList().get(0).sid());
                }
                int setupAttempts = attempts.get();
                chaos.faults().random(SEED, 0.25, faultMix());

                List<Participant> created = Collections.synchronizedList(new ArrayList<>());
                runAll(CREATES, false, i -> {
                    Participant p = (i % 2 == 0 ? Shapes.SYNC : Shapes.ASYNC).create(client.participants(),
                            create(conferences.get(i % CONFERENCES), "chaos-" + i));
                    created.add(p);
                }, i -> "create");
                List<Participant> targets = new ArrayList<>(created);
                targets.sort((a, b) -> a.label().compareTo(b.label()));
                assertThat(targets).as("enough creates succeeded to act on").hasSizeGreaterThan(DELETES);
                runAll(READS_AND_UPDATES, true, i -> {
                    Shapes shape = i % 2 == 0 ? Shapes.SYNC : Shapes.ASYNC;
                    Participant target = targets.get(i % targets.size());
                    switch (i % 10) {
                        case 0, 1, 2, 3 -> {
                            assertThat(shape.fetch(client.participants(), target.conferenceSid(), target.label()).callSid())
                                    .isEqualTo(target.callSid());
                        }
                        case 4, 5 -> {
                            // One page of 20 (limit = page size), so one call per operation.
                            ListParticipantsRequest page = ListParticipantsRequest.builder(target.conferenceSid())
                                    .pageSize(20).build();
                            List<Participant> listed = shape == Shapes.SYNC ? client.participants().list(page).limit(20).toList()
                                    : Shapes.join(client.participants().async().list(page).limit(20).toList());
                            assertThat(listed).hasSize(20);
                        }
                        default -> shape.update(client.participants(), target.conferenceSid(), target.label(),
                                UpdateParticipantRequest.builder().muted(i % 3 == 0).hold(i % 4 == 0).build());
                    }
                }, i -> i % 10 < 4 ? "fetch" : i % 10 < 6 ? "list" : "update");
                runAll(DELETES, true, i -> {
                    Participant target = targets.get(i);
                    (i % 2 == 0 ? Shapes.SYNC : Shapes.ASYNC).delete(client.participants(), target.conferenceSid(), target.label());
                }, i -> "delete");
                // Each safe to re-send: a pause or a stop sets a state, a delete found gone after a lost answer
                // succeeds, and ending an ended conference changes nothing.
                ConferenceRecordingOperations recordings = client.conferenceRecordings();
                Set<Integer> stopped = ConcurrentHashMap.newKeySet();
                Set<Integer> deleted = ConcurrentHashMap.newKeySet();
                Set<Integer> ended = ConcurrentHashMap.newKeySet();
                // Pauses address the recording as Twilio.CURRENT; stops by SID, since once a recording stopped none
                // is current, and a stop re-sent as Twilio.CURRENT after a lost answer would find nothing (404).
                runAll(RECORDED, true, i -> recording(recordings, recordedHosts.get(i), "Twilio.CURRENT", i,
                        ConferenceRecordingStatus.PAUSED), i -> "pause recording");
                runAll(RECORDED, true, i -> {
                    recording(recordings, recordedHosts.get(i), recordingSids.get(i), i,
                            ConferenceRecordingStatus.STOPPED);
                    stopped.add(i);
                }, i -> "stop recording");
                runAll(RECORDED, true, i -> {
                    if (stopped.contains(i)) {
                        String conference = recordedHosts.get(i).conferenceSid();
                        String sid = recordingSids.get(i);
                        if (i % 2 == 0) {
                            recordings.delete(conference, sid);
                        } else {
                            Shapes.join(recordings.async().delete(conference, sid));
                        }
                        deleted.add(i);
                    }
                }, i -> "delete recording");
                runAll(RECORDED, true, i -> {
                    UpdateConferenceRequest end = UpdateConferenceRequest.builder()
                            .status(ConferenceStatus.COMPLETED).build();
                    String conference = recordedHosts.get(i).conferenceSid();
                    Conference after = i % 2 == 0 ? client.conferences().update(conference, end)
                            : Shapes.join(client.conferences().async().update(conference, end));
                    assertThat(after.status()).isEqualTo(ConferenceStatus.COMPLETED);
                    ended.add(i);
                }, i -> "end conference");
                int operations = CREATES + READS_AND_UPDATES + DELETES + 4 * RECORDED;
                int retries = attempts.get() - setupAttempts - operations;

                Map<String, Long> createsReceived = chaos.journal().stream()
                        .filter(r -> r.method().equals("POST") && r.rawPath().endsWith("/Participants.json"))
                        .filter(r -> r.responseStatus() != 429)
                        .collect(Collectors.groupingBy(r -> r.formValues("Label").get(0), Collectors.counting()));
                long duplicates = createsReceived.values().stream().filter(n -> n > 1).count();
                chaos.faults().clear();
                for (int i = 0; i < RECORDED; i++) {
                    String conference = recordedHosts.get(i).conferenceSid();
                    if (ended.contains(i)) {
                        assertThat(client.conferences().fetch(conference).status()).isEqualTo(ConferenceStatus.COMPLETED);
                        assertThat(chaos.participantCount(conference)).isZero();
                    }
                    if (deleted.contains(i)) {
                        assertThat(client.conferenceRecordings().list(conference).toList()).as("deleted").isEmpty();
                    }
                }
                assertThat(ended).as("conferences ended").hasSizeGreaterThan(RECORDED / 2);
                assertThat(deleted).as("recordings deleted").hasSizeGreaterThan(RECORDED / 2);
                eventually("the pool's leased connections return to 0", () -> leased(pooled) == 0);
                leaked = leased(pooled);
                line = String.format("[%s] chaos: operations %d, faults injected %d %s, retries %d, failures %s, "
                                + "duplicate creates %d, leaked connections %d, slowest call %d ms (call timeout %d ms)",
                        transport, operations, chaos.faults().injectedCount(), chaos.faults().injected(), retries,
                        new TreeMap<>(failures), duplicates, leaked, slowest.get() / 1_000_000,
                        CALL_TIMEOUT.toMillis());
                System.out.println(line);
                assertThat(chaos.faults().injectedCount()).as("faults injected").isGreaterThan(operations / 5);
                assertThat(retries).as("retries").isPositive();
                assertThat(duplicates).as("creates received twice: " + line).isZero();
                assertThat(calls.get()).isEqualTo(operations);
            }
        }
        assertThat(unexplained).as("failures the retry rules should have prevented").isEmpty();
        assertThat(Duration.ofNanos(slowest.get())).as("the slowest call").isLessThan(CALL_TIMEOUT.plus(MARGIN));
        assertThat(leaked).isZero();
        eventually("no thread started during the run is left", () -> threadsLeft(threadsBefore).isEmpty());
    }

    private interface Operation {
        void run(int index);
    }

    /**
     * Runs {@code count} operations, {@value #PARALLEL} at a time.
     *
     * @param retried whether the rules retry this operation's transient failures (all but create)
     * @param kind the name of the operation of each index, for the figures
     */
    private void runAll(int count, boolean retried, Operation operation, IntFunction<String> kind)
            throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                tasks.add(() -> {
                    long start = System.nanoTime();
                    try {
                        operation.run(index);
                    } catch (ConclaveException failure) {
                        judge(kind.apply(index), failure, retried);
                    } catch (RuntimeException | AssertionError untyped) {
                        unexplained.add("untyped or wrong result: " + untyped);
                    } finally {
                        slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                        calls.incrementAndGet();
                    }
                    return null;
                });
            }
            workers.invokeAll(tasks, 200, TimeUnit.SECONDS);
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Counts a failure by type and checks that the retry rules explain it. */
    private void judge(String operation, ConclaveException failure, boolean retried) {
        String type = operation + ": " + failure.getClass().getSimpleName() + (failure instanceof TransportException t
                ? " " + t.reason() : failure instanceof ApiException api ? " " + api.httpStatus() : "");
        failures.computeIfAbsent(type, k -> new AtomicInteger()).incrementAndGet();
        // A retried operation may fail only with what the rules do not retry (a malformed body), or after its
        // every attempt was spoiled.
        boolean explained = failure instanceof DecodingException
                || failure.getSuppressed().length == POLICY.maxAttempts() - 1;
        if (retried && !explained) {
            unexplained.add(type + " after " + (failure.getSuppressed().length + 1) + " attempt(s): "
                    + failure.getMessage());
        }
    }

    /** Pauses or stops a recording of the host's conference; the recording must say the new state. */
    private static void recording(ConferenceRecordingOperations recordings, Participant host, String recording,
                                  int index, ConferenceRecordingStatus status) {
        UpdateConferenceRecordingRequest change = UpdateConferenceRecordingRequest.builder(status).build();
        ConferenceRecording after = index % 2 == 0
                ? recordings.update(host.conferenceSid(), recording, change)
                : Shapes.join(recordings.async().update(host.conferenceSid(), recording, change));
        assertThat(after.status()).isIn(status, status.equals(ConferenceRecordingStatus.STOPPED)
                ? ConferenceRecordingStatus.COMPLETED : status);
    }

    private static CreateParticipantRequest create(String conference, String label) {
        return CreateParticipantRequest.builder(conference, "+15005550006", "+15558675310").label(label).build();
    }

    private static int leased(HttpTransport pooled) {
        return pooled instanceof ApacheTransport apache ? apache.leasedConnections()
                : ((NettyTransport) pooled).leasedConnections();
    }

    private static List<String> threadsLeft(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> !name.startsWith("ForkJoinPool") && !name.equals("Attach Listener"))
                .toList();
    }
}
