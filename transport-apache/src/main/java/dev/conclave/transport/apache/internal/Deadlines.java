package dev.conclave.transport.apache.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The transport's one timer thread ({@code conclave-apache-deadline}, a daemon, made on first use) that aborts
 * exchanges whose timeout has passed: a blocked socket read cannot be interrupted any other way.
 */
public final class Deadlines implements AutoCloseable {
    private ScheduledThreadPoolExecutor timer;
    private boolean closed;

    /**
     * Runs {@code abort} after {@code delay} unless cancelled first.
     *
     * @return the handle to cancel it, or {@code null} once closed (closing the transport ends the exchange)
     */
    public ScheduledFuture<?> schedule(Runnable abort, Duration delay) {
        ScheduledThreadPoolExecutor executor = timer();
        if (executor == null) {
            return null;
        }
        try {
            return executor.schedule(abort, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            return null;
        }
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (closed) {
            return null;
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "conclave-apache-deadline");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    /** Stops the timer thread; exchanges still running are aborted by the transport's close. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
