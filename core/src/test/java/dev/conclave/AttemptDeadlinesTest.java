package dev.conclave;

import dev.conclave.http.TransportException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Core ends the attempts of async calls whose transport does not end exchanges at their timeout. Such a transport
 * cannot be had from a real server (both of Conclave's transports enforce the timeout themselves), so this one
 * takes every request and never answers.
 */
@Timeout(30)
class AttemptDeadlinesTest {
    /** Takes requests and never answers them; does not claim to enforce their timeouts. */
    private static final class SilentTransport implements AsyncHttpTransport {
        final List<CompletableFuture<HttpResponse>> exchanges = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "silent";
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
            CompletableFuture<HttpResponse> exchange = new CompletableFuture<>();
            exchanges.add(exchange);
            return exchange;
        }

        @Override
        public void close() {
        }
    }

    private static ConclaveClient client(SilentTransport transport, Duration attemptTimeout) {
        return ConclaveClient.builder().credentials("AC0123456789abcdef0123456789abcdef", "token")
                .baseUri(URI.create("http://127.0.0.1:9")).transport(transport).retryPolicy(RetryPolicy.none())
                .attemptTimeout(attemptTimeout).build();
    }

    private static Throwable failureOf(CompletableFuture<?> call) throws Exception {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
    }

    @Test
    void anAttemptTheTransportNeverAnswersTimesOutInTimeAndItsExchangeIsCancelled() throws Exception {
        SilentTransport transport = new SilentTransport();
        try (ConclaveClient client = client(transport, Duration.ofMillis(200))) {
            long start = System.nanoTime();
            Throwable failure = failureOf(client.participants().async().fetch("CF0123456789abcdef0123456789abcdef", "CA1"));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(failure).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.RESPONSE_TIMEOUT));
            // The watchdog looks every 10 ms: a little late, never early.
            assertThat(tookMillis).isBetween(190L, 2_000L);
            assertThat(transport.exchanges).hasSize(1);
            // The call fails first, then its exchange is cancelled, on the watchdog thread: wait for the second.
            long cancelBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!transport.exchanges.get(0).isCancelled() && System.nanoTime() < cancelBy) {
                Thread.sleep(5);
            }
            assertThat(transport.exchanges.get(0)).isCancelled();
        }
    }

    @Test
    void closingTheClientEndsCallsInFlightAtOnceRatherThanAtTheirTimeout() throws Exception {
        SilentTransport transport = new SilentTransport();
        ConclaveClient client = client(transport, Duration.ofSeconds(20));
        CompletableFuture<?> first = client.participants().async().fetch("CF0123456789abcdef0123456789abcdef", "CA1");
        CompletableFuture<?> second = client.participants().async().delete("CF0123456789abcdef0123456789abcdef", "CA2");
        long start = System.nanoTime();
        client.close();
        for (CompletableFuture<?> call : List.of(first, second)) {
            assertThat(failureOf(call)).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CANCELLED));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000L);
    }
}
