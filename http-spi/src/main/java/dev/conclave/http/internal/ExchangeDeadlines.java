package dev.conclave.http.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A watchdog for transports that end each exchange at its {@link dev.conclave.http.HttpRequest#timeout()}: one
 * daemon thread, made on first use, that runs an exchange's abort action once its deadline has passed. A blocked
 * socket read cannot be interrupted any other way, and a non-blocking transport needs no timer task per exchange
 * with it.
 *
 * <p>It looks every {@link #TICK} instead of sleeping until the next deadline, so that starting and ending an
 * exchange only adds it to and removes it from a set: a timer queue would wake its thread on every exchange (see
 * docs/TRANSPORTS.md for what that cost a loopback fetch). The price is that an exchange is aborted up to one tick
 * late. With nothing to watch for {@link #LINGER} it parks until the next
 * exchange. Abort actions run on the watchdog thread, one after another: they must be short. Thread-safe; close it
 * with the transport.
 *
 * <p>Not API: shared by core and Conclave's own transports, and may change in any release.
 */
public final class ExchangeDeadlines implements AutoCloseable {
    /** How often the watchdog looks, in nanoseconds: 10 ms, the most an abort comes late. */
    public static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long the watchdog keeps looking with nothing to watch before it parks, in nanoseconds: 1 second. */
    public static final long LINGER = TimeUnit.SECONDS.toNanos(1);

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final String threadName;
    private volatile Thread thread;
    private volatile boolean parked;
    private volatile boolean closed;

    /**
     * Creates the watchdog; its thread starts with the first {@link #watch}.
     *
     * @param threadName the thread's name, e.g. {@code conclave-apache-deadline}
     */
    public ExchangeDeadlines(String threadName) {
        this.threadName = java.util.Objects.requireNonNull(threadName, "threadName");
    }

    /** One exchange's deadline; {@link #cancel()} it when the exchange ends. */
    public final class Watch {
        private final long deadline;
        private final Runnable abort;

        private Watch(long deadline, Runnable abort) {
            this.deadline = deadline;
            this.abort = abort;
        }

        /** Stops watching: the exchange ended in time. */
        public void cancel() {
            watched.remove(this);
        }
    }

    /**
     * Runs {@code abort} on the watchdog thread once {@code timeout} has passed, unless cancelled first. The
     * action must be quick and must not block; what it throws is ignored.
     *
     * @param abort ends the exchange, e.g. by closing its connection or failing its future
     * @param timeout how long the exchange may take from now
     * @return the handle to cancel it, or {@code null} once closed (closing the transport ends the exchange)
     */
    public Watch watch(Runnable abort, Duration timeout) {
        if (closed) {
            return null;
        }
        Watch watch = new Watch(System.nanoTime() + timeout.toNanos(), abort);
        watched.add(watch);
        if (closed && watched.remove(watch)) {
            // Closed meanwhile, and abortAllAndClose() did not take it: the caller ends the exchange itself.
            return null;
        }
        if (parked || thread == null) {
            wake();
        }
        return watch;
    }

    private synchronized void wake() {
        if (closed) {
            return;
        }
        if (thread == null) {
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        long lastBusy = System.nanoTime();
        while (!closed) {
            // A set interrupt flag would make every park return at once: a busy loop.
            Thread.interrupted();
            long now = System.nanoTime();
            if (watched.isEmpty()) {
                if (now - lastBusy >= LINGER) {
                    parked = true;
                    // Checked again after announcing the park: an exchange added meanwhile has seen parked and
                    // unparked us (a permit taken by the park below), or is seen here.
                    if (watched.isEmpty() && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    lastBusy = System.nanoTime();
                    continue;
                }
            } else {
                lastBusy = now;
                for (Watch watch : watched) {
                    if (now - watch.deadline >= 0 && watched.remove(watch)) {
                        try {
                            watch.abort.run();
                        } catch (RuntimeException | Error failed) {
                            // An abort that throws must not end the watchdog; the exchange still ends by its own
                            // socket timeout.
                        }
                    }
                }
            }
            LockSupport.parkNanos(this, TICK);
        }
    }

    /** The watchdog thread, or {@code null} before the first watch. */
    Thread watchdog() {
        return thread;
    }

    /** Whether the calling thread is the watchdog's, where abort actions run: it must not wait for an exchange. */
    public boolean isWatchdogThread() {
        return thread == Thread.currentThread();
    }

    /** Stops the watchdog; exchanges still running are ended by the transport's own close. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        watched.clear();
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Stops the watchdog and runs the abort action of every exchange still watched, at once, on the calling thread:
     * for an owner whose exchanges nothing else would end (a client closing with async calls in flight on a
     * transport that does not end them at their timeout). A {@link #watch} racing with this either has its action
     * run here or returns {@code null}. Idempotent.
     */
    public void abortAllAndClose() {
        synchronized (this) {
            closed = true;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
        for (Watch watch : watched) {
            if (watched.remove(watch)) {
                try {
                    watch.abort.run();
                } catch (RuntimeException | Error failed) {
                    // As on the watchdog: one action that throws must not keep the others from running.
                }
            }
        }
    }
}
