package dev.conclave.model;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Dials a participant into a conference: every body parameter of Twilio's {@code CreateParticipant}.
 *
 * <p>Build with {@link #builder(String, String, String)}. Unset fields are not sent, so Twilio's defaults
 * apply. Ranges, SID patterns and the coaching rule stated by Twilio's API definition are checked when a
 * value is set or when {@link Builder#build()} runs, with an {@link IllegalArgumentException} that names the
 * field and what is allowed. Instances are immutable and thread-safe.
 */
public final class CreateParticipantRequest {
    private final String conference;
    private final String from;
    private final String to;
    private final URI statusCallback;
    private final HttpMethod statusCallbackMethod;
    private final List<ParticipantCallbackEvent> statusCallbackEvents;
    private final String label;
    private final Integer timeout;
    private final Boolean record;
    private final Boolean muted;
    private final Beep beep;
    private final Boolean startConferenceOnEnter;
    private final Boolean endConferenceOnExit;
    private final URI waitUrl;
    private final HttpMethod waitMethod;
    private final Boolean earlyMedia;
    private final Integer maxParticipants;
    private final ConferenceRecord conferenceRecord;
    private final Trim conferenceTrim;
    private final URI conferenceStatusCallback;
    private final HttpMethod conferenceStatusCallbackMethod;
    private final List<ConferenceCallbackEvent> conferenceStatusCallbackEvents;
    private final RecordingChannels recordingChannels;
    private final URI recordingStatusCallback;
    private final HttpMethod recordingStatusCallbackMethod;
    private final String sipAuthUsername;
    private final String sipAuthPassword;
    private final Region region;
    private final URI conferenceRecordingStatusCallback;
    private final HttpMethod conferenceRecordingStatusCallbackMethod;
    private final List<RecordingCallbackEvent> recordingStatusCallbackEvents;
    private final List<ConferenceRecordingCallbackEvent> conferenceRecordingStatusCallbackEvents;
    private final Boolean coaching;
    private final String callSidToCoach;
    private final JitterBufferSize jitterBufferSize;
    private final String byoc;
    private final String callerId;
    private final String callReason;
    private final RecordingTrack recordingTrack;
    private final Integer timeLimit;
    private final MachineDetection machineDetection;
    private final Integer machineDetectionTimeout;
    private final Integer machineDetectionSpeechThreshold;
    private final Integer machineDetectionSpeechEndThreshold;
    private final Integer machineDetectionSilenceTimeout;
    private final URI amdStatusCallback;
    private final HttpMethod amdStatusCallbackMethod;
    private final Trim trim;
    private final String callToken;
    private final URI clientNotificationUrl;
    private final String callerDisplayName;

    private CreateParticipantRequest(Builder builder) {
        this.conference = builder.conference;
        this.from = builder.from;
        this.to = builder.to;
        this.statusCallback = builder.statusCallback;
        this.statusCallbackMethod = builder.statusCallbackMethod;
        this.statusCallbackEvents = builder.statusCallbackEvents == null ? List.of() : List.copyOf(builder.statusCallbackEvents);
        this.label = builder.label;
        this.timeout = builder.timeout;
        this.record = builder.record;
        this.muted = builder.muted;
        this.beep = builder.beep;
        this.startConferenceOnEnter = builder.startConferenceOnEnter;
        this.endConferenceOnExit = builder.endConferenceOnExit;
        this.waitUrl = builder.waitUrl;
        this.waitMethod = builder.waitMethod;
        this.earlyMedia = builder.earlyMedia;
        this.maxParticipants = builder.maxParticipants;
        this.conferenceRecord = builder.conferenceRecord;
        this.conferenceTrim = builder.conferenceTrim;
        this.conferenceStatusCallback = builder.conferenceStatusCallback;
        this.conferenceStatusCallbackMethod = builder.conferenceStatusCallbackMethod;
        this.conferenceStatusCallbackEvents = builder.conferenceStatusCallbackEvents == null ? List.of() : List.copyOf(builder.conferenceStatusCallbackEvents);
        this.recordingChannels = builder.recordingChannels;
        this.recordingStatusCallback = builder.recordingStatusCallback;
        this.recordingStatusCallbackMethod = builder.recordingStatusCallbackMethod;
        this.sipAuthUsername = builder.sipAuthUsername;
        this.sipAuthPassword = builder.sipAuthPassword;
        this.region = builder.region;
        this.conferenceRecordingStatusCallback = builder.conferenceRecordingStatusCallback;
        this.conferenceRecordingStatusCallbackMethod = builder.conferenceRecordingStatusCallbackMethod;
        this.recordingStatusCallbackEvents = builder.recordingStatusCallbackEvents == null ? List.of() : List.copyOf(builder.recordingStatusCallbackEvents);
        this.conferenceRecordingStatusCallbackEvents = builder.conferenceRecordingStatusCallbackEvents == null ? List.of() : List.copyOf(builder.conferenceRecordingStatusCallbackEvents);
        this.coaching = builder.coaching;
        this.callSidToCoach = builder.callSidToCoach;
        this.jitterBufferSize = builder.jitterBufferSize;
        this.byoc = builder.byoc;
        this.callerId = builder.callerId;
        this.callReason = builder.callReason;
        this.recordingTrack = builder.recordingTrack;
        this.timeLimit = builder.timeLimit;
        this.machineDetection = builder.machineDetection;
        this.machineDetectionTimeout = builder.machineDetectionTimeout;
        this.machineDetectionSpeechThreshold = builder.machineDetectionSpeechThreshold;
        this.machineDetectionSpeechEndThreshold = builder.machineDetectionSpeechEndThreshold;
        this.machineDetectionSilenceTimeout = builder.machineDetectionSilenceTimeout;
        this.amdStatusCallback = builder.amdStatusCallback;
        this.amdStatusCallbackMethod = builder.amdStatusCallbackMethod;
        this.trim = builder.trim;
        this.callToken = builder.callToken;
        this.clientNotificationUrl = builder.clientNotificationUrl;
        this.callerDisplayName = builder.callerDisplayName;
    }

    /**
     * Starts a create request.
     *
     * @param conference the conference SID ({@code CF...}) or friendly name; a new name creates the conference
     * @param from the caller ({@code From})
     * @param to whom to dial ({@code To})
     * @return a builder
     * @throws IllegalArgumentException if any argument is null or blank
     */
    public static Builder builder(String conference, String from, String to) {
        return new Builder(conference, from, to);
    }

    /** The conference SID ({@code CF...}) or friendly name, sent in the path. */
    public String conference() {
        return conference;
    }

    /** {@code From}: the caller. */
    public String from() {
        return from;
    }

    /** {@code To}: whom to dial. */
    public String to() {
        return to;
    }

    /** {@code StatusCallback}: the URL Twilio calls with call progress events; {@code null} when unset. */
    public URI statusCallback() {
        return statusCallback;
    }

    /** {@code StatusCallbackMethod}: how Twilio calls {@code StatusCallback}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod statusCallbackMethod() {
        return statusCallbackMethod;
    }

    /** {@code StatusCallbackEvent}: which call progress events to report; Twilio's default is {@code completed}; empty when unset. */
    public List<ParticipantCallbackEvent> statusCallbackEvents() {
        return statusCallbackEvents;
    }

    /** {@code Label}: a name for the participant, unique in the conference, usable in place of the call SID; {@code null} when unset. */
    public String label() {
        return label;
    }

    /** {@code Timeout}: how long to ring before giving up, in seconds; {@code null} when unset. */
    public Integer timeout() {
        return timeout;
    }

    /** {@code Record}: whether to record the participant; Twilio's default is false; {@code null} when unset. */
    public Boolean record() {
        return record;
    }

    /** {@code Muted}: whether the participant joins muted; Twilio's default is false; {@code null} when unset. */
    public Boolean muted() {
        return muted;
    }

    /** {@code Beep}: whether to beep when the participant joins or leaves; Twilio's default is {@code true}; {@code null} when unset. */
    public Beep beep() {
        return beep;
    }

    /** {@code StartConferenceOnEnter}: whether the conference starts when this participant joins; Twilio's default is true; {@code null} when unset. */
    public Boolean startConferenceOnEnter() {
        return startConferenceOnEnter;
    }

    /** {@code EndConferenceOnExit}: whether the conference ends when this participant leaves; Twilio's default is false; {@code null} when unset. */
    public Boolean endConferenceOnExit() {
        return endConferenceOnExit;
    }

    /** {@code WaitUrl}: what plays while waiting for the conference to start (an empty URI plays nothing); {@code null} when unset. */
    public URI waitUrl() {
        return waitUrl;
    }

    /** {@code WaitMethod}: how Twilio fetches {@code WaitUrl}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod waitMethod() {
        return waitMethod;
    }

    /** {@code EarlyMedia}: whether the participant hears ringing and other early media; Twilio's default is true; {@code null} when unset. */
    public Boolean earlyMedia() {
        return earlyMedia;
    }

    /** {@code MaxParticipants}: the most participants the conference allows; {@code null} when unset. */
    public Integer maxParticipants() {
        return maxParticipants;
    }

    /** {@code ConferenceRecord}: whether to record the conference; Twilio's default is {@code false}; {@code null} when unset. */
    public ConferenceRecord conferenceRecord() {
        return conferenceRecord;
    }

    /** {@code ConferenceTrim}: whether to trim silence from the conference recording; Twilio's default is {@code trim-silence}; {@code null} when unset. */
    public Trim conferenceTrim() {
        return conferenceTrim;
    }

    /** {@code ConferenceStatusCallback}: the URL Twilio calls with conference events (the first participant's value wins); {@code null} when unset. */
    public URI conferenceStatusCallback() {
        return conferenceStatusCallback;
    }

    /** {@code ConferenceStatusCallbackMethod}: how Twilio calls {@code ConferenceStatusCallback}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod conferenceStatusCallbackMethod() {
        return conferenceStatusCallbackMethod;
    }

    /** {@code ConferenceStatusCallbackEvent}: which conference events to report; Twilio's default is {@code start end}; empty when unset. */
    public List<ConferenceCallbackEvent> conferenceStatusCallbackEvents() {
        return conferenceStatusCallbackEvents;
    }

    /** {@code RecordingChannels}: the channels of the recording; Twilio's default is {@code mono}; {@code null} when unset. */
    public RecordingChannels recordingChannels() {
        return recordingChannels;
    }

    /** {@code RecordingStatusCallback}: the URL Twilio calls when the recording's state changes; {@code null} when unset. */
    public URI recordingStatusCallback() {
        return recordingStatusCallback;
    }

    /** {@code RecordingStatusCallbackMethod}: how Twilio calls {@code RecordingStatusCallback}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod recordingStatusCallbackMethod() {
        return recordingStatusCallbackMethod;
    }

    /** {@code SipAuthUsername}: the user name for SIP authentication; {@code null} when unset. */
    public String sipAuthUsername() {
        return sipAuthUsername;
    }

    /** {@code SipAuthPassword}: the password for SIP authentication; never printed by {@link #toString()}; {@code null} when unset. */
    public String sipAuthPassword() {
        return sipAuthPassword;
    }

    /** {@code Region}: where the conference audio is mixed; {@code null} when unset. */
    public Region region() {
        return region;
    }

    /** {@code ConferenceRecordingStatusCallback}: the URL Twilio calls when the conference recording is available; {@code null} when unset. */
    public URI conferenceRecordingStatusCallback() {
        return conferenceRecordingStatusCallback;
    }

    /** {@code ConferenceRecordingStatusCallbackMethod}: how Twilio calls {@code ConferenceRecordingStatusCallback}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod conferenceRecordingStatusCallbackMethod() {
        return conferenceRecordingStatusCallbackMethod;
    }

    /** {@code RecordingStatusCallbackEvent}: which recording state changes to report; empty when unset. */
    public List<RecordingCallbackEvent> recordingStatusCallbackEvents() {
        return recordingStatusCallbackEvents;
    }

    /** {@code ConferenceRecordingStatusCallbackEvent}: which conference recording state changes to report; empty when unset. */
    public List<ConferenceRecordingCallbackEvent> conferenceRecordingStatusCallbackEvents() {
        return conferenceRecordingStatusCallbackEvents;
    }

    /** {@code Coaching}: whether the participant coaches another call; {@code true} requires {@code callSidToCoach}; {@code null} when unset. */
    public Boolean coaching() {
        return coaching;
    }

    /** {@code CallSidToCoach}: the call this participant coaches, {@code CA} followed by 32 hex digits; {@code null} when unset. */
    public String callSidToCoach() {
        return callSidToCoach;
    }

    /** {@code JitterBufferSize}: the jitter buffer for the participant's audio; Twilio's default is {@code large}; {@code null} when unset. */
    public JitterBufferSize jitterBufferSize() {
        return jitterBufferSize;
    }

    /** {@code Byoc}: the BYOC trunk to route the call through, {@code BY} followed by 32 hex digits; {@code null} when unset. */
    public String byoc() {
        return byoc;
    }

    /** {@code CallerId}: the caller ID to present: an E.164 number you own or verified, {@code client:name}, or a SIP username; {@code null} when unset. */
    public String callerId() {
        return callerId;
    }

    /** {@code CallReason}: why the call is made, shown on the called phone (branded calls); {@code null} when unset. */
    public String callReason() {
        return callReason;
    }

    /** {@code RecordingTrack}: which audio track to record; Twilio's default is {@code both}; {@code null} when unset. */
    public RecordingTrack recordingTrack() {
        return recordingTrack;
    }

    /** {@code TimeLimit}: the longest the call may last, in seconds; {@code null} when unset. */
    public Integer timeLimit() {
        return timeLimit;
    }

    /** {@code MachineDetection}: whether to detect an answering machine or fax; {@code null} when unset. */
    public MachineDetection machineDetection() {
        return machineDetection;
    }

    /** {@code MachineDetectionTimeout}: how long to try to detect a machine before reporting {@code unknown}, in seconds; Twilio's default is 30; {@code null} when unset. */
    public Integer machineDetectionTimeout() {
        return machineDetectionTimeout;
    }

    /** {@code MachineDetectionSpeechThreshold}: speech longer than this is taken for a machine, in milliseconds; Twilio's default is 2400; {@code null} when unset. */
    public Integer machineDetectionSpeechThreshold() {
        return machineDetectionSpeechThreshold;
    }

    /** {@code MachineDetectionSpeechEndThreshold}: silence after speech that ends it, in milliseconds; Twilio's default is 1200; {@code null} when unset. */
    public Integer machineDetectionSpeechEndThreshold() {
        return machineDetectionSpeechEndThreshold;
    }

    /** {@code MachineDetectionSilenceTimeout}: initial silence after which the result is {@code unknown}, in milliseconds; Twilio's default is 5000; {@code null} when unset. */
    public Integer machineDetectionSilenceTimeout() {
        return machineDetectionSilenceTimeout;
    }

    /** {@code AmdStatusCallback}: the URL Twilio calls with the answering machine detection result; {@code null} when unset. */
    public URI amdStatusCallback() {
        return amdStatusCallback;
    }

    /** {@code AmdStatusCallbackMethod}: how Twilio calls {@code AmdStatusCallback}; Twilio's default is POST; {@code null} when unset. */
    public HttpMethod amdStatusCallbackMethod() {
        return amdStatusCallbackMethod;
    }

    /** {@code Trim}: whether to trim silence from the participant's recording; Twilio's default is {@code trim-silence}; {@code null} when unset. */
    public Trim trim() {
        return trim;
    }

    /** {@code CallToken}: the token of an incoming call, to forward it with the original caller ID; {@code null} when unset. */
    public String callToken() {
        return callToken;
    }

    /** {@code ClientNotificationUrl}: the URL for push call notifications; {@code null} when unset. */
    public URI clientNotificationUrl() {
        return clientNotificationUrl;
    }

    /** {@code CallerDisplayName}: the display name in the SIP From header, 2 to 255 characters (SIP calls only); {@code null} when unset. */
    public String callerDisplayName() {
        return callerDisplayName;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CreateParticipantRequest)) {
            return false;
        }
        CreateParticipantRequest that = (CreateParticipantRequest) other;
        return Objects.equals(conference, that.conference)
                && Objects.equals(from, that.from)
                && Objects.equals(to, that.to)
                && Objects.equals(statusCallback, that.statusCallback)
                && Objects.equals(statusCallbackMethod, that.statusCallbackMethod)
                && Objects.equals(statusCallbackEvents, that.statusCallbackEvents)
                && Objects.equals(label, that.label)
                && Objects.equals(timeout, that.timeout)
                && Objects.equals(record, that.record)
                && Objects.equals(muted, that.muted)
                && Objects.equals(beep, that.beep)
                && Objects.equals(startConferenceOnEnter, that.startConferenceOnEnter)
                && Objects.equals(endConferenceOnExit, that.endConferenceOnExit)
                && Objects.equals(waitUrl, that.waitUrl)
                && Objects.equals(waitMethod, that.waitMethod)
                && Objects.equals(earlyMedia, that.earlyMedia)
                && Objects.equals(maxParticipants, that.maxParticipants)
                && Objects.equals(conferenceRecord, that.conferenceRecord)
                && Objects.equals(conferenceTrim, that.conferenceTrim)
                && Objects.equals(conferenceStatusCallback, that.conferenceStatusCallback)
                && Objects.equals(conferenceStatusCallbackMethod, that.conferenceStatusCallbackMethod)
                && Objects.equals(conferenceStatusCallbackEvents, that.conferenceStatusCallbackEvents)
                && Objects.equals(recordingChannels, that.recordingChannels)
                && Objects.equals(recordingStatusCallback, that.recordingStatusCallback)
                && Objects.equals(recordingStatusCallbackMethod, that.recordingStatusCallbackMethod)
                && Objects.equals(sipAuthUsername, that.sipAuthUsername)
                && Objects.equals(sipAuthPassword, that.sipAuthPassword)
                && Objects.equals(region, that.region)
                && Objects.equals(conferenceRecordingStatusCallback, that.conferenceRecordingStatusCallback)
                && Objects.equals(conferenceRecordingStatusCallbackMethod, that.conferenceRecordingStatusCallbackMethod)
                && Objects.equals(recordingStatusCallbackEvents, that.recordingStatusCallbackEvents)
                && Objects.equals(conferenceRecordingStatusCallbackEvents, that.conferenceRecordingStatusCallbackEvents)
                && Objects.equals(coaching, that.coaching)
                && Objects.equals(callSidToCoach, that.callSidToCoach)
                && Objects.equals(jitterBufferSize, that.jitterBufferSize)
                && Objects.equals(byoc, that.byoc)
                && Objects.equals(callerId, that.callerId)
                && Objects.equals(callReason, that.callReason)
                && Objects.equals(recordingTrack, that.recordingTrack)
                && Objects.equals(timeLimit, that.timeLimit)
                && Objects.equals(machineDetection, that.machineDetection)
                && Objects.equals(machineDetectionTimeout, that.machineDetectionTimeout)
                && Objects.equals(machineDetectionSpeechThreshold, that.machineDetectionSpeechThreshold)
                && Objects.equals(machineDetectionSpeechEndThreshold, that.machineDetectionSpeechEndThreshold)
                && Objects.equals(machineDetectionSilenceTimeout, that.machineDetectionSilenceTimeout)
                && Objects.equals(amdStatusCallback, that.amdStatusCallback)
                && Objects.equals(amdStatusCallbackMethod, that.amdStatusCallbackMethod)
                && Objects.equals(trim, that.trim)
                && Objects.equals(callToken, that.callToken)
                && Objects.equals(clientNotificationUrl, that.clientNotificationUrl)
                && Objects.equals(callerDisplayName, that.callerDisplayName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conference, from, to, statusCallback, statusCallbackMethod, statusCallbackEvents, label, timeout, record, muted, beep, startConferenceOnEnter, endConferenceOnExit, waitUrl, waitMethod, earlyMedia, maxParticipants, conferenceRecord, conferenceTrim, conferenceStatusCallback, conferenceStatusCallbackMethod, conferenceStatusCallbackEvents, recordingChannels, recordingStatusCallback, recordingStatusCallbackMethod, sipAuthUsername, sipAuthPassword, region, conferenceRecordingStatusCallback, conferenceRecordingStatusCallbackMethod, recordingStatusCallbackEvents, conferenceRecordingStatusCallbackEvents, coaching, callSidToCoach, jitterBufferSize, byoc, callerId, callReason, recordingTrack, timeLimit, machineDetection, machineDetectionTimeout, machineDetectionSpeechThreshold, machineDetectionSpeechEndThreshold, machineDetectionSilenceTimeout, amdStatusCallback, amdStatusCallbackMethod, trim, callToken, clientNotificationUrl, callerDisplayName);
    }

    /** Lists the fields that are set; {@code SipAuthPassword} shows as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CreateParticipantRequest[");
        String separator = "";
        if (conference != null) {
            text.append(separator).append("conference=").append(conference);
            separator = ", ";
        }
        if (from != null) {
            text.append(separator).append("from=").append(from);
            separator = ", ";
        }
        if (to != null) {
            text.append(separator).append("to=").append(to);
            separator = ", ";
        }
        if (statusCallback != null) {
            text.append(separator).append("statusCallback=").append(statusCallback);
            separator = ", ";
        }
        if (statusCallbackMethod != null) {
            text.append(separator).append("statusCallbackMethod=").append(statusCallbackMethod);
            separator = ", ";
        }
        if (!statusCallbackEvents.isEmpty()) {
            text.append(separator).append("statusCallbackEvents=").append(statusCallbackEvents);
            separator = ", ";
        }
        if (label != null) {
            text.append(separator).append("label=").append(label);
            separator = ", ";
        }
        if (timeout != null) {
            text.append(separator).append("timeout=").append(timeout);
            separator = ", ";
        }
        if (record != null) {
            text.append(separator).append("record=").append(record);
            separator = ", ";
        }
        if (muted != null) {
            text.append(separator).append("muted=").append(muted);
            separator = ", ";
        }
        if (beep != null) {
            text.append(separator).append("beep=").append(beep);
            separator = ", ";
        }
        if (startConferenceOnEnter != null) {
            text.append(separator).append("startConferenceOnEnter=").append(startConferenceOnEnter);
            separator = ", ";
        }
        if (endConferenceOnExit != null) {
            text.append(separator).append("endConferenceOnExit=").append(endConferenceOnExit);
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
        if (earlyMedia != null) {
            text.append(separator).append("earlyMedia=").append(earlyMedia);
            separator = ", ";
        }
        if (maxParticipants != null) {
            text.append(separator).append("maxParticipants=").append(maxParticipants);
            separator = ", ";
        }
        if (conferenceRecord != null) {
            text.append(separator).append("conferenceRecord=").append(conferenceRecord);
            separator = ", ";
        }
        if (conferenceTrim != null) {
            text.append(separator).append("conferenceTrim=").append(conferenceTrim);
            separator = ", ";
        }
        if (conferenceStatusCallback != null) {
            text.append(separator).append("conferenceStatusCallback=").append(conferenceStatusCallback);
            separator = ", ";
        }
        if (conferenceStatusCallbackMethod != null) {
            text.append(separator).append("conferenceStatusCallbackMethod=").append(conferenceStatusCallbackMethod);
            separator = ", ";
        }
        if (!conferenceStatusCallbackEvents.isEmpty()) {
            text.append(separator).append("conferenceStatusCallbackEvents=").append(conferenceStatusCallbackEvents);
            separator = ", ";
        }
        if (recordingChannels != null) {
            text.append(separator).append("recordingChannels=").append(recordingChannels);
            separator = ", ";
        }
        if (recordingStatusCallback != null) {
            text.append(separator).append("recordingStatusCallback=").append(recordingStatusCallback);
            separator = ", ";
        }
        if (recordingStatusCallbackMethod != null) {
            text.append(separator).append("recordingStatusCallbackMethod=").append(recordingStatusCallbackMethod);
            separator = ", ";
        }
        if (sipAuthUsername != null) {
            text.append(separator).append("sipAuthUsername=").append(sipAuthUsername);
            separator = ", ";
        }
        if (sipAuthPassword != null) {
            text.append(separator).append("sipAuthPassword=****");
            separator = ", ";
        }
        if (region != null) {
            text.append(separator).append("region=").append(region);
            separator = ", ";
        }
        if (conferenceRecordingStatusCallback != null) {
            text.append(separator).append("conferenceRecordingStatusCallback=").append(conferenceRecordingStatusCallback);
            separator = ", ";
        }
        if (conferenceRecordingStatusCallbackMethod != null) {
            text.append(separator).append("conferenceRecordingStatusCallbackMethod=").append(conferenceRecordingStatusCallbackMethod);
            separator = ", ";
        }
        if (!recordingStatusCallbackEvents.isEmpty()) {
            text.append(separator).append("recordingStatusCallbackEvents=").append(recordingStatusCallbackEvents);
            separator = ", ";
        }
        if (!conferenceRecordingStatusCallbackEvents.isEmpty()) {
            text.append(separator).append("conferenceRecordingStatusCallbackEvents=").append(conferenceRecordingStatusCallbackEvents);
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
        if (jitterBufferSize != null) {
            text.append(separator).append("jitterBufferSize=").append(jitterBufferSize);
            separator = ", ";
        }
        if (byoc != null) {
            text.append(separator).append("byoc=").append(byoc);
            separator = ", ";
        }
        if (callerId != null) {
            text.append(separator).append("callerId=").append(callerId);
            separator = ", ";
        }
        if (callReason != null) {
            text.append(separator).append("callReason=").append(callReason);
            separator = ", ";
        }
        if (recordingTrack != null) {
            text.append(separator).append("recordingTrack=").append(recordingTrack);
            separator = ", ";
        }
        if (timeLimit != null) {
            text.append(separator).append("timeLimit=").append(timeLimit);
            separator = ", ";
        }
        if (machineDetection != null) {
            text.append(separator).append("machineDetection=").append(machineDetection);
            separator = ", ";
        }
        if (machineDetectionTimeout != null) {
            text.append(separator).append("machineDetectionTimeout=").append(machineDetectionTimeout);
            separator = ", ";
        }
        if (machineDetectionSpeechThreshold != null) {
            text.append(separator).append("machineDetectionSpeechThreshold=").append(machineDetectionSpeechThreshold);
            separator = ", ";
        }
        if (machineDetectionSpeechEndThreshold != null) {
            text.append(separator).append("machineDetectionSpeechEndThreshold=").append(machineDetectionSpeechEndThreshold);
            separator = ", ";
        }
        if (machineDetectionSilenceTimeout != null) {
            text.append(separator).append("machineDetectionSilenceTimeout=").append(machineDetectionSilenceTimeout);
            separator = ", ";
        }
        if (amdStatusCallback != null) {
            text.append(separator).append("amdStatusCallback=").append(amdStatusCallback);
            separator = ", ";
        }
        if (amdStatusCallbackMethod != null) {
            text.append(separator).append("amdStatusCallbackMethod=").append(amdStatusCallbackMethod);
            separator = ", ";
        }
        if (trim != null) {
            text.append(separator).append("trim=").append(trim);
            separator = ", ";
        }
        if (callToken != null) {
            text.append(separator).append("callToken=").append(callToken);
            separator = ", ";
        }
        if (clientNotificationUrl != null) {
            text.append(separator).append("clientNotificationUrl=").append(clientNotificationUrl);
            separator = ", ";
        }
        if (callerDisplayName != null) {
            text.append(separator).append("callerDisplayName=").append(callerDisplayName);
            separator = ", ";
        }
        return text.append(']').toString();
    }

    /** Collects a create request's fields; not thread-safe. */
    public static final class Builder {
        private final String conference;
        private final String from;
        private final String to;
        private URI statusCallback;
        private HttpMethod statusCallbackMethod;
        private List<ParticipantCallbackEvent> statusCallbackEvents;
        private String label;
        private Integer timeout;
        private Boolean record;
        private Boolean muted;
        private Beep beep;
        private Boolean startConferenceOnEnter;
        private Boolean endConferenceOnExit;
        private URI waitUrl;
        private HttpMethod waitMethod;
        private Boolean earlyMedia;
        private Integer maxParticipants;
        private ConferenceRecord conferenceRecord;
        private Trim conferenceTrim;
        private URI conferenceStatusCallback;
        private HttpMethod conferenceStatusCallbackMethod;
        private List<ConferenceCallbackEvent> conferenceStatusCallbackEvents;
        private RecordingChannels recordingChannels;
        private URI recordingStatusCallback;
        private HttpMethod recordingStatusCallbackMethod;
        private String sipAuthUsername;
        private String sipAuthPassword;
        private Region region;
        private URI conferenceRecordingStatusCallback;
        private HttpMethod conferenceRecordingStatusCallbackMethod;
        private List<RecordingCallbackEvent> recordingStatusCallbackEvents;
        private List<ConferenceRecordingCallbackEvent> conferenceRecordingStatusCallbackEvents;
        private Boolean coaching;
        private String callSidToCoach;
        private JitterBufferSize jitterBufferSize;
        private String byoc;
        private String callerId;
        private String callReason;
        private RecordingTrack recordingTrack;
        private Integer timeLimit;
        private MachineDetection machineDetection;
        private Integer machineDetectionTimeout;
        private Integer machineDetectionSpeechThreshold;
        private Integer machineDetectionSpeechEndThreshold;
        private Integer machineDetectionSilenceTimeout;
        private URI amdStatusCallback;
        private HttpMethod amdStatusCallbackMethod;
        private Trim trim;
        private String callToken;
        private URI clientNotificationUrl;
        private String callerDisplayName;

        private Builder(String conference, String from, String to) {
            this.conference = Checks.required("conference", "ConferenceSid", conference);
            this.from = Checks.required("from", "From", from);
            this.to = Checks.required("to", "To", to);
        }

        /**
         * Sets {@code StatusCallback}: the URL Twilio calls with call progress events.
         *
         * @param statusCallback the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder statusCallback(URI statusCallback) {
            this.statusCallback = statusCallback;
            return this;
        }

        /**
         * Sets {@code StatusCallbackMethod}: how Twilio calls {@code StatusCallback}; Twilio's default is POST.
         *
         * @param statusCallbackMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder statusCallbackMethod(HttpMethod statusCallbackMethod) {
            this.statusCallbackMethod = statusCallbackMethod;
            return this;
        }

        /**
         * Sets {@code StatusCallbackEvent}: which call progress events to report; Twilio's default is {@code completed}. Sent as one repeated form key per value, in this order.
         *
         * @param values the values; none clears the field
         * @return this builder
         * @throws NullPointerException if the array or a value is null
         */
        public Builder statusCallbackEvents(ParticipantCallbackEvent... values) {
            this.statusCallbackEvents = List.of(values);
            return this;
        }

        /**
         * Sets {@code StatusCallbackEvent} from a collection; see {@link #statusCallbackEvents(ParticipantCallbackEvent...)}.
         *
         * @param values the values, in order; empty clears the field
         * @return this builder
         * @throws NullPointerException if the collection or a value is null
         */
        public Builder statusCallbackEvents(Collection<ParticipantCallbackEvent> values) {
            this.statusCallbackEvents = List.copyOf(values);
            return this;
        }

        /**
         * Sets {@code Label}: a name for the participant, unique in the conference, usable in place of the call SID.
         *
         * @param label the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the label is empty or holds CR, LF or NUL
         */
        public Builder label(String label) {
            this.label = Checks.label("label", "Label", label);
            return this;
        }

        /**
         * Sets {@code Timeout}: how long to ring before giving up, in seconds.
         *
         * @param timeout the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is outside the allowed range
         */
        public Builder timeout(Integer timeout) {
            this.timeout = Checks.range("timeout", "Timeout", timeout, 5, 600, "seconds");
            return this;
        }

        /**
         * Sets {@code Record}: whether to record the participant; Twilio's default is false.
         *
         * @param record the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder record(Boolean record) {
            this.record = record;
            return this;
        }

        /**
         * Sets {@code Muted}: whether the participant joins muted; Twilio's default is false.
         *
         * @param muted the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder muted(Boolean muted) {
            this.muted = muted;
            return this;
        }

        /**
         * Sets {@code Beep}: whether to beep when the participant joins or leaves; Twilio's default is {@code true}.
         *
         * @param beep the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder beep(Beep beep) {
            this.beep = beep;
            return this;
        }

        /**
         * Sets {@code StartConferenceOnEnter}: whether the conference starts when this participant joins; Twilio's default is true.
         *
         * @param startConferenceOnEnter the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder startConferenceOnEnter(Boolean startConferenceOnEnter) {
            this.startConferenceOnEnter = startConferenceOnEnter;
            return this;
        }

        /**
         * Sets {@code EndConferenceOnExit}: whether the conference ends when this participant leaves; Twilio's default is false.
         *
         * @param endConferenceOnExit the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder endConferenceOnExit(Boolean endConferenceOnExit) {
            this.endConferenceOnExit = endConferenceOnExit;
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
         * Sets {@code EarlyMedia}: whether the participant hears ringing and other early media; Twilio's default is true.
         *
         * @param earlyMedia the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder earlyMedia(Boolean earlyMedia) {
            this.earlyMedia = earlyMedia;
            return this;
        }

        /**
         * Sets {@code MaxParticipants}: the most participants the conference allows.
         *
         * @param maxParticipants the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is outside the allowed range
         */
        public Builder maxParticipants(Integer maxParticipants) {
            this.maxParticipants = Checks.range("maxParticipants", "MaxParticipants", maxParticipants, 2, 250, "participants");
            return this;
        }

        /**
         * Sets {@code ConferenceRecord}: whether to record the conference; Twilio's default is {@code false}.
         *
         * @param conferenceRecord the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder conferenceRecord(ConferenceRecord conferenceRecord) {
            this.conferenceRecord = conferenceRecord;
            return this;
        }

        /**
         * Sets {@code ConferenceTrim}: whether to trim silence from the conference recording; Twilio's default is {@code trim-silence}.
         *
         * @param conferenceTrim the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder conferenceTrim(Trim conferenceTrim) {
            this.conferenceTrim = conferenceTrim;
            return this;
        }

        /**
         * Sets {@code ConferenceStatusCallback}: the URL Twilio calls with conference events (the first participant's value wins).
         *
         * @param conferenceStatusCallback the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder conferenceStatusCallback(URI conferenceStatusCallback) {
            this.conferenceStatusCallback = conferenceStatusCallback;
            return this;
        }

        /**
         * Sets {@code ConferenceStatusCallbackMethod}: how Twilio calls {@code ConferenceStatusCallback}; Twilio's default is POST.
         *
         * @param conferenceStatusCallbackMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder conferenceStatusCallbackMethod(HttpMethod conferenceStatusCallbackMethod) {
            this.conferenceStatusCallbackMethod = conferenceStatusCallbackMethod;
            return this;
        }

        /**
         * Sets {@code ConferenceStatusCallbackEvent}: which conference events to report; Twilio's default is {@code start end}. Sent as one repeated form key per value, in this order.
         *
         * @param values the values; none clears the field
         * @return this builder
         * @throws NullPointerException if the array or a value is null
         */
        public Builder conferenceStatusCallbackEvents(ConferenceCallbackEvent... values) {
            this.conferenceStatusCallbackEvents = List.of(values);
            return this;
        }

        /**
         * Sets {@code ConferenceStatusCallbackEvent} from a collection; see {@link #conferenceStatusCallbackEvents(ConferenceCallbackEvent...)}.
         *
         * @param values the values, in order; empty clears the field
         * @return this builder
         * @throws NullPointerException if the collection or a value is null
         */
        public Builder conferenceStatusCallbackEvents(Collection<ConferenceCallbackEvent> values) {
            this.conferenceStatusCallbackEvents = List.copyOf(values);
            return this;
        }

        /**
         * Sets {@code RecordingChannels}: the channels of the recording; Twilio's default is {@code mono}.
         *
         * @param recordingChannels the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder recordingChannels(RecordingChannels recordingChannels) {
            this.recordingChannels = recordingChannels;
            return this;
        }

        /**
         * Sets {@code RecordingStatusCallback}: the URL Twilio calls when the recording's state changes.
         *
         * @param recordingStatusCallback the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder recordingStatusCallback(URI recordingStatusCallback) {
            this.recordingStatusCallback = recordingStatusCallback;
            return this;
        }

        /**
         * Sets {@code RecordingStatusCallbackMethod}: how Twilio calls {@code RecordingStatusCallback}; Twilio's default is POST.
         *
         * @param recordingStatusCallbackMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder recordingStatusCallbackMethod(HttpMethod recordingStatusCallbackMethod) {
            this.recordingStatusCallbackMethod = recordingStatusCallbackMethod;
            return this;
        }

        /**
         * Sets {@code SipAuthUsername}: the user name for SIP authentication.
         *
         * @param sipAuthUsername the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder sipAuthUsername(String sipAuthUsername) {
            this.sipAuthUsername = sipAuthUsername;
            return this;
        }

        /**
         * Sets {@code SipAuthPassword}: the password for SIP authentication; never printed by {@link #toString()}.
         *
         * @param sipAuthPassword the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder sipAuthPassword(String sipAuthPassword) {
            this.sipAuthPassword = sipAuthPassword;
            return this;
        }

        /**
         * Sets {@code Region}: where the conference audio is mixed.
         *
         * @param region the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /**
         * Sets {@code ConferenceRecordingStatusCallback}: the URL Twilio calls when the conference recording is available.
         *
         * @param conferenceRecordingStatusCallback the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder conferenceRecordingStatusCallback(URI conferenceRecordingStatusCallback) {
            this.conferenceRecordingStatusCallback = conferenceRecordingStatusCallback;
            return this;
        }

        /**
         * Sets {@code ConferenceRecordingStatusCallbackMethod}: how Twilio calls {@code ConferenceRecordingStatusCallback}; Twilio's default is POST.
         *
         * @param conferenceRecordingStatusCallbackMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder conferenceRecordingStatusCallbackMethod(HttpMethod conferenceRecordingStatusCallbackMethod) {
            this.conferenceRecordingStatusCallbackMethod = conferenceRecordingStatusCallbackMethod;
            return this;
        }

        /**
         * Sets {@code RecordingStatusCallbackEvent}: which recording state changes to report. Sent as one repeated form key per value, in this order.
         *
         * @param values the values; none clears the field
         * @return this builder
         * @throws NullPointerException if the array or a value is null
         */
        public Builder recordingStatusCallbackEvents(RecordingCallbackEvent... values) {
            this.recordingStatusCallbackEvents = List.of(values);
            return this;
        }

        /**
         * Sets {@code RecordingStatusCallbackEvent} from a collection; see {@link #recordingStatusCallbackEvents(RecordingCallbackEvent...)}.
         *
         * @param values the values, in order; empty clears the field
         * @return this builder
         * @throws NullPointerException if the collection or a value is null
         */
        public Builder recordingStatusCallbackEvents(Collection<RecordingCallbackEvent> values) {
            this.recordingStatusCallbackEvents = List.copyOf(values);
            return this;
        }

        /**
         * Sets {@code ConferenceRecordingStatusCallbackEvent}: which conference recording state changes to report. Sent as one repeated form key per value, in this order.
         *
         * @param values the values; none clears the field
         * @return this builder
         * @throws NullPointerException if the array or a value is null
         */
        public Builder conferenceRecordingStatusCallbackEvents(ConferenceRecordingCallbackEvent... values) {
            this.conferenceRecordingStatusCallbackEvents = List.of(values);
            return this;
        }

        /**
         * Sets {@code ConferenceRecordingStatusCallbackEvent} from a collection; see {@link #conferenceRecordingStatusCallbackEvents(ConferenceRecordingCallbackEvent...)}.
         *
         * @param values the values, in order; empty clears the field
         * @return this builder
         * @throws NullPointerException if the collection or a value is null
         */
        public Builder conferenceRecordingStatusCallbackEvents(Collection<ConferenceRecordingCallbackEvent> values) {
            this.conferenceRecordingStatusCallbackEvents = List.copyOf(values);
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
         * Sets {@code JitterBufferSize}: the jitter buffer for the participant's audio; Twilio's default is {@code large}.
         *
         * @param jitterBufferSize the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder jitterBufferSize(JitterBufferSize jitterBufferSize) {
            this.jitterBufferSize = jitterBufferSize;
            return this;
        }

        /**
         * Sets {@code Byoc}: the BYOC trunk to route the call through, {@code BY} followed by 32 hex digits.
         *
         * @param byoc the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is not a SID of that form
         */
        public Builder byoc(String byoc) {
            this.byoc = Checks.sid("byoc", "Byoc", byoc, "BY");
            return this;
        }

        /**
         * Sets {@code CallerId}: the caller ID to present: an E.164 number you own or verified, {@code client:name}, or a SIP username.
         *
         * @param callerId the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder callerId(String callerId) {
            this.callerId = callerId;
            return this;
        }

        /**
         * Sets {@code CallReason}: why the call is made, shown on the called phone (branded calls).
         *
         * @param callReason the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder callReason(String callReason) {
            this.callReason = callReason;
            return this;
        }

        /**
         * Sets {@code RecordingTrack}: which audio track to record; Twilio's default is {@code both}.
         *
         * @param recordingTrack the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder recordingTrack(RecordingTrack recordingTrack) {
            this.recordingTrack = recordingTrack;
            return this;
        }

        /**
         * Sets {@code TimeLimit}: the longest the call may last, in seconds.
         *
         * @param timeLimit the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive
         */
        public Builder timeLimit(Integer timeLimit) {
            this.timeLimit = Checks.positive("timeLimit", "TimeLimit", timeLimit, "seconds");
            return this;
        }

        /**
         * Sets {@code MachineDetection}: whether to detect an answering machine or fax.
         *
         * @param machineDetection the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder machineDetection(MachineDetection machineDetection) {
            this.machineDetection = machineDetection;
            return this;
        }

        /**
         * Sets {@code MachineDetectionTimeout}: how long to try to detect a machine before reporting {@code unknown}, in seconds; Twilio's default is 30.
         *
         * @param machineDetectionTimeout the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive
         */
        public Builder machineDetectionTimeout(Integer machineDetectionTimeout) {
            this.machineDetectionTimeout = Checks.positive("machineDetectionTimeout", "MachineDetectionTimeout", machineDetectionTimeout, "seconds");
            return this;
        }

        /**
         * Sets {@code MachineDetectionSpeechThreshold}: speech longer than this is taken for a machine, in milliseconds; Twilio's default is 2400.
         *
         * @param machineDetectionSpeechThreshold the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is outside the allowed range
         */
        public Builder machineDetectionSpeechThreshold(Integer machineDetectionSpeechThreshold) {
            this.machineDetectionSpeechThreshold = Checks.range("machineDetectionSpeechThreshold", "MachineDetectionSpeechThreshold", machineDetectionSpeechThreshold, 1000, 6000, "milliseconds");
            return this;
        }

        /**
         * Sets {@code MachineDetectionSpeechEndThreshold}: silence after speech that ends it, in milliseconds; Twilio's default is 1200.
         *
         * @param machineDetectionSpeechEndThreshold the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is outside the allowed range
         */
        public Builder machineDetectionSpeechEndThreshold(Integer machineDetectionSpeechEndThreshold) {
            this.machineDetectionSpeechEndThreshold = Checks.range("machineDetectionSpeechEndThreshold", "MachineDetectionSpeechEndThreshold", machineDetectionSpeechEndThreshold, 500, 5000, "milliseconds");
            return this;
        }

        /**
         * Sets {@code MachineDetectionSilenceTimeout}: initial silence after which the result is {@code unknown}, in milliseconds; Twilio's default is 5000.
         *
         * @param machineDetectionSilenceTimeout the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the value is outside the allowed range
         */
        public Builder machineDetectionSilenceTimeout(Integer machineDetectionSilenceTimeout) {
            this.machineDetectionSilenceTimeout = Checks.range("machineDetectionSilenceTimeout", "MachineDetectionSilenceTimeout", machineDetectionSilenceTimeout, 2000, 10000, "milliseconds");
            return this;
        }

        /**
         * Sets {@code AmdStatusCallback}: the URL Twilio calls with the answering machine detection result.
         *
         * @param amdStatusCallback the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder amdStatusCallback(URI amdStatusCallback) {
            this.amdStatusCallback = amdStatusCallback;
            return this;
        }

        /**
         * Sets {@code AmdStatusCallbackMethod}: how Twilio calls {@code AmdStatusCallback}; Twilio's default is POST.
         *
         * @param amdStatusCallbackMethod the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder amdStatusCallbackMethod(HttpMethod amdStatusCallbackMethod) {
            this.amdStatusCallbackMethod = amdStatusCallbackMethod;
            return this;
        }

        /**
         * Sets {@code Trim}: whether to trim silence from the participant's recording; Twilio's default is {@code trim-silence}.
         *
         * @param trim the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder trim(Trim trim) {
            this.trim = trim;
            return this;
        }

        /**
         * Sets {@code CallToken}: the token of an incoming call, to forward it with the original caller ID.
         *
         * @param callToken the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder callToken(String callToken) {
            this.callToken = callToken;
            return this;
        }

        /**
         * Sets {@code ClientNotificationUrl}: the URL for push call notifications.
         *
         * @param clientNotificationUrl the value, or {@code null} to leave it unset
         * @return this builder
         */
        public Builder clientNotificationUrl(URI clientNotificationUrl) {
            this.clientNotificationUrl = clientNotificationUrl;
            return this;
        }

        /**
         * Sets {@code CallerDisplayName}: the display name in the SIP From header, 2 to 255 characters (SIP calls only).
         *
         * @param callerDisplayName the value, or {@code null} to leave it unset
         * @return this builder
         * @throws IllegalArgumentException if the length is outside the allowed range
         */
        public Builder callerDisplayName(String callerDisplayName) {
            this.callerDisplayName = Checks.length("callerDisplayName", "CallerDisplayName", callerDisplayName, 2, 255);
            return this;
        }

        /**
         * Returns the request.
         *
         * @return the immutable request
         * @throws IllegalArgumentException if {@code coaching} is {@code true} without {@code callSidToCoach}
         */
        public CreateParticipantRequest build() {
            Checks.coaching(coaching, callSidToCoach);
            return new CreateParticipantRequest(this);
        }

    }
}
