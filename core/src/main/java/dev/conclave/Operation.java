package dev.conclave;

/** The five operations of the Participant resource; used in logs, chains and (later) metrics tags. */
public enum Operation {
    /** Dial a participant into a conference: POST .../Participants.json. */
    CREATE,
    /** Read one participant: GET .../Participants/{CallSid}.json. */
    FETCH,
    /** Read one page of participants: GET .../Participants.json. */
    LIST,
    /** Mute, hold, announce, coach...: POST .../Participants/{CallSid}.json. */
    UPDATE,
    /** Remove a participant from the conference: DELETE .../Participants/{CallSid}.json. */
    DELETE
}
