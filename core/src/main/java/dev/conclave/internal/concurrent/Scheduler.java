package dev.conclave.internal.concurrent;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A client's one timer thread ({@code conclave-timer}, a daemon, made on first use): attempt timeouts and the
 * waits between retries of the async API. Its tasks only complete futures or start exchanges, never block.
 */
public final class Scheduler implements AutoCloseable {
    private ScheduledThreadPoolExecutor timer;
    private volatile Thread timerThread;
    private boolean closed;

    /**
     * Runs a task after a delay. After {@link #close()}, or if the delay is not positive, runs it at once on the
     * calling thread, so that every task still completes the future it is responsible for.
     *
     * @param task what to run; must not block
     * @param delayNanos the delay in nanoseconds
     * @return a handle to cancel it, or {@code null} if it already ran
     */
    public ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        ScheduledThreadPoolExecutor executor = delayNanos > 0 ? timer() : null;
        if (executor != null) {
            try {
                return executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closedMeanwhile) {
                // Fall through: run it now, it will see the client closed.
            }
        }
        task.run();
        return null;
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (closed) {
            return null;
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "conclave-timer");
                thread.setDaemon(true);
                timerThread = thread;
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    /** Whether the calling thread is this scheduler's timer thread. */
    public boolean isTimerThread() {
        return timerThread == Thread.currentThread();
    }

    /** Stops the timer thread and runs every task still waiting, at once, so that none is lost. */
    @Override
    public void close() {
        List<Runnable> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = timer == null ? List.of() : timer.shutdownNow();
        }
        for (Runnable task : pending) {
            task.run();
        }
    }
}
