package dev.conclave.benchmarks;

import dev.conclave.ConclaveClient;
import dev.conclave.emulator.ParticipantEmulator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calls kept in flight beside the one a concurrency benchmark measures: a fetch loop on each of
 * {@code inFlight - 1} platform or virtual threads, or as many chains of async fetches (each issuing the next when
 * its answer arrives). With the measured call, {@code inFlight} fetches are always in flight; every one of them
 * does the same work, so the measured call's latency is any call's, and the calls per second are
 * {@code inFlight / mean latency}.
 */
final class FetchLoad implements AutoCloseable {
    /** How the calls in flight are made. */
    enum Kind {
        /** Blocking calls, each on its own platform thread. */
        PLATFORM,
        /** Blocking calls, each on its own virtual thread (JDK 21 or later). */
        VIRTUAL,
        /** Async calls: {@code async().fetch(...)}, no thread waiting on any of them. */
        ASYNC
    }

    private static final long STOP_WAIT_MILLIS = 10_000;

    final ParticipantEmulator emulator;
    final ConclaveClient client;
    final String conference;
    final String callSid;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /**
     * Starts the emulator with one participant, a client on {@code transport}, and the load.
     *
     * @param maxConnections the client's {@code maxConnections}
     */
    FetchLoad(String transport, int inFlight, Kind kind, int maxConnections) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1, got " + inFlight);
        }
        emulator = Clients.emulator();
        ConclaveClient made = null;
        try {
            conference = emulator.createConference("benchmark");
            callSid = emulator.seedParticipants(conference, 1).get(0);
            made = ConclaveClient.builder().credentials(emulator.accountSid(), emulator.authToken())
                    .baseUri(emulator.baseUri()).transport(transport).maxConnections(maxConnections).build();
            client = made;
            if (!client.transportName().equals(transport)) {
                throw new IllegalStateException("asked for " + transport + ", got " + client.transportName());
            }
            if (kind == Kind.ASYNC) {
                for (int i = 1; i < inFlight; i++) {
                    nextAsync();
                }
            } else {
                ThreadFactory factory = kind == Kind.VIRTUAL ? virtualThreads() : Thread::new;
                for (int i = 1; i < inFlight; i++) {
                    Thread thread = factory.newThread(this::blockingLoop);
                    thread.setDaemon(true);
                    threads.add(thread);
                    thread.start();
                }
            }
        } catch (RuntimeException | Error failed) {
            running = false;
            try {
                if (made != null) {
                    made.close();
                }
            } finally {
                emulator.close();
            }
            throw failed;
        }
    }

    /** A factory of virtual threads, through reflection: the module compiles for Java 17. */
    static ThreadFactory virtualThreads() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            Method factory = ofVirtual.getReturnType().getMethod("factory");
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21 or later; this is JDK "
                    + Runtime.version().feature(), e);
        }
    }

    /** The fetch every caller makes. */
    String fetch() {
        return client.participants().fetch(conference, callSid).callSid();
    }

    /** Fails the measured call when a call in the load has failed. */
    void check() {
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a call kept in flight failed: " + failed, failed);
        }
    }

    private void blockingLoop() {
        try {
            while (running) {
                fetch();
            }
        } catch (Throwable t) {
            if (running) {
                failure.compareAndSet(null, t);
            }
        }
    }

    private void nextAsync() {
        if (!running) {
            return;
        }
        client.participants().async().fetch(conference, callSid).whenComplete((participant, error) -> {
            if (error != null) {
                if (running) {
                    failure.compareAndSet(null, error);
                }
            } else {
                nextAsync();
            }
        });
    }

    /** Stops the load, waiting at most 10 s for its threads, then closes the client and the emulator. */
    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                client.close();
            } finally {
                emulator.close();
            }
        }
    }
}
