package dev.conclave.emulator.internal;

import java.time.Instant;

/** One conference recording's state; guarded by its conference's lock. */
final class RecordingRecord {
    final String sid;
    final String callSid;
    final long sequence;
    final Instant dateCreated;
    Instant dateUpdated;
    /** in-progress, paused, stopped (answered once by the update that stops it), then completed. */
    String status = "in-progress";
    /** Seconds of media, known once it is no longer being recorded. */
    Long duration;

    RecordingRecord(String sid, String callSid, long sequence, Instant now) {
        this.sid = sid;
        this.callSid = callSid;
        this.sequence = sequence;
        this.dateCreated = now;
        this.dateUpdated = now;
    }

    boolean active() {
        return status.equals("in-progress") || status.equals("paused");
    }

    /** Ends the recording: stopped by an update or by the conference's end, it is then processed and available. */
    void complete(Instant now) {
        if (active()) {
            duration = Math.max(0, now.getEpochSecond() - dateCreated.getEpochSecond());
        }
        status = "completed";
        dateUpdated = now;
    }
}
