package dev.conclave.testkit.internal;

import java.time.Instant;

/** One participant's state; guarded by its conference's lock. */
public final class ParticipantRecord {
    static final String[] PROGRESSION = {"queued", "connecting", "ringing", "connected"};

    final long sequence;
    final String callSid;
    final String label;
    final Instant dateCreated;
    Instant dateUpdated;
    boolean muted;
    boolean hold;
    boolean coaching;
    String callSidToCoach;
    boolean endConferenceOnExit;
    boolean startConferenceOnEnter = true;
    int statusStep;
    boolean failed;
    String from;
    String to;
    // The participant's StatusCallback, if its create gave one.
    String statusCallback;
    String statusCallbackMethod;
    java.util.Set<String> statusCallbackEvents = java.util.Set.of();
    int callbackSequence;
    boolean joined;
    boolean answered;
    boolean finished;

    ParticipantRecord(long sequence, String callSid, String label, Instant created) {
        this.sequence = sequence;
        this.callSid = callSid;
        this.label = label;
        this.dateCreated = created;
        this.dateUpdated = created;
    }

    String status() {
        return failed && statusStep > 0 ? "failed" : PROGRESSION[statusStep];
    }

    /** Called each time the participant is shown after its create: the call moves one step on. */
    void advance() {
        if (statusStep < PROGRESSION.length - 1) {
            statusStep++;
        }
    }
}
