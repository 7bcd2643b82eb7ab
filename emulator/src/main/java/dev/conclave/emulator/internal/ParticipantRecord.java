package dev.conclave.emulator.internal;

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
    private Conference listedConference;
    private Instant listedDateUpdated;
    private String listedStatus;
    private String listedCallSidToCoach;
    private int listedFlags;

    /**
     * This participant as a listing shows it, rendered again only when something it shows changed: the emulator
     * serves pages of up to 1,000 participants, and rendering each one every time made it slower than the clients
     * it is there to test. The state is compared field by field (a list of it, made for each participant of each
     * page, was nearly half of the emulator's time per page).
     */
    byte[] listedJson(Conference conference) {
        String status = status();
        int flags = (muted ? 1 : 0) | (hold ? 2 : 0) | (coaching ? 4 : 0) | (endConferenceOnExit ? 8 : 0)
                | (startConferenceOnEnter ? 16 : 0);
        if (listed == null || listedConference != conference || listedDateUpdated != dateUpdated
                || !status.equals(listedStatus) || !java.util.Objects.equals(callSidToCoach, listedCallSidToCoach)
                || flags != listedFlags) {
            listed = Json.participant(conference, this, null);
            listedConference = conference;
            listedDateUpdated = dateUpdated;
            listedStatus = status;
            listedCallSidToCoach = callSidToCoach;
            listedFlags = flags;
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
