package dev.conclave.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ExchangeDeadlinesTest {
    @Test
    void anExchangeIsAbortedOnceItsTimeoutHasPassedAndNotBefore() throws Exception {
        try (ExchangeDeadlines deadlines = new ExchangeDeadlines("test-deadline")) {
            CountDownLatch aborted = new CountDownLatch(1);
            long start = System.nanoTime();
            long[] firedAfter = new long[1];
            deadlines.watch(() -> {
                firedAfter[0] = System.nanoTime() - start;
                aborted.countDown();
            }, Duration.ofMillis(80));
            assertThat(aborted.await(5, TimeUnit.SECONDS)).as("aborted").isTrue();
            assertThat(firedAfter[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(80));
        }
    }

    @Test
    void aCancelledWatchNeverFires() throws Exception {
        try (ExchangeDeadlines deadlines = new ExchangeDeadlines("test-deadline")) {
            AtomicInteger fired = new AtomicInteger();
            deadlines.watch(fired::incrementAndGet, Duration.ofMillis(30)).cancel();
            CountDownLatch control = new CountDownLatch(1);
            deadlines.watch(control::countDown, Duration.ofMillis(60));
            assertThat(control.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(3 * TimeUnit.NANOSECONDS.toMillis(ExchangeDeadlines.TICK));
            assertThat(fired).hasValue(0);
        }
    }

    @Test
    void theWatchdogParksWhenIdleAndWakesForTheNextExchange() throws Exception {
        try (ExchangeDeadlines deadlines = new ExchangeDeadlines("test-deadline")) {
            CountDownLatch first = new CountDownLatch(1);
            deadlines.watch(first::countDown, Duration.ofMillis(10));
            assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
            Thread watchdog = deadlines.watchdog();
            long parkBy = System.nanoTime() + ExchangeDeadlines.LINGER + TimeUnit.SECONDS.toNanos(3);
            while (watchdog.getState() != Thread.State.WAITING && System.nanoTime() < parkBy) {
                Thread.sleep(20);
            }
            assertThat(watchdog.getState()).as("parked without a deadline in sight").isEqualTo(Thread.State.WAITING);

            CountDownLatch second = new CountDownLatch(1);
            deadlines.watch(second::countDown, Duration.ofMillis(10));
            assertThat(second.await(5, TimeUnit.SECONDS)).as("woken by the next watch").isTrue();
        }
    }

    @Test
    void closeEndsTheWatchdogAndLaterWatchesAreRefused() throws Exception {
        ExchangeDeadlines deadlines = new ExchangeDeadlines("test-deadline");
        deadlines.watch(() -> { }, Duration.ofSeconds(10));
        Thread watchdog = deadlines.watchdog();
        deadlines.close();
        watchdog.join(5_000);
        assertThat(watchdog.isAlive()).isFalse();
        assertThat(deadlines.watch(() -> { }, Duration.ofMillis(1))).isNull();
    }
}
