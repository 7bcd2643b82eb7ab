package dev.conclave.model;

import java.util.Objects;

/**
 * Which participants of a conference to list: Twilio's {@code ListParticipant} filters and paging.
 *
 * <p>Filters left unset are not sent. {@code pageSize} sets how many participants each page request asks
 * for (Twilio's default is 50); {@code page} and {@code pageToken} start the listing at a page that an
 * earlier listing returned, and are normally left unset. Instances are immutable and thread-safe.
 */
public final class ListParticipantsRequest {
    private final String conferenceSid;
    private final Boolean muted;
    private final Boolean hold;
    private final Boolean coaching;
    private final Integer pageSize;
    private final Integer page;
    private final String pageToken;

    private ListParticipantsRequest(Builder builder) {
        this.conferenceSid = builder.conferenceSid;
        this.muted = builder.muted;
        this.hold = builder.hold;
        this.coaching = builder.coaching;
        this.pageSize = builder.pageSize;
        this.page = builder.page;
        this.pageToken = builder.pageToken;
    }

    /**
     * Starts a list request.
     *
     * @param conferenceSid the conference, {@code CF} followed by 32 hex digits
     * @return a builder
     * @throws IllegalArgumentException if the SID is null or not of that form
     */
    public static Builder builder(String conferenceSid) {
        return new Builder(conferenceSid);
    }

    /** The conference whose participants are listed. */
    public String conferenceSid() {
        return conferenceSid;
    }

    /** {@code Muted}: only muted ({@code true}) or unmuted ({@code false}) participants; {@code null}: all. */
    public Boolean muted() {
        return muted;
    }

    /** {@code Hold}: only held ({@code true}) or unheld ({@code false}) participants; {@code null}: all. */
    public Boolean hold() {
        return hold;
    }

    /** {@code Coaching}: only coaching ({@code true}) or other participants; {@code null}: all. */
    public Boolean coaching() {
        return coaching;
    }

    /** {@code PageSize}: participants per page request, 1 to 1000; {@code null}: Twilio's default of 50. */
    public Integer pageSize() {
        return pageSize;
    }

    /** {@code Page}: the index of the first page to read; {@code null} when unset. */
    public Integer page() {
        return page;
    }

    /** {@code PageToken}: the token of the first page to read, as Twilio issued it; {@code null} when unset. */
    public String pageToken() {
        return pageToken;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListParticipantsRequest that
                && conferenceSid.equals(that.conferenceSid)
                && Objects.equals(muted, that.muted)
                && Objects.equals(hold, that.hold)
                && Objects.equals(coaching, that.coaching)
                && Objects.equals(pageSize, that.pageSize)
                && Objects.equals(page, that.page)
                && Objects.equals(pageToken, that.pageToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conferenceSid, muted, hold, coaching, pageSize, page, pageToken);
    }

    @Override
    public String toString() {
        return "ListParticipantsRequest[conferenceSid=" + conferenceSid + ", muted=" + muted + ", hold=" + hold
                + ", coaching=" + coaching + ", pageSize=" + pageSize + ", page=" + page
                + ", pageToken=" + pageToken + ']';
    }

    /** Collects a list request's fields; not thread-safe. */
    public static final class Builder {
        private final String conferenceSid;
        private Boolean muted;
        private Boolean hold;
        private Boolean coaching;
        private Integer pageSize;
        private Integer page;
        private String pageToken;

        private Builder(String conferenceSid) {
            Checks.required("conferenceSid", "ConferenceSid", conferenceSid);
            this.conferenceSid = Checks.sid("conferenceSid", "ConferenceSid", conferenceSid, "CF");
        }

        /**
         * Sets the {@code Muted} filter.
         *
         * @param muted {@code true} for muted only, {@code false} for unmuted only, {@code null} for all
         * @return this builder
         */
        public Builder muted(Boolean muted) {
            this.muted = muted;
            return this;
        }

        /**
         * Sets the {@code Hold} filter.
         *
         * @param hold {@code true} for held only, {@code false} for unheld only, {@code null} for all
         * @return this builder
         */
        public Builder hold(Boolean hold) {
            this.hold = hold;
            return this;
        }

        /**
         * Sets the {@code Coaching} filter.
         *
         * @param coaching {@code true} for coaching only, {@code false} for the others, {@code null} for all
         * @return this builder
         */
        public Builder coaching(Boolean coaching) {
            this.coaching = coaching;
            return this;
        }

        /**
         * Sets {@code PageSize}, the participants per page request.
         *
         * @param pageSize 1 to 1000, or {@code null} for Twilio's default of 50
         * @return this builder
         * @throws IllegalArgumentException if outside 1..1000
         */
        public Builder pageSize(Integer pageSize) {
            this.pageSize = Checks.range("pageSize", "PageSize", pageSize, 1, 1000, "participants");
            return this;
        }

        /**
         * Sets {@code Page}, the index of the first page to read (use with the page token Twilio issued).
         *
         * @param page 0 or more, or {@code null} to leave unset
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder page(Integer page) {
            this.page = Checks.atLeastZero("page", "Page", page);
            return this;
        }

        /**
         * Sets {@code PageToken}, a token taken from a page URI Twilio returned. Never make one up.
         *
         * @param pageToken the token, or {@code null} to leave unset
         * @return this builder
         * @throws IllegalArgumentException if empty or holding control characters
         */
        public Builder pageToken(String pageToken) {
            this.pageToken = Checks.label("pageToken", "PageToken", pageToken);
            return this;
        }

        /** Returns the immutable request. */
        public ListParticipantsRequest build() {
            return new ListParticipantsRequest(this);
        }
    }
}
