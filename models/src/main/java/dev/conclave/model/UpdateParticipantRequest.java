package dev.conclave.model;

import java.net.URI;
import java.util.Objects;

/**
 * Changes a participant: mute, hold, announce, coach and the other body parameters of Twilio's
 * {@code UpdateParticipant}.
 *
 * <p>Build with {@link #builder()}. Unset fields are not sent. Instances are immutable and thread-safe.
 */
public final class UpdateParticipantRequest {
    private final Boolean muted;
    private final Boolean hold;
    private final URI holdUrl;
    private final HttpMethod holdMethod;
    private final URI announceUrl;
    private final HttpMethod announceMethod;
    private final URI waitUrl;
    private final HttpMethod waitMethod;
    private final Boolean beepOnExit;
    private final Boolean endConferenceOnExit;
    private final Boolean coaching;
    private final String callSidToCoach;

    private UpdateParticipantRequest(Builder builder) {
        this.muted = builder.muted;
        this.hold = builder.hold;
        this.holdUrl = builder.holdUrl;
        this.holdMethod = builder.holdMethod;
        this.announceUrl = builder.announceUrl;
        this.announceMethod = builder.announceMethod;
        this.waitUrl = builder.waitUrl;
        this.waitMethod = builder.waitMethod;
        this.beepOnExit = builder.beepOnExit;
        this.endConferenceOnExit = builder.endConferenceOnExit;
        this.coaching = builder.coaching;
        this.callSidToCoach = builder.callSidToCoach;
    }

    /** Starts an update request with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Muted}: {@code true} mutes the participant, {@code false} unmutes; {@code null} when unset. */
    public Boolean muted() {
        return muted;
    }

    /** {@code Hold}: {@code true} puts the participant on hold, {@code false} brings them back; {@code null} when unset. */
    public Boolean hold() {
        return hold;
    }

    /** {@code HoldUrl}: what plays to the participant while on hold; {@code null} when unset. */
    public URI holdUrl() {
        return holdUrl;
    }

    /** {@code HoldMethod}: how Twilio fetches {@code HoldUrl}; Twilio's default is GET; {@code null} when unset. */
    public HttpMethod holdMethod() {
        return holdMethod;
    }

    /** {@code AnnounceUrl}: an announcement to play to the participant; {@code null} when unset. */
    public URI announceUrl() {
        return announceUrl;
    }

    /** {@code AnnounceMethod}: how Twilio fetches {@code AnnounceUrl}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod announceMethod() {
        return announceMethod;
    }

    /** {@code WaitUrl}: what plays while waiting for the conference to start (an empty URI plays nothing); {@code null} when unset. */
    public URI waitUrl() {
        return waitUrl;
    }

    /** {@code WaitMethod}: how Twilio fetches {@code WaitUrl}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod waitMethod() {
        return waitMethod;
    }

    /** {@code BeepOnExit}: whether to beep when the participant leaves; {@code null} when unset. */
    public Boolean beepOnExit() {
        return beepOnExit;
    }

    /** {@code EndConferenceOnExit}: whether the conference ends when this participant leaves; {@code null} when unset. */
    public Boolean endConferenceOnExit() {
        return endConferenceOnExit;
    }

    /** {@code Coaching}: whether the participant coaches another call; {@code true} requires {@code callSidToCoach}; {@code null} when unset. */
    public Boolean coaching() {
        return coaching;
    }

