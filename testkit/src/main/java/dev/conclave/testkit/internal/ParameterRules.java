package dev.conclave.testkit.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters each operation accepts, in the order of Twilio's API definition, with their rules. */
public final class ParameterRules {
    private static final String[] METHODS = {"GET", "POST"};

    /** The 50 body parameters of CreateParticipant. */
    public static final Map<String, Rule> CREATE = create();
    /** The 12 body parameters of UpdateParticipant. */
    public static final Map<String, Rule> UPDATE = update();
    /** The 6 query parameters of ListParticipant. */
    public static final Map<String, Rule> LIST = list();

    private ParameterRules() {
    }

    private static Map<String, Rule> create() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("From", Rule.text());
        rules.put("To", Rule.text());
        rules.put("StatusCallback", Rule.text());
        rules.put("StatusCallbackMethod", Rule.oneOf(METHODS));
        rules.put("StatusCallbackEvent", Rule.listOf("initiated", "ringing", "answered", "completed"));
        rules.put("Label", Rule.text());
        rules.put("Timeout", Rule.integer(5, 600));
        rules.put("Record", Rule.bool());
        rules.put("Muted", Rule.bool());
        rules.put("Beep", Rule.oneOf("true", "false", "onEnter", "onExit"));
        rules.put("StartConferenceOnEnter", Rule.bool());
        rules.put("EndConferenceOnExit", Rule.bool());
        rules.put("WaitUrl", Rule.text());
        rules.put("WaitMethod", Rule.oneOf(METHODS));
        rules.put("EarlyMedia", Rule.bool());
        rules.put("MaxParticipants", Rule.integer(2, 250));
        rules.put("ConferenceRecord", Rule.oneOf("true", "false", "record-from-start", "do-not-record"));
        rules.put("ConferenceTrim", Rule.oneOf("trim-silence", "do-not-trim"));
        rules.put("ConferenceStatusCallback", Rule.text());
        rules.put("ConferenceStatusCallbackMethod", Rule.oneOf(METHODS));
        rules.put("ConferenceStatusCallbackEvent",
                Rule.listOf("start", "end", "join", "leave", "mute", "hold", "modify", "speaker", "announcement"));
        rules.put("RecordingChannels", Rule.oneOf("mono", "dual"));
        rules.put("RecordingStatusCallback", Rule.text());
        rules.put("RecordingStatusCallbackMethod", Rule.oneOf(METHODS));
        rules.put("SipAuthUsername", Rule.text());
        rules.put("SipAuthPassword", Rule.text());
        rules.put("Region", Rule.oneOf("us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1"));
        rules.put("ConferenceRecordingStatusCallback", Rule.text());
        rules.put("ConferenceRecordingStatusCallbackMethod", Rule.oneOf(METHODS));
        rules.put("RecordingStatusCallbackEvent", Rule.listOf("started", "in-progress", "paused", "resumed", "stopped",
                "completed", "failed", "absent"));
        rules.put("ConferenceRecordingStatusCallbackEvent", Rule.listOf("in-progress", "completed", "failed", "absent"));
        rules.put("Coaching", Rule.bool());
        rules.put("CallSidToCoach", Rule.sid("CA"));
        rules.put("JitterBufferSize", Rule.oneOf("off", "small", "medium", "large"));
        rules.put("Byoc", Rule.sid("BY"));
        rules.put("CallerId", Rule.text());
        rules.put("CallReason", Rule.text());
        rules.put("RecordingTrack", Rule.oneOf("inbound", "outbound", "both"));
        rules.put("TimeLimit", Rule.integer(1, Integer.MAX_VALUE));
        rules.put("MachineDetection", Rule.oneOf("Enable", "DetectMessageEnd"));
        rules.put("MachineDetectionTimeout", Rule.integer(1, Integer.MAX_VALUE));
        rules.put("MachineDetectionSpeechThreshold", Rule.integer(1000, 6000));
        rules.put("MachineDetectionSpeechEndThreshold", Rule.integer(500, 5000));
        rules.put("MachineDetectionSilenceTimeout", Rule.integer(2000, 10000));
        rules.put("AmdStatusCallback", Rule.text());
        rules.put("AmdStatusCallbackMethod", Rule.oneOf(METHODS));
        rules.put("Trim", Rule.oneOf("trim-silence", "do-not-trim"));
        rules.put("CallToken", Rule.text());
        rules.put("ClientNotificationUrl", Rule.text());
        rules.put("CallerDisplayName", Rule.length(2, 255));
        return Collections.unmodifiableMap(rules);
    }

    private static Map<String, Rule> update() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("Muted", Rule.bool());
        rules.put("Hold", Rule.bool());
        rules.put("HoldUrl", Rule.text());
        rules.put("HoldMethod", Rule.oneOf(METHODS));
        rules.put("AnnounceUrl", Rule.text());
        rules.put("AnnounceMethod", Rule.oneOf(METHODS));
        rules.put("WaitUrl", Rule.text());
        rules.put("WaitMethod", Rule.oneOf(METHODS));
        rules.put("BeepOnExit", Rule.bool());
        rules.put("EndConferenceOnExit", Rule.bool());
        rules.put("Coaching", Rule.bool());
        rules.put("CallSidToCoach", Rule.sid("CA"));
        return Collections.unmodifiableMap(rules);
    }

    private static Map<String, Rule> list() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("Muted", Rule.bool());
        rules.put("Hold", Rule.bool());
        rules.put("Coaching", Rule.bool());
        rules.put("PageSize", Rule.integer(1, 1000));
        rules.put("Page", Rule.integer(0, Integer.MAX_VALUE));
        rules.put("PageToken", Rule.text());
        return Collections.unmodifiableMap(rules);
    }
}
