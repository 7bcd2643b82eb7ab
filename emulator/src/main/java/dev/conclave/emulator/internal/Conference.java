package dev.conclave.emulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One conference: its state, its participants in creation order and its recordings. Every method is
 * synchronized: requests for one conference are serialised, different conferences proceed in parallel.
 */
public final class Conference {
    final String sid;
    final String accountSid;
    final String friendlyName;
    /** Creation order among all conferences, for listing and page tokens. */
    final long sequence;
    final java.time.Instant dateCreated;
    java.time.Instant dateUpdated;
    /** Ended, by an update, by its last participant leaving or by one with end-on-exit; guarded by this. */
    boolean ended;
    String reasonEnded;
    String callSidEnding;
    /** Its recordings in creation order; guarded by this. */
    final Map<String, RecordingRecord> recordings = new LinkedHashMap<>();
    private final Map<String, ParticipantRecord> byCallSid = new LinkedHashMap<>();
    /** The same participants in creation order, so that a page is a slice, not a copy of them all. */
    private final List<ParticipantRecord> ordered = new ArrayList<>();
    private final Map<String, ParticipantRecord> byLabel = new HashMap<>();
    private long nextSequence = 1;
    // Status callbacks, as the first create that named a ConferenceStatusCallback set them; guarded by this.
    String callbackUrl;
    String callbackMethod;
    java.util.Set<String> callbackEvents = java.util.Set.of();
    int callbackSequence;
    boolean started;

    Conference(String sid, String accountSid, String friendlyName, long sequence, java.time.Instant now) {
        this.sid = sid;
        this.accountSid = accountSid;
        this.friendlyName = friendlyName;
        this.sequence = sequence;
        this.dateCreated = now;
        this.dateUpdated = now;
    }

    /** Twilio's status: init until a participant that may start it joins, in-progress, then completed. */
    synchronized String status() {
        return ended ? "completed" : started ? "in-progress" : "init";
    }

    /** The recording in progress or paused, or null. */
    synchronized RecordingRecord activeRecording() {
        return recordings.values().stream().filter(RecordingRecord::active).findFirst().orElse(null);
    }

    synchronized boolean labelTaken(String label) {
        return label != null && byLabel.containsKey(label);
    }

    synchronized ParticipantRecord add(String callSid, String label, java.time.Instant now) {
        ParticipantRecord record = new ParticipantRecord(nextSequence++, callSid, label, now);
        byCallSid.put(callSid, record);
        ordered.add(record);
        if (label != null) {
            byLabel.put(label, record);
        }
        return record;
    }

    /** Finds by call SID first, then by label. */
    synchronized ParticipantRecord find(String callSidOrLabel) {
        ParticipantRecord record = byCallSid.get(callSidOrLabel);
        return record != null ? record : byLabel.get(callSidOrLabel);
    }

    synchronized boolean remove(ParticipantRecord record) {
        if (byCallSid.remove(record.callSid) == null) {
            return false;
        }
        ordered.remove(record);
        if (record.label != null) {
            byLabel.remove(record.label);
        }
        return true;
    }

    synchronized int size() {
        return byCallSid.size();
    }

    /** A snapshot of the participants in creation order. */
    /** Whether any participant still in the conference has joined it. */
    synchronized boolean anyoneJoined() {
        return byCallSid.values().stream().anyMatch(p -> p.joined);
    }

    /**
     * The participants in creation order, live and unmodifiable: only for a caller that holds this conference's
     * lock for as long as it uses the list.
     */
    List<ParticipantRecord> inOrder() {
        if (!Thread.holdsLock(this)) {
            throw new IllegalStateException("inOrder() needs the conference's lock");
        }
        return java.util.Collections.unmodifiableList(ordered);
    }

    synchronized List<ParticipantRecord> snapshot() {
        return new ArrayList<>(byCallSid.values());
    }
}
