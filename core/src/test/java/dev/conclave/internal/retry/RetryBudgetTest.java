package dev.conclave.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
    @Test
    void theBurstIsAvailableAtOnceAndThenExhausted() {
        RetryBudget budget = new RetryBudget(0.2, 3);
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).as("the fourth retry with no calls in between").isFalse();
    }

    @Test
    void callsEarnRetriesAtTheRatio() {
        RetryBudget budget = new RetryBudget(0.2, 0);
        assertThat(budget.tryRetry()).isFalse();
        for (int i = 0; i < 4; i++) {
            budget.onCall();
        }
        assertThat(budget.tryRetry()).as("4 calls earn 0.8 of a retry").isFalse();
        budget.onCall();
        assertThat(budget.tryRetry()).as("5 calls earn one").isTrue();
        assertThat(budget.tryRetry()).isFalse();
    }

    @Test
    void savingsAreCappedAtTheBurst() {
        RetryBudget budget = new RetryBudget(0.5, 2);
        IntStream.range(0, 1000).forEach(i -> budget.onCall());
        assertThat(budget.available()).isEqualTo(2);
    }

    @Test
    void underConcurrencyNoMoreRetriesAreGrantedThanHeld() throws InterruptedException {
        RetryBudget budget = new RetryBudget(0, 100);
        AtomicInteger granted = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (budget.tryRetry()) {
                        granted.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(granted.get()).isEqualTo(100);
    }

    @Test
    void anInfiniteRatioNeverRefuses() {
        RetryBudget budget = new RetryBudget(Double.POSITIVE_INFINITY, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(budget.tryRetry()).isTrue();
        }
    }
}
