package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The blocking API from 1,000 virtual threads at once, on each transport: every call completes, and after a
 * warm-up no virtual thread pins its carrier ({@code jdk.VirtualThreadPinned}, recorded by JFR with no threshold).
 * Compiled and run on JDK 21 and later only (the {@code jdk21} profile of this module).
 */
@Timeout(120)
class VirtualThreadsTest extends Fixture {
    private static final int THREADS = 1_000;

    @Test
    void aThousandVirtualThreadsCallTheBlockingApiWithoutPinning() throws Exception {
        Participant host = client.participants().create(CreateParticipantRequest.builder("virtual " + transport,
                "+15005550006", "+15558675310").label("host").build());
        // Warm-up on virtual threads too: the JDK's first blocking socket call from one initialises its poller,
        // which other virtual threads wait for, pinned, once.
        try (ExecutorService warmUp = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Participant>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(warmUp.submit(() -> client.participants().fetch(host.conferenceSid(), "host")));
            }
            for (Future<Participant> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        }
        Path dump = Files.createTempFile("virtual-threads", ".jfr");
        List<RecordedEvent> pinned = new ArrayList<>();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            List<Future<Participant>> calls = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < THREADS; i++) {
                    calls.add(threads.submit(() -> client.participants().fetch(host.conferenceSid(), "host")));
                }
                for (Future<Participant> call : calls) {
                    assertThat(call.get(60, TimeUnit.SECONDS).callSid()).isEqualTo(host.callSid());
                }
            }
            recording.stop();
            recording.dump(dump);
            pinned.addAll(RecordingFile.readAllEvents(dump));
        } finally {
            Files.deleteIfExists(dump);
        }
        assertThat(pinned).as("virtual threads that pinned their carrier").isEmpty();
    }
}
