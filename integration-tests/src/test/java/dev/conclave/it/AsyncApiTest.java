package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.AsyncListing;
import dev.conclave.ConclaveClient;
import dev.conclave.NotFoundException;
import dev.conclave.http.TransportException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
import dev.conclave.emulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/** client.async(): futures, the demand-driven page publisher, and many calls at once, over each transport. */
@Timeout(60)
class AsyncApiTest extends Fixture {
    private static String conference;

    @BeforeParameterizedClassInvocation(injectArguments = false)
    static void seed() {
        conference = emulator.createConference("async-room");
        emulator.seedParticipants(conference, 130);
    }

    @BeforeEach
    void clear() {
        emulator.clearJournal();
    }

    private static long pageRequests() {
        return emulator.journal().stream()
                .filter(r -> r.method().equals("GET") && r.rawPath().endsWith("/Participants.json")).count();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    @Test
    void everyOperationRoundTripsThroughFutures() throws Exception {
        String room = "async-ops";
        Participant created = await(client.participants().async().create(CreateParticipantRequest.builder(room, "+15005550006",
                "+15558675310").label("async-agent").build()));
        Participant updated = await(client.participants().async().update(created.conferenceSid(), "async-agent",
                UpdateParticipantRequest.builder().hold(true).build()));
        Participant fetched = await(client.participants().async().fetch(created.conferenceSid(), created.callSid()));
        await(client.participants().async().delete(created.conferenceSid(), "async-agent"));

        assertThat(updated.hold()).isTrue();
        assertThat(fetched.callSid()).isEqualTo(created.callSid());
        assertThat(fetched.label()).isEqualTo("async-agent");
        assertThat(emulator.journal()).extracting(RecordedRequest::method)
                .containsExactly("POST", "POST", "GET", "DELETE");
        assertThat(client.participants().list(created.conferenceSid()).toList()).isEmpty();
    }

    @Test
    void failuresArriveTypedAndUnwrapped() {
        CompletableFuture<Participant> missing = client.participants().async().fetch(conference, "nobody-here");
        assertThatThrownBy(() -> missing.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(NotFoundException.class).hasMessageContaining("20404");
        assertThat(missing).isCompletedExceptionally();
        missing.exceptionally(failure -> {
            assertThat(failure).isInstanceOf(NotFoundException.class);
            return null;
        }).join();
        assertThatThrownBy(() -> client.participants().async().fetch("two\nlines", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conference");
    }

    @Test
    void aSubscriberAskingForSixtyFromPagesOfFiftyCausesTwoPageRequestsAndOneReadAhead() throws Exception {
        AsyncListing<Participant, ParticipantPage> listing = client.participants().async().list(ListParticipantsRequest.builder(conference)
                .pageSize(50).build());
        Recorder<Participant> exact = new Recorder<>(60, 0);
        listing.readAhead(false).subscribe(exact);
        awaitReceived(exact, 60);
        Thread.sleep(200); // time enough for a third, unwanted request to show up
        assertThat(exact.done).isNotDone();
        assertThat(pageRequests()).as("without reading ahead").isEqualTo(2);
        exact.subscription.cancel();

        emulator.clearJournal();
        Recorder<Participant> ahead = new Recorder<>(60, 0);
        listing.readAhead(true).subscribe(ahead);
        awaitReceived(ahead, 60);
        Thread.sleep(200); // time enough for a fourth, unwanted request to show up
        assertThat(ahead.done).isNotDone();
        assertThat(pageRequests()).as("reading one page ahead of demand").isEqualTo(3);
        ahead.subscription.cancel();
    }

    private static void awaitReceived(Recorder<?> recorder, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (recorder.received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(recorder.received).hasSize(count);
    }

    @Test
    void aSubscriberRequestingOneAtATimeFromOnNextGetsEveryoneInOrder() throws Exception {
        Recorder<Participant> oneByOne = new Recorder<>(1, 1);
        client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(50).build()).subscribe(oneByOne);
        await(oneByOne.done);
        List<String> received = oneByOne.received.stream().map(Participant::callSid).toList();
        assertThat(received).containsExactlyElementsOf(
                client.participants().list(conference).stream().map(Participant::callSid).toList());
        assertThat(received).hasSize(130);
    }

    @Test
    void aListingsPagesFollowEachOtherOnOneThread() throws Exception {
        // Over Apache the exchanges run on the async executor: each page's exchange follows on the thread that
        // completed the page before, rather than waking another thread per page. Over Netty, the host's loop.
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        await(client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(10).build()).readAhead(false)
                .forEach(participant -> {
                    threads.add(Thread.currentThread().getName());
                    count.incrementAndGet();
                }));
        assertThat(count).hasValue(130);
        assertThat(pageRequests()).isEqualTo(13);
        // A page already complete when demand arrives is delivered on the demanding thread (here this one, for the
        // first page when loopback answered before forEach subscribed): every other page comes on one thread.
        threads.remove(Thread.currentThread().getName());
        assertThat(threads).as("threads other than the caller's that delivered the 13 pages").hasSize(1);
    }

    @Test
    void forEachToListAndLimitReadPagesAsNeeded() throws Exception {
        AsyncListing<Participant, ParticipantPage> listing = client.participants().async().list(conference);
        assertThat(await(listing.toList())).extracting(Participant::callSid)
                .containsExactlyElementsOf(client.participants().list(conference).stream().map(Participant::callSid).toList());
        emulator.clearJournal();

        assertThat(await(listing.limit(75).toList())).hasSize(75);
        assertThat(pageRequests()).as("a limit of 75 with no page size reads one page of 75").isEqualTo(1);

        Recorder<ParticipantPage> pages = new Recorder<>(1, 1);
        client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(50).build()).pages()
                .subscribe(pages);
        await(pages.done);
        assertThat(pages.received).extracting(ParticipantPage::size).containsExactly(50, 50, 30);
    }

    @Test
    void aFailingActionStopsTheListingAndFailsItsFuture() throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> run = client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(50)
                .build()).forEach(participant -> {
                    seen.add(participant.callSid());
                    if (seen.size() == 3) {
                        throw new IllegalStateException("stop here");
                    }
                });
        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS)).cause().hasMessage("stop here");
        assertThat(seen).hasSize(3);
        Thread.sleep(200); // time enough for more pages to be asked for, were the listing still running
        assertThat(pageRequests()).as("the first page, which is never read ahead of").isEqualTo(1);
    }

    @Test
    void aListingWhoseFirstPageFailsFailsRatherThanEndingEmpty() throws Exception {
        try (ConclaveClient nowhere = ConclaveClient.builder()
                .credentials(emulator.accountSid(), emulator.authToken())
                .baseUri(refusedBaseUri()).transport(transport).build()) {
            for (int i = 0; i < 20; i++) {
                CompletableFuture<List<Participant>> list = nowhere.participants().async().list(conference).toList();
                assertThatThrownBy(() -> list.get(10, TimeUnit.SECONDS)).cause()
                        .isInstanceOfSatisfying(TransportException.class,
                                e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CONNECT_FAILED));
            }
        }
    }

    @Test
    void nonPositiveDemandIsAnErrorNotAHang() throws Exception {
        Recorder<Participant> zero = new Recorder<>(0, 0);
        client.participants().async().list(conference).subscribe(zero);
        assertThatThrownBy(() -> zero.done.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThat(pageRequests()).isZero();
    }

    @Test
    void twoThousandConcurrentFetchesNeverOpenMoreConnectionsThanAllowed() throws Exception {
        int maxConnections = 16;
        int calls = 2_000;
        try (ParticipantEmulator target = emulatorBuilder().start();
             ConclaveClient bounded = clientFor(target).maxConnections(maxConnections)
                     .responseTimeout(Duration.ofSeconds(30)).build()) {
            String room = target.createConference("crowd");
            List<String> callSids = target.seedParticipants(room, 100);
            target.resetPeakConnections();
            long started = System.nanoTime();
            List<CompletableFuture<Participant>> fetches = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                fetches.add(bounded.participants().async().fetch(room, callSids.get(i % callSids.size())));
            }
            long issuedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            for (int i = 0; i < calls; i++) {
                assertThat(fetches.get(i).join().callSid()).isEqualTo(callSids.get(i % callSids.size()));
            }
            assertThat(target.journal()).hasSize(calls);
            assertThat(target.peakOpenConnections()).isBetween(1, maxConnections);
            assertThat(target.acceptedConnections()).isLessThanOrEqualTo(maxConnections);
            System.out.printf("[%s] %d concurrent async fetches: issued in %d ms, all done in %d ms; "
                            + "peak open connections %d (max %d), connections accepted %d%n", transport, calls,
                    issuedMillis, totalMillis, target.peakOpenConnections(), maxConnections,
                    target.acceptedConnections());
        }
    }

    @Test
    void aBlockingTransportRunsAsyncCallsOnTheExecutorGivenAndANonBlockingOneNeedsNone() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        AtomicReference<String> exchangeThread = new AtomicReference<>();
        ExecutorService mine = Executors.newFixedThreadPool(2, task -> new Thread(task, "my-async-pool"));
        try {
            Executor counting = task -> {
                ran.incrementAndGet();
                mine.execute(() -> {
                    exchangeThread.set(Thread.currentThread().getName());
                    task.run();
                });
            };
            try (ConclaveClient withExecutor = clientFor(emulator).asyncExecutor(counting).build()) {
                // (Which thread runs a callback chained afterwards depends on timing, so the exchange's own
                // thread is what is checked.)
                assertThat(await(withExecutor.participants().async().list(conference).limit(5).toList())).hasSize(5);
                if (transport.equals("apache")) {
                    assertThat(ran).hasValue(1);
                    assertThat(exchangeThread.get()).isEqualTo("my-async-pool");
                } else {
                    assertThat(ran).hasValue(0);
                    assertThat(exchangeThread.get()).isNull();
                }
            }
            assertThat(mine.isShutdown()).as("closing the client leaves the caller's executor alone").isFalse();
        } finally {
            mine.shutdownNow();
        }
        try (ConclaveClient refusing = clientFor(emulator).asyncExecutor(task -> {
            throw new RejectedExecutionException("full");
        }).build()) {
            CompletableFuture<Participant> call = refusing.participants().async().fetch(conference, "anyone");
            if (transport.equals("apache")) {
                assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).cause()
                        .isInstanceOfSatisfying(TransportException.class, e -> {
                            assertThat(e.reason()).isEqualTo(TransportException.Reason.REJECTED);
                            assertThat(e.requestSurelyNotSent()).isTrue();
                        });
            } else {
                assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(NotFoundException.class);
            }
        }
    }

    @Test
    void cancellingAListingStopsReadingPages() throws Exception {
        AtomicInteger pagesAsked = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        Executor later = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);
        // Every page answer is held back 300 ms (without blocking a thread), so the cancel surely comes first.
        try (ConclaveClient slow = clientFor(emulator).addInterceptor(chain -> {
            pagesAsked.incrementAndGet();
            return chain.proceed(chain.request()).thenApplyAsync(response -> response, later);
        }).build()) {
            AsyncListing<Participant, ParticipantPage> listing = slow.participants().async().list(ListParticipantsRequest.builder(conference)
                    .pageSize(50).build());
            CompletableFuture<Void> run = listing.forEach(participant -> delivered.incrementAndGet());
            CompletableFuture<List<Participant>> list = listing.toList();
            run.cancel(true);
            list.cancel(true);
            Thread.sleep(700);
            assertThat(run).isCancelled();
            assertThat(list).isCancelled();
            assertThat(pagesAsked).as("one first page for each, nothing after").hasValue(2);
            assertThat(delivered).hasValue(0);
        }
    }
}
