package dev.conclave.emulator.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns what happens to participants into the status callbacks Twilio would send: call progress events to a
 * participant's {@code StatusCallback} (initiated, ringing, answered, completed) and conference events to the
 * {@code ConferenceStatusCallback} (conference-start/-end, participant-join/-leave/-mute/-unmute/-hold/-unhold/
 * -modify, announcement-end), each only if its event was asked for. Called under the conference's lock, so
 * sequence numbers follow the order things happened.
 */
final class StatusEvents {
    private final ParticipantApi.CallbackSink sink;
    private final Clock clock;

    StatusEvents(ParticipantApi.CallbackSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** Records a create's callback settings on the participant and (the first time) on the conference. */
    void configure(Conference conference, ParticipantRecord p, Map<String, List<String>> values) {
        String url = first(values, "StatusCallback");
        if (url != null) {
            p.statusCallback = url;
            p.statusCallbackMethod = first(values, "StatusCallbackMethod");
            p.statusCallbackEvents = new HashSet<>(values.getOrDefault("StatusCallbackEvent", List.of("completed")));
        }
        String conferenceUrl = first(values, "ConferenceStatusCallback");
        if (conferenceUrl != null && conference.callbackUrl == null) {
            conference.callbackUrl = conferenceUrl;
            conference.callbackMethod = first(values, "ConferenceStatusCallbackMethod");
            conference.callbackEvents = new HashSet<>(values.getOrDefault("ConferenceStatusCallbackEvent",
                    List.of("start", "end")));
        }
    }

    /** The call was placed. */
    void created(Conference conference, ParticipantRecord p) {
        call(conference, p, "initiated", "initiated", null);
    }

    /** The call's status moved on from {@code before}. */
    void statusChanged(Conference conference, ParticipantRecord p, String before) {
        String now = p.status();
        if (now.equals(before)) {
            return;
        }
        switch (now) {
            case "ringing" -> call(conference, p, "ringing", "ringing", null);
            case "connected" -> {
                call(conference, p, "answered", "in-progress", null);
                p.answered = true;
                p.joined = true;
                // Like Twilio, only a participant that may start it (a moderator) starts the conference.
                if (!conference.started && p.startConferenceOnEnter) {
                    conference.started = true;
                    conference(conference, null, "start", "conference-start", List.of());
                }
                conference(conference, p, "join", "participant-join", List.of());
            }
            case "failed" -> finish(conference, p, "failed", null);
            default -> {
                // queued and connecting have no callback of their own
            }
        }
    }

    /**
     * An update changed these flags (old values given) and maybe played an announcement. Like Twilio, only a
     * participant that has joined the conference causes conference events.
     */
    void updated(Conference conference, ParticipantRecord p, boolean wasMuted, boolean wasHold, boolean modified,
                 boolean announced) {
        if (!p.joined) {
            return;
        }
        if (p.muted != wasMuted) {
            conference(conference, p, "mute", p.muted ? "participant-mute" : "participant-unmute", List.of());
        }
        if (p.hold != wasHold) {
            conference(conference, p, "hold", p.hold ? "participant-hold" : "participant-unhold", List.of());
        }
        if (modified) {
            conference(conference, p, "modify", "participant-modify", List.of());
        }
        if (announced) {
            conference(conference, p, "announcement", "announcement-end", List.of());
        }
    }

    /**
     * The participant was removed by the API (kicked, already taken out of the conference). The conference ends
     * when a participant with {@code EndConferenceOnExit} is kicked or the last one who joined is: then everyone
     * still in it leaves too.
     *
     * @return whether the conference ended (its friendly name then names a new conference next time)
     */
    boolean removed(Conference conference, ParticipantRecord p) {
        boolean endsAll = p.joined && p.endConferenceOnExit;
        leave(conference, p);
        boolean ends = conference.started && (endsAll || !conference.anyoneJoined());
        if (!ends) {
            return false;
        }
        end(conference, endsAll ? "participant-with-end-conference-on-exit-kicked" : "last-participant-kicked",
                p.callSid);
        return true;
    }

    /**
     * Ends the conference: everyone still in it leaves, a recording in progress completes, and the conference-end
     * callback says why and, when a participant ended it, which.
     */
    void end(Conference conference, String reason, String callSidEnding) {
        for (ParticipantRecord other : conference.snapshot()) {
            conference.remove(other);
            leave(conference, other);
        }
        conference.started = false;
        conference.ended = true;
        conference.reasonEnded = reason;
        conference.callSidEnding = callSidEnding;
        conference.dateUpdated = clock.instant();
        for (RecordingRecord recording : conference.recordings.values()) {
            if (recording.active()) {
                recording.complete(clock.instant());
            }
        }
        List<Map.Entry<String, String>> extra = new ArrayList<>();
        extra.add(Map.entry("ReasonConferenceEnded", reason));
        if (callSidEnding != null) {
            extra.add(Map.entry("CallSidEndingConference", callSidEnding));
        }
        conference(conference, null, "end", "conference-end", extra);
    }

    /** An announcement was played to the whole conference. */
    void announced(Conference conference) {
        conference(conference, null, "announcement", "announcement-end", List.of());
    }

    private void leave(Conference conference, ParticipantRecord p) {
        if (p.joined) {
            conference(conference, p, "leave", "participant-leave", List.of());
            p.joined = false;
        }
        if (p.answered) {
            long seconds = Math.max(0, clock.instant().getEpochSecond() - p.dateCreated.getEpochSecond());
            finish(conference, p, "completed", String.valueOf(seconds));
        } else {
            finish(conference, p, "canceled", null);
        }
    }

    /** The call's one terminal callback: a call ends once, however it ends. */
    private void finish(Conference conference, ParticipantRecord p, String callStatus, String duration) {
        if (!p.finished) {
            p.finished = true;
            call(conference, p, "completed", callStatus, duration);
        }
    }

    private void call(Conference conference, ParticipantRecord p, String event, String callStatus, String duration) {
        if (p.statusCallback == null || !p.statusCallbackEvents.contains(event)) {
            return;
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("AccountSid", conference.accountSid));
        params.add(Map.entry("CallSid", p.callSid));
        params.add(Map.entry("CallStatus", callStatus));
        params.add(Map.entry("From", String.valueOf(p.from)));
        params.add(Map.entry("To", String.valueOf(p.to)));
        params.add(Map.entry("Direction", "outbound-api"));
        params.add(Map.entry("ApiVersion", "2010-04-01"));
        params.add(Map.entry("CallbackSource", "call-progress-events"));
        params.add(Map.entry("Timestamp", Json.rfc2822(clock.instant())));
        params.add(Map.entry("SequenceNumber", String.valueOf(p.callbackSequence++)));
        if (duration != null) {
            params.add(Map.entry("CallDuration", duration));
        }
        sink.send(conference.accountSid, p.statusCallback, p.statusCallbackMethod, params);
    }

    private void conference(Conference conference, ParticipantRecord p, String subscription, String event,
                            List<Map.Entry<String, String>> extra) {
        if (conference.callbackUrl == null || !conference.callbackEvents.contains(subscription)) {
            return;
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(Map.entry("ConferenceSid", conference.sid));
        params.add(Map.entry("FriendlyName", conference.friendlyName));
        params.add(Map.entry("AccountSid", conference.accountSid));
        params.add(Map.entry("StatusCallbackEvent", event));
        params.add(Map.entry("Timestamp", Json.rfc2822(clock.instant())));
        params.add(Map.entry("SequenceNumber", String.valueOf(conference.callbackSequence++)));
        if (p != null) {
            params.add(Map.entry("CallSid", p.callSid));
            if (p.label != null) {
                params.add(Map.entry("ParticipantLabel", p.label));
            }
            params.add(Map.entry("Muted", String.valueOf(p.muted)));
            params.add(Map.entry("Hold", String.valueOf(p.hold)));
            params.add(Map.entry("Coaching", String.valueOf(p.coaching)));
            params.add(Map.entry("EndConferenceOnExit", String.valueOf(p.endConferenceOnExit)));
            params.add(Map.entry("StartConferenceOnEnter", String.valueOf(p.startConferenceOnEnter)));
        }
        params.addAll(extra);
        sink.send(conference.accountSid, conference.callbackUrl, conference.callbackMethod, params);
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> items = values.get(name);
        return items == null ? null : items.get(0);
    }
}