    /** {@code CallSidToCoach}: the call this participant coaches, {@code CA} followed by 32 hex digits; {@code null} when unset. */
    public String callSidToCoach() {
        return callSidToCoach;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof UpdateParticipantRequest)) {
            return false;
        }
        UpdateParticipantRequest that = (UpdateParticipantRequest) other;
        return Objects.equals(muted, that.muted)
                && Objects.equals(hold, that.hold)
                && Objects.equals(holdUrl, that.holdUrl)
                && Objects.equals(holdMethod, that.holdMethod)
                && Objects.equals(announceUrl, that.announceUrl)
                && Objects.equals(announceMethod, that.announceMethod)
                && Objects.equals(waitUrl, that.waitUrl)
                && Objects.equals(waitMethod, that.waitMethod)
                && Objects.equals(beepOnExit, that.beepOnExit)
                && Objects.equals(endConferenceOnExit, that.endConferenceOnExit)
                && Objects.equals(coaching, that.coaching)
                && Objects.equals(callSidToCoach, that.callSidToCoach);
    }

    @Override
    public int hashCode() {
        return Objects.hash(muted, hold, holdUrl, holdMethod, announceUrl, announceMethod, waitUrl, waitMethod, beepOnExit, endConferenceOnExit, coaching, callSidToCoach);
    }

    /** Lists the fields that are set; {@code SipAuthPassword} shows as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("UpdateParticipantRequest[");
        String separator = "";
        if (muted != null) {
            text.append(separator).append("muted=").append(muted);
            separator = ", ";
        }
        if (hold != null) {
            text.append(separator).append("hold=").append(hold);
            separator = ", ";
        }
        if (holdUrl != null) {
            text.append(separator).append("holdUrl=").append(holdUrl);
            separator = ", ";
        }
        if (holdMethod != null) {
            text.append(separator).append("holdMethod=").append(holdMethod);
            separator = ", ";
        }
        if (announceUrl != null) {
            text.append(separator).append("announceUrl=").append(announceUrl);
            separator = ", ";
        }
        if (announceMethod != null) {
            text.append(separator).append("announceMethod=").append(announceMethod);
            separator = ", ";
        }
        if (waitUrl != null) {
            text.append(separator).append("waitUrl=").append(waitUrl);
            separator = ", ";
        }
        if (waitMethod != null) {
            text.append(separator).append("waitMethod=").append(waitMethod);
            separator = ", ";
        }
        if (beepOnExit != null) {
            text.append(separator).append("beepOnExit=").append(beepOnExit);
            separator = ", ";
        }
        if (endConferenceOnExit != null) {
            text.append(separator).append("endConferenceOnExit=").append(endConferenceOnExit);
            separator = ", ";
        }
        if (coaching != null) {
            text.append(separator).append("coaching=").append(coaching);
            separator = ", ";
        }
        if (callSidToCoach != null) {
            text.append(separator).append("callSidToCoach=").append(callSidToCoach);
            separator = ", ";
        }
        return text.append(']').toString();
    }

    /** Collects an update request's fields; not thread-safe. */
    public static final class Builder {
        private Boolean muted;
        private Boolean hold;
        private URI holdUrl;
        private HttpMethod holdMethod;
        private URI announceUrl;
        private HttpMethod announceMethod;
        private URI waitUrl;
        private HttpMethod waitMethod;
        private Boolean beepOnExit;
        private Boolean endConferenceOnExit;
        private Boolean coaching;
        private String callSidToCoach;

        private Builder() {
        }

        /**
         * Sets {@code Muted}: {@code true} mutes the participant, {@code false} unmutes.
         *
         * @param muted the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder muted(Boolean muted) {
            this.muted = muted;
            return this;
        }

        /**
         * Sets {@code Hold}: {@code true} puts the participant on hold, {@code false} brings them back.
         *
         * @param hold the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder hold(Boolean hold) {
            this.hold = hold;
            return this;
        }

        /**
         * Sets {@code HoldUrl}: what plays to the participant while on hold.
         *
         * @param holdUrl the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder holdUrl(URI holdUrl) {
            this.holdUrl = holdUrl;
            return this;
        }

        /**
         * Sets {@code HoldMethod}: how Twilio fetches {@code HoldUrl}; Twilio's default is GET.
         *
         * @param holdMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder holdMethod(HttpMethod holdMethod) {
            this.holdMethod = holdMethod;
            return this;
        }

        /**
         * Sets {@code AnnounceUrl}: an announcement to play to the participant.
         *
         * @param announceUrl the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder announceUrl(URI announceUrl) {
            this.announceUrl = announceUrl;
            return this;
        }

        /**
         * Sets {@code AnnounceMethod}: how Twilio fetches {@code AnnounceUrl}; Twilio's default is POST.
         *
         * @param announceMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder announceMethod(HttpMethod announceMethod) {
            this.announceMethod = announceMethod;
            return this;
        }

        /**
         * Sets {@code WaitUrl}: what plays while waiting for the conference to start (an empty URI plays nothing).
         *
         * @param waitUrl the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder waitUrl(URI waitUrl) {
            this.waitUrl = waitUrl;
            return this;
        }

        /**
         * Sets {@code WaitMethod}: how Twilio fetches {@code WaitUrl}; Twilio's default is POST.
         *
         * @param waitMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder waitMethod(HttpMethod waitMethod) {
            this.waitMethod = waitMethod;
            return this;
        }

        /**
         * Sets {@code BeepOnExit}: whether to beep when the participant leaves.
         *
         * @param beepOnExit the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder beepOnExit(Boolean beepOnExit) {
            this.beepOnExit = beepOnExit;
            return this;
        }

        /**
         * Sets {@code EndConferenceOnExit}: whether the conference ends when this participant leaves.
         *
         * @param endConferenceOnExit the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder endConferenceOnExit(Boolean endConferenceOnExit) {
            this.endConferenceOnExit = endConferenceOnExit;
            return this;
        }

        /**
         * Sets {@code Coaching}: whether the participant coaches another call; {@code true} requires {@code callSidToCoach}.
         *
         * @param coaching the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder coaching(Boolean coaching) {
            this.coaching = coaching;
            return this;
        }

        /**
         * Sets {@code CallSidToCoach}: the call this participant coaches, {@code CA} followed by 32 hex digits.
         *
         * @param callSidToCoach the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is not a SID of that form
         */
        public Builder callSidToCoach(String callSidToCoach) {
            this.callSidToCoach = Checks.sid("callSidToCoach", "CallSidToCoach", callSidToCoach, "CA");
            return this;
        }

        /**
         * Returns the request.
         *
         * @return the immutable request
         * @throws IllegalArgumentException if {@code coaching} is {@code true} without {@code callSidToCoach}
         */
        public UpdateParticipantRequest build() {
            Checks.coaching(coaching, callSidToCoach);
            return new UpdateParticipantRequest(this);
        }

    }
}
