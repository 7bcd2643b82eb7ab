package dev.conclave.internal;

import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.UpdateParticipantRequest;

/**
 * The wire names of each request field, in the order of Twilio's API definition. Kept in one place so that
 * a test can hold them against the spec.
 */
public final class ParticipantForms {
    private ParticipantForms() {
    }

    /** The create body: all 50 fields of {@code CreateParticipantRequest}, unset ones left out. */
    public static FormBody create(CreateParticipantRequest request) {
        return new FormBody()
                .add("From", request.from())
                .add("To", request.to())
                .add("StatusCallback", request.statusCallback())
                .add("StatusCallbackMethod", request.statusCallbackMethod())
                .addAll("StatusCallbackEvent", request.statusCallbackEvents())
                .add("Label", request.label())
                .add("Timeout", request.timeout())
                .add("Record", request.record())
                .add("Muted", request.muted())
                .add("Beep", request.beep())
                .add("StartConferenceOnEnter", request.startConferenceOnEnter())
                .add("EndConferenceOnExit", request.endConferenceOnExit())
                .add("WaitUrl", request.waitUrl())
                .add("WaitMethod", request.waitMethod())
                .add("EarlyMedia", request.earlyMedia())
                .add("MaxParticipants", request.maxParticipants())
                .add("ConferenceRecord", request.conferenceRecord())
                .add("ConferenceTrim", request.conferenceTrim())
                .add("ConferenceStatusCallback", request.conferenceStatusCallback())
                .add("ConferenceStatusCallbackMethod", request.conferenceStatusCallbackMethod())
                .addAll("ConferenceStatusCallbackEvent", request.conferenceStatusCallbackEvents())
                .add("RecordingChannels", request.recordingChannels())
                .add("RecordingStatusCallback", request.recordingStatusCallback())
                .add("RecordingStatusCallbackMethod", request.recordingStatusCallbackMethod())
                .add("SipAuthUsername", request.sipAuthUsername())
                .add("SipAuthPassword", request.sipAuthPassword())
                .add("Region", request.region())
                .add("ConferenceRecordingStatusCallback", request.conferenceRecordingStatusCallback())
                .add("ConferenceRecordingStatusCallbackMethod", request.conferenceRecordingStatusCallbackMethod())
                .addAll("RecordingStatusCallbackEvent", request.recordingStatusCallbackEvents())
                .addAll("ConferenceRecordingStatusCallbackEvent", request.conferenceRecordingStatusCallbackEvents())
                .add("Coaching", request.coaching())
                .add("CallSidToCoach", request.callSidToCoach())
                .add("JitterBufferSize", request.jitterBufferSize())
                .add("Byoc", request.byoc())
                .add("CallerId", request.callerId())
                .add("CallReason", request.callReason())
                .add("RecordingTrack", request.recordingTrack())
                .add("TimeLimit", request.timeLimit())
                .add("MachineDetection", request.machineDetection())
                .add("MachineDetectionTimeout", request.machineDetectionTimeout())
                .add("MachineDetectionSpeechThreshold", request.machineDetectionSpeechThreshold())
                .add("MachineDetectionSpeechEndThreshold", request.machineDetectionSpeechEndThreshold())
                .add("MachineDetectionSilenceTimeout", request.machineDetectionSilenceTimeout())
                .add("AmdStatusCallback", request.amdStatusCallback())
                .add("AmdStatusCallbackMethod", request.amdStatusCallbackMethod())
                .add("Trim", request.trim())
                .add("CallToken", request.callToken())
                .add("ClientNotificationUrl", request.clientNotificationUrl())
                .add("CallerDisplayName", request.callerDisplayName());
    }

    /** The update body: all 12 fields of {@code UpdateParticipantRequest}, unset ones left out. */
    public static FormBody update(UpdateParticipantRequest request) {
        return new FormBody()
                .add("Muted", request.muted())
                .add("Hold", request.hold())
                .add("HoldUrl", request.holdUrl())
                .add("HoldMethod", request.holdMethod())
                .add("AnnounceUrl", request.announceUrl())
                .add("AnnounceMethod", request.announceMethod())
                .add("WaitUrl", request.waitUrl())
                .add("WaitMethod", request.waitMethod())
                .add("BeepOnExit", request.beepOnExit())
                .add("EndConferenceOnExit", request.endConferenceOnExit())
                .add("Coaching", request.coaching())
                .add("CallSidToCoach", request.callSidToCoach());
    }

    /** The first page's query: the filters, then PageSize, Page and PageToken, unset ones left out. */
    public static FormBody listQuery(ListParticipantsRequest request, Integer pageSize) {
        return new FormBody()
                .add("Muted", request.muted())
                .add("Hold", request.hold())
                .add("Coaching", request.coaching())
                .add("PageSize", pageSize)
                .add("Page", request.page())
                .add("PageToken", request.pageToken());
    }
}
