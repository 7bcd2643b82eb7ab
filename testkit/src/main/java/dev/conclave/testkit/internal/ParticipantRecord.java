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

    /** The JSON last rendered for this participant in a listing, and the visible state it was rendered from. */
    private byte[] listed;
    private Object listedState;

    /**
     * This participant as a listing shows it, rendered again only when something it shows changed: the emulator
     * serves pages of up to 1,000 participants, and rendering each one every time made it slower than the clients
     * it is there to test.
     */
    byte[] listedJson(Conference conference) {
        Object state = java.util.Arrays.asList(conference.accountSid, conference.sid, dateUpdated, muted, hold,
                coaching, callSidToCoach, endConferenceOnExit, startConferenceOnEnter, status());
        if (listed == null || !state.equals(listedState)) {
            listed = Json.participant(conference, this, null);
            listedState = state;
        }
        return listed;
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
