package dev.conclave.it;

import dev.conclave.ParticipantOperations;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The two API shapes, so that one test can run each operation blocking and as a future. */
enum Shapes {
    SYNC, ASYNC;

    Participant create(ParticipantOperations ops, CreateParticipantRequest request) {
        return this == SYNC ? ops.create(request) : join(ops.async().create(request));
    }

    Participant fetch(ParticipantOperations ops, String conference, String participant) {
        return this == SYNC ? ops.fetch(conference, participant) : join(ops.async().fetch(conference, participant));
    }

    Participant update(ParticipantOperations ops, String conference, String participant,
                       UpdateParticipantRequest request) {
        return this == SYNC ? ops.update(conference, participant, request)
                : join(ops.async().update(conference, participant, request));
    }

    void delete(ParticipantOperations ops, String conference, String participant) {
        if (this == SYNC) {
            ops.delete(conference, participant);
        } else {
            join(ops.async().delete(conference, participant));
        }
    }

    List<Participant> list(ParticipantOperations ops, ListParticipantsRequest request) {
        return this == SYNC ? ops.list(request).toList() : join(ops.async().list(request).toList());
    }

    /**
     * Waits for a future as a blocking call would, rethrowing its typed exception unwrapped; a test never waits
     * more than 30 seconds.
     */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError("failed with a checked or fatal exception", failed.getCause());
        } catch (InterruptedException | TimeoutException notInTime) {
            future.cancel(true);
            throw new AssertionError("the future did not complete within 30 s", notInTime);
        }
    }
}
