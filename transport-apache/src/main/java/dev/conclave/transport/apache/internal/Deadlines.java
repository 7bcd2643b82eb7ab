package dev.conclave.transport.apache.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The transport's watchdog: one daemon thread ({@code conclave-apache-deadline}, made on first use) that aborts
 * exchanges whose timeout has passed, since a blocked socket read cannot be interrupted any other way.
 *
 * <p>It looks every {@link #TICK} instead of sleeping until the next deadline, so that starting and ending an
 * exchange only adds it to and removes it from a set: a timer queue would wake its thread on every exchange (two
 * context switches per call, measured at about a fifth of a loopback fetch). The price is that an exchange is
 * aborted up to one tick late. With nothing to watch for {@link #LINGER} it parks until the next exchange.
 */
public final class Deadlines implements AutoCloseable {
    /** How often the watchdog looks: 10 ms, the most an abort comes late. */
    static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long the watchdog keeps looking with nothing to watch before it parks: 1 second. */
    static final long LINGER = TimeUnit.SECONDS.toNanos(1);

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private Thread thread;
    private volatile boolean parked;
    private volatile boolean closed;

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
     * Runs {@code abort} on the watchdog thread once {@code timeout} has passed, unless cancelled first.
     *
     * @return the handle to cancel it, or {@code null} once closed (closing the transport ends the exchange)
     */
    public Watch watch(Runnable abort, Duration timeout) {
        if (closed) {
            return null;
        }
        Watch watch = new Watch(System.nanoTime() + timeout.toNanos(), abort);
        watched.add(watch);
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
            thread = new Thread(this::run, "conclave-apache-deadline");
            thread.setDaemon(true);
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        long lastBusy = System.nanoTime();
        while (!closed) {
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
    synchronized Thread watchdog() {
        return thread;
    }

    /** Stops the watchdog; exchanges still running are aborted by the transport's close. */
    @Override
    public synchronized void close() {
        closed = true;
        watched.clear();
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
