package dev.conclave.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.ConclaveClient;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.ParticipantEmulator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.blockhound.BlockHound;

/**
 * BlockHound watches every Netty event loop thread and the thread that issues async calls; any blocking call
 * there (sleep, park, wait, blocking socket or file I/O) is recorded. The async API over Netty must record
 * none, and a deliberate sleep on the event loop must be caught, which shows the watch works.
 */
@Timeout(60)
class NoBlockingTest {
    private static final String CALLER = "async-caller";
    private static final List<String> violations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void watchForBlocking() {
        BlockHound.install(builder -> builder
                .nonBlockingThreadPredicate(current -> current.or(thread -> thread.getName().startsWith(CALLER)))
                // The emulator is the server, not the code under test.
                .allowBlockingCallsInside("dev.conclave.emulator.internal.EmulatorServer$ApiHandler", "channelRead0")
                .blockingMethodCallback(method -> violations.add(Thread.currentThread().getName() + ": " + method)));
    }

    @Test
    void theAsyncApiOverNettyNeverBlocksACallerOrAnEventLoopThread() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2,
                new DefaultThreadFactory("conclave-netty-watched", true), NioIoHandler.newFactory());
        try (ParticipantEmulator emulator = ParticipantEmulator.start();
             NettyTransport transport = NettyTransport.builder().maxConnections(4).eventLoopGroup(loops).build();
             ConclaveClient client = ConclaveClient.builder()
                     .credentials(emulator.accountSid(), emulator.authToken())
                     .baseUri(emulator.baseUri()).transport(transport).build()) {
            String conference = emulator.createConference("never-blocks");
            emulator.seedParticipants(conference, 120);
            Set<String> completingThreads = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<?>> work = new CopyOnWriteArrayList<>();
            AtomicInteger listed = new AtomicInteger();

            Thread caller = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    String label = "agent-" + i;
                    work.add(client.participants().async().create(CreateParticipantRequest.builder(conference, "+15005550006",
                                    "+1555867" + String.format("%04d", i)).label(label).build())
                            .thenCompose(created -> client.participants().async().update(conference, label,
                                    UpdateParticipantRequest.builder().muted(true).build()))
                            .thenCompose(updated -> client.participants().async().fetch(conference, updated.callSid()))
                            .thenCompose(fetched -> client.participants().async().delete(conference, fetched.callSid()))
                            .whenComplete((done, failure) -> completingThreads.add(Thread.currentThread().getName())));
                }
                work.add(client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(50).build())
                        .forEach(participant -> listed.incrementAndGet())
                        .whenComplete((done, failure) -> completingThreads.add(Thread.currentThread().getName())));
                CompletableFuture<List<Participant>> sixty = new CompletableFuture<>();
                client.participants().async().list(ListParticipantsRequest.builder(conference).pageSize(50).build())
                        .subscribe(new TakeSixty(sixty));
                work.add(sixty);
            }, CALLER);
            caller.start();
            caller.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(caller.isAlive()).isFalse();

            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(listed).hasValueGreaterThanOrEqualTo(120);
            assertThat(((CompletableFuture<?>) work.get(work.size() - 1)).get()).asList().hasSize(60);
            assertThat(completingThreads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("conclave-netty"));
            assertThat(violations).as("blocking calls on watched threads").isEmpty();

            // The watch itself works: a sleep on one of the transport's event loop threads is caught.
            loops.next().submit(() -> {
                Thread.sleep(1);
                return null;
            }).get(10, TimeUnit.SECONDS);
            assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("conclave-netty").contains("sleep"));
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Requests 60 participants in two bites of 30, then cancels. */
    private static final class TakeSixty implements Flow.Subscriber<Participant> {
        private final CompletableFuture<List<Participant>> result;
        private final List<Participant> received = new ArrayList<>();
        private Flow.Subscription subscription;

        TakeSixty(CompletableFuture<List<Participant>> result) {
            this.result = result;
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            given.request(30);
        }

        @Override
        public void onNext(Participant participant) {
            received.add(participant);
            if (received.size() == 30) {
                subscription.request(30);
            } else if (received.size() == 60) {
                subscription.cancel();
                result.complete(List.copyOf(received));
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(List.copyOf(received));
        }
    }
}
