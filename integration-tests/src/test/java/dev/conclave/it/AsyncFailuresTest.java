package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ApiException;
import dev.conclave.AuthenticationException;
import dev.conclave.ConclaveClient;
import dev.conclave.NotFoundException;
import dev.conclave.model.ConferenceRecordingStatus;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.UpdateConferenceRecordingRequest;
import dev.conclave.model.UpdateConferenceRequest;
import dev.conclave.model.UpdateParticipantRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every future the async API returns fails with the typed exception itself: {@code whenComplete}, {@code handle}
 * and {@code exceptionally} callbacks see it unwrapped, whichever operation, whichever step failed (the call, or
 * the lookup of a conference given by name).
 */
@Timeout(60)
class AsyncFailuresTest extends Fixture {
    private static final String CONFERENCE = "CF0123456789abcdef0123456789abcdef";
    private static final String CALL = "CA0123456789abcdef0123456789abcdef";
    private static final String RECORDING = "RE0123456789abcdef0123456789abcdef";

    /** Every future-returning call of the three resources, against the given client. */
    private static Map<String, CompletableFuture<?>> everyFuture(ConclaveClient target, String conference) {
        Map<String, CompletableFuture<?>> futures = new LinkedHashMap<>();
        var participants = target.participants().async();
        var conferences = target.conferences().async();
        var recordings = target.conferenceRecordings().async();
        futures.put("participants.create", participants.create(
                CreateParticipantRequest.builder(conference, "+15555550100", "+15555550111").build()));
        futures.put("participants.fetch", participants.fetch(conference, CALL));
        futures.put("participants.update", participants.update(conference, CALL,
                UpdateParticipantRequest.builder().muted(true).build()));
        futures.put("participants.delete", participants.delete(conference, CALL));
        futures.put("participants.list.toList", participants.list(conference).toList());
        futures.put("participants.list.forEach", participants.list(conference).forEach(p -> { }));
        futures.put("conferences.fetch", conferences.fetch(conference));
        futures.put("conferences.update", conferences.update(conference,
                UpdateConferenceRequest.builder().announceUrl(java.net.URI.create("https://example.com/a")).build()));
        futures.put("conferences.list.toList", conferences.list().toList());
        futures.put("recordings.fetch", recordings.fetch(conference, RECORDING));
        futures.put("recordings.update", recordings.update(conference, RECORDING,
                UpdateConferenceRecordingRequest.builder(ConferenceRecordingStatus.PAUSED).build()));
        futures.put("recordings.delete", recordings.delete(conference, RECORDING));
        futures.put("recordings.list.toList", recordings.list(conference).toList());
        return futures;
    }

    private static void assertUnwrapped(String name, CompletableFuture<?> future, Class<? extends ApiException> type)
            throws Exception {
        AtomicReference<Throwable> whenComplete = new AtomicReference<>();
        AtomicReference<Throwable> exceptionally = new AtomicReference<>();
        CompletableFuture<Throwable> handled = future.handle((value, failure) -> failure);
        future.whenComplete((value, failure) -> whenComplete.set(failure));
        future.exceptionally(failure -> {
            exceptionally.set(failure);
            return null;
        });
        Throwable failure = handled.get(20, TimeUnit.SECONDS);
        assertThat(failure).as(name + " handle").isInstanceOf(type).isNotInstanceOf(CompletionException.class);
        assertThat(whenComplete.get()).as(name + " whenComplete").isSameAs(failure);
        assertThat(exceptionally.get()).as(name + " exceptionally").isSameAs(failure);
        try {
            future.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
            assertThat(expected.getCause()).as(name + " get").isSameAs(failure);
        }
    }

    @Test
    void aFailedCallFailsEveryFutureWithTheTypedException() throws Exception {
        try (ConclaveClient wrongToken = ConclaveClient.builder()
                .credentials(emulator.accountSid(), "not-the-token").baseUri(emulator.baseUri())
                .transport(transport).build()) {
            for (Map.Entry<String, CompletableFuture<?>> call : everyFuture(wrongToken, CONFERENCE).entrySet()) {
                assertUnwrapped(call.getKey(), call.getValue(), AuthenticationException.class);
            }
        }
    }

    @Test
    void aFailedLookupOfAConferenceNameFailsEveryFutureWithTheTypedException() throws Exception {
        Map<String, CompletableFuture<?>> futures = everyFuture(client, "nobody-is-called-this");
        futures.remove("participants.create");
        futures.remove("conferences.list.toList");
        for (Map.Entry<String, CompletableFuture<?>> call : futures.entrySet()) {
            assertUnwrapped(call.getKey(), call.getValue(), NotFoundException.class);
        }
    }
}
