package dev.conclave.http.internal;

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

    @Test
    void abortAllAndCloseRunsEveryWatchStillWatchedOnceAndNoneCancelled() throws Exception {
        ExchangeDeadlines deadlines = new ExchangeDeadlines("test-deadline");
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            deadlines.watch(pending::incrementAndGet, Duration.ofSeconds(30));
        }
        deadlines.watch(cancelled::incrementAndGet, Duration.ofSeconds(30)).cancel();
        deadlines.watch(() -> {
            throw new IllegalStateException("an action that throws");
        }, Duration.ofSeconds(30));
        Thread watchdog = deadlines.watchdog();
        deadlines.abortAllAndClose();
        assertThat(pending).hasValue(5);
        assertThat(cancelled).hasValue(0);
        deadlines.abortAllAndClose();
        assertThat(pending).as("run once").hasValue(5);
        assertThat(deadlines.watch(pending::incrementAndGet, Duration.ofMillis(1))).isNull();
        watchdog.join(5_000);
        assertThat(watchdog.isAlive()).isFalse();
    }

    @Test
    void actionsKnowTheyRunOnTheWatchdogThread() throws Exception {
        try (ExchangeDeadlines deadlines = new ExchangeDeadlines("test-deadline")) {
            assertThat(deadlines.isWatchdogThread()).isFalse();
            CountDownLatch fired = new CountDownLatch(1);
            boolean[] onWatchdog = new boolean[1];
            deadlines.watch(() -> {
                onWatchdog[0] = deadlines.isWatchdogThread();
                fired.countDown();
            }, Duration.ofMillis(5));
            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(onWatchdog[0]).isTrue();
            assertThat(deadlines.isWatchdogThread()).isFalse();
        }
    }
}
