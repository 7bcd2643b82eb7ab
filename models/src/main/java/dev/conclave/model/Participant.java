package dev.conclave.model;

import dev.conclave.model.internal.DeferredValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant of a conference, as Twilio returns it. Every value may be {@code null}: Twilio documents each
 * as nullable, and a field missing from the response is {@code null} too.
 *
 * <p>Immutable and safe to share between threads. Equal participants have equal values; {@link #toString()} has a
 * record's form. A participant from a listing page reads its call SID, label, call SID to coach, dates, queue time
 * and URI from the response's bytes when first asked for them (see {@link #deferred}): decoding a page then makes
 * none of them, and a value never asked for is never made. Such a participant keeps those bytes (the page's
 * body, a few hundred KB for a page of 1,000) while it is reachable. A date that looked like Twilio's form when the
 * page was decoded but is not a real date (say {@code "Fri, 45 Feb 2011 ..."}) throws Conclave's
 * {@code DecodingException} from its accessor (and so from {@code equals} and {@code hashCode}); any other
 * unreadable date fails the page's decoding, as for a single participant.
 */
public final class Participant {
    private final String accountSid;
    private final Boolean coaching;
    private final String conferenceSid;
    private final Boolean endConferenceOnExit;
    private final Boolean muted;
    private final Boolean hold;
    private final Boolean startConferenceOnEnter;
    private final ParticipantStatus status;
    /** Asked for the values passed as {@link DeferredValues#TEXT} or {@link DeferredValues#DATE}; or null. */
    private final DeferredValues deferred;
    // Final like a record's components, so that a participant seen by another thread, however it got there, has
    // them; a deferred one holds the marker, and its source keeps what it has read.
    private final String callSid;
    private final String label;
    private final String callSidToCoach;
    private final Instant dateCreated;
    private final Instant dateUpdated;
    private final String queueTime;
    private final String uri;

    /**
     * Creates a participant from its values; every one may be {@code null}.
     *
     * @param accountSid the account that owns the participant ({@code AC...})
     * @param callSid the participant's call ({@code CA...})
     * @param label the label given at create, or {@code null}
     * @param callSidToCoach the call this participant coaches, or {@code null}
     * @param coaching whether the participant coaches another call
     * @param conferenceSid the conference ({@code CF...})
     * @param dateCreated when the participant was created
     * @param dateUpdated when the participant was last updated
     * @param endConferenceOnExit whether the conference ends when this participant leaves
     * @param muted whether the participant is muted
     * @param hold whether the participant is on hold
     * @param startConferenceOnEnter whether the conference starts when this participant joins
     * @param status the call's state
     * @param queueTime milliseconds the call waited before being placed, as Twilio's text
     * @param uri the resource path, relative to the API host
     */
    public Participant(String accountSid, String callSid, String label, String callSidToCoach, Boolean coaching,
            String conferenceSid, Instant dateCreated, Instant dateUpdated, Boolean endConferenceOnExit,
            Boolean muted, Boolean hold, Boolean startConferenceOnEnter, ParticipantStatus status, String queueTime,
            String uri) {
        this(null, accountSid, callSid, label, callSidToCoach, coaching, conferenceSid, dateCreated, dateUpdated,
                endConferenceOnExit, muted, hold, startConferenceOnEnter, status, queueTime, uri);
    }

    private Participant(DeferredValues deferred, String accountSid, String callSid, String label,
            String callSidToCoach, Boolean coaching, String conferenceSid, Instant dateCreated, Instant dateUpdated,
            Boolean endConferenceOnExit, Boolean muted, Boolean hold, Boolean startConferenceOnEnter,
            ParticipantStatus status, String queueTime, String uri) {
        this.deferred = deferred;
        this.accountSid = accountSid;
        this.callSid = callSid;
        this.label = label;
        this.callSidToCoach = callSidToCoach;
        this.coaching = coaching;
        this.conferenceSid = conferenceSid;
        this.dateCreated = dateCreated;
        this.dateUpdated = dateUpdated;
        this.endConferenceOnExit = endConferenceOnExit;
        this.muted = muted;
        this.hold = hold;
        this.startConferenceOnEnter = startConferenceOnEnter;
        this.status = status;
        this.queueTime = queueTime;
        this.uri = uri;
    }

    /**
     * For decoders: a participant whose values passed as {@link DeferredValues#TEXT} (text) or
     * {@link DeferredValues#DATE} (dates) are asked of {@code deferred} whenever used (the source keeps what it has
     * read). Conclave's decoder
     * leaves a page's call SIDs, labels, dates, queue times and URIs in the response's bytes this way: decoding a
     * page then costs about what reading its JSON tokens does, and a value nobody asks for is never made. Such a
     * participant keeps the response's bytes while it is reachable.
     *
     * @param deferred asked for the deferred values
     * @return the participant; equal to one made with the same values by the public constructor
     * @throws NullPointerException if {@code deferred} is {@code null}
     * @see #Participant(String, String, String, String, Boolean, String, Instant, Instant, Boolean, Boolean,
     *     Boolean, Boolean, ParticipantStatus, String, String) the parameters
     */
    public static Participant deferred(DeferredValues deferred, String accountSid, String callSid, String label,
            String callSidToCoach, Boolean coaching, String conferenceSid, Instant dateCreated, Instant dateUpdated,
            Boolean endConferenceOnExit, Boolean muted, Boolean hold, Boolean startConferenceOnEnter,
            ParticipantStatus status, String queueTime, String uri) {
        return new Participant(Objects.requireNonNull(deferred, "deferred"), accountSid, callSid, label,
                callSidToCoach, coaching, conferenceSid, dateCreated, dateUpdated, endConferenceOnExit, muted, hold,
                startConferenceOnEnter, status, queueTime, uri);
    }

    /** The account that owns the participant ({@code AC...}), or {@code null}. */
    public String accountSid() {
        return accountSid;
    }

    /**
     * The participant's call ({@code CA...}), or {@code null}.
     *
     * @throws RuntimeException the decoder's exception if the value was deferred and cannot be read
     */
    public String callSid() {
        return callSid == DeferredValues.TEXT && deferred != null
                ? deferred.text(DeferredValues.Value.CALL_SID) : callSid;
    }

    /**
     * The label given at create, or {@code null}.
     *
     * @throws RuntimeException the decoder's exception if the value was deferred and cannot be read
     */
    public String label() {
        return label == DeferredValues.TEXT && deferred != null
                ? deferred.text(DeferredValues.Value.LABEL) : label;
    }

    /**
     * The call this participant coaches, or {@code null}.
     *
     * @throws RuntimeException the decoder's exception if the value was deferred and cannot be read
     */
    public String callSidToCoach() {
        return callSidToCoach == DeferredValues.TEXT && deferred != null
                ? deferred.text(DeferredValues.Value.CALL_SID_TO_COACH) : callSidToCoach;
    }

    /** Whether the participant coaches another call, or {@code null}. */
    public Boolean coaching() {
        return coaching;
    }

    /** The conference ({@code CF...}), or {@code null}. */
    public String conferenceSid() {
        return conferenceSid;
    }

    /**
     * When the participant was created (Twilio sends RFC 2822 in GMT), or {@code null}.
     *
     * @throws RuntimeException the decoder's exception (Conclave's {@code DecodingException}) if the date was
     *     deferred and cannot be read
     */
    public Instant dateCreated() {
        return dateCreated == DeferredValues.DATE && deferred != null
                ? deferred.date(DeferredValues.Value.DATE_CREATED) : dateCreated;
    }

    /**
     * When the participant was last updated, or {@code null}.
     *
     * @throws RuntimeException the decoder's exception (Conclave's {@code DecodingException}) if the date was
     *     deferred and cannot be read
     */
    public Instant dateUpdated() {
        return dateUpdated == DeferredValues.DATE && deferred != null
                ? deferred.date(DeferredValues.Value.DATE_UPDATED) : dateUpdated;
    }

    /** Whether the conference ends when this participant leaves, or {@code null}. */
    public Boolean endConferenceOnExit() {
        return endConferenceOnExit;
    }

    /** Whether the participant is muted, or {@code null}. */
    public Boolean muted() {
        return muted;
    }

    /** Whether the participant is on hold, or {@code null}. */
    public Boolean hold() {
        return hold;
    }

    /** Whether the conference starts when this participant joins, or {@code null}. */
    public Boolean startConferenceOnEnter() {
        return startConferenceOnEnter;
    }

    /** The call's state, or {@code null}; an unknown value keeps its text (see {@link ParticipantStatus#isKnown()}). */
    public ParticipantStatus status() {
        return status;
    }

    /**
     * Milliseconds the call waited before being placed, as Twilio's text (only on create), or {@code null}.
     *
     * @throws RuntimeException the decoder's exception if the value was deferred and cannot be read
     */
    public String queueTime() {
        return queueTime == DeferredValues.TEXT && deferred != null
                ? deferred.text(DeferredValues.Value.QUEUE_TIME) : queueTime;
    }

    /**
     * The resource path, relative to the API host, or {@code null}.
     *
     * @throws RuntimeException the decoder's exception if the value was deferred and cannot be read
     */
    public String uri() {
        return uri == DeferredValues.TEXT && deferred != null
                ? deferred.text(DeferredValues.Value.URI) : uri;
    }

    /**
     * {@link #queueTime()} as a duration, if it is present and a whole number of milliseconds.
     *
     * @return the queue time, or empty when absent or not a number
     */
    public Optional<Duration> queueDuration() {
        String text = queueTime();
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Long.parseLong(text.trim())));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** Whether {@link #muted()} is {@code true} (a {@code null} counts as not muted). */
    public boolean isMuted() {
        return Boolean.TRUE.equals(muted);
    }

    /** Whether {@link #hold()} is {@code true} (a {@code null} counts as not on hold). */
    public boolean isOnHold() {
        return Boolean.TRUE.equals(hold);
    }

    /** Whether {@link #coaching()} is {@code true} (a {@code null} counts as not coaching). */
    public boolean isCoaching() {
        return Boolean.TRUE.equals(coaching);
    }

    /**
     * Equal when every value is equal, however each was decoded.
     *
     * @throws RuntimeException what an accessor throws for a deferred value that cannot be read
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Participant that
                && Objects.equals(accountSid, that.accountSid)
                && Objects.equals(callSid(), that.callSid())
                && Objects.equals(label(), that.label())
                && Objects.equals(callSidToCoach(), that.callSidToCoach())
                && Objects.equals(coaching, that.coaching)
                && Objects.equals(conferenceSid, that.conferenceSid)
                && Objects.equals(dateCreated(), that.dateCreated())
                && Objects.equals(dateUpdated(), that.dateUpdated())
                && Objects.equals(endConferenceOnExit, that.endConferenceOnExit)
                && Objects.equals(muted, that.muted)
                && Objects.equals(hold, that.hold)
                && Objects.equals(startConferenceOnEnter, that.startConferenceOnEnter)
                && Objects.equals(status, that.status)
                && Objects.equals(queueTime(), that.queueTime())
                && Objects.equals(uri(), that.uri());
    }

    /**
     * A hash of every value.
     *
     * @throws RuntimeException what an accessor throws for a deferred value that cannot be read
     */
    @Override
    public int hashCode() {
        return Objects.hash(accountSid, callSid(), label(), callSidToCoach(), coaching, conferenceSid, dateCreated(),
                dateUpdated(), endConferenceOnExit, muted, hold, startConferenceOnEnter, status, queueTime(), uri());
    }

    /**
     * Every value, named as its accessor, in the form of a record's {@code toString}. A deferred value that cannot
     * be read shows as {@code <unreadable: reason>}: logging a participant never throws.
     */
    @Override
    public String toString() {
        return "Participant[accountSid=" + accountSid + ", callSid=" + shown(this::callSid) + ", label="
                + shown(this::label) + ", callSidToCoach=" + shown(this::callSidToCoach) + ", coaching=" + coaching
                + ", conferenceSid=" + conferenceSid + ", dateCreated=" + shown(this::dateCreated) + ", dateUpdated="
                + shown(this::dateUpdated) + ", endConferenceOnExit=" + endConferenceOnExit + ", muted=" + muted
                + ", hold=" + hold + ", startConferenceOnEnter=" + startConferenceOnEnter + ", status=" + status
                + ", queueTime=" + shown(this::queueTime) + ", uri=" + shown(this::uri) + ']';
    }

    private static Object shown(java.util.function.Supplier<?> value) {
        try {
            return value.get();
        } catch (RuntimeException unreadable) {
            return "<unreadable: " + unreadable.getMessage() + ">";
        }
    }
}
