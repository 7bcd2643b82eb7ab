package dev.conclave.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.model.CallStatus;
import dev.conclave.model.ConferenceEventType;
import dev.conclave.model.ConferenceStatusEvent;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.ParticipantStatusEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusCallbacksTest {
    @Test
    void aParticipantCallbackBecomesATypedEvent() {
        FormParameters form = FormParameters.parse("AccountSid=AC00000000000000000000000000000001"
                + "&CallSid=CA00000000000000000000000000000002&CallStatus=completed&CallDuration=42"
                + "&Timestamp=Tue%2C+24+Nov+2026+22%3A25%3A49+%2B0000&SequenceNumber=3&From=%2B15005550006"
                + "&To=%2B15558675310&Direction=outbound-api&CallbackSource=call-progress-events&NewThing=x");
        assertThat(StatusCallbacks.isConferenceEvent(form)).isFalse();
        ParticipantStatusEvent event = StatusCallbacks.participantEvent(form);
        assertThat(event.event()).isEqualTo(ParticipantCallbackEvent.COMPLETED);
        assertThat(event.callStatus()).isEqualTo(CallStatus.COMPLETED);
        assertThat(event.callSid()).isEqualTo("CA00000000000000000000000000000002");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-24T22:25:49Z"));
        assertThat(event.sequenceNumber()).isEqualTo(3);
        assertThat(event.callDuration()).isEqualTo(42);
        assertThat(event.from()).isEqualTo("+15005550006");
        assertThat(event.parameters()).containsKey("NewThing");
    }

    @ParameterizedTest
    @CsvSource({"initiated, initiated", "ringing, ringing", "in-progress, answered", "completed, completed",
            "busy, completed", "no-answer, completed", "failed, completed", "canceled, completed",
            "teleported, teleported"})
    void callStatusesMapToTheFourEvents(String status, String event) {
        ParticipantStatusEvent parsed = StatusCallbacks.participantEvent(FormParameters.parse("CallStatus=" + status));
        assertThat(parsed.event().value()).isEqualTo(event);
        assertThat(parsed.callStatus().isKnown()).isEqualTo(!status.equals("teleported"));
        assertThat(parsed.callSid()).isNull();
    }

    @Test
    void aConferenceCallbackBecomesATypedEvent() {
        FormParameters form = FormParameters.parse("ConferenceSid=CF00000000000000000000000000000003"
                + "&FriendlyName=standup&AccountSid=AC00000000000000000000000000000001"
                + "&StatusCallbackEvent=participant-mute&CallSid=CA00000000000000000000000000000002"
                + "&ParticipantLabel=agent-7&Muted=true&Hold=false&Coaching=false&EndConferenceOnExit=false"
                + "&StartConferenceOnEnter=true&SequenceNumber=5&Timestamp=Tue,+24+Nov+2026+22:25:49+%2B0000");
        assertThat(StatusCallbacks.isConferenceEvent(form)).isTrue();
        ConferenceStatusEvent event = StatusCallbacks.conferenceEvent(form);
        assertThat(event.event()).isEqualTo(ConferenceEventType.PARTICIPANT_MUTE);
        assertThat(event.isParticipantEvent()).isTrue();
        assertThat(event.participantLabel()).isEqualTo("agent-7");
        assertThat(event.muted()).isTrue();
        assertThat(event.hold()).isFalse();
        assertThat(event.sequenceNumber()).isEqualTo(5);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-24T22:25:49Z"));
    }

    @Test
    void unknownEventsAreKeptAndMalformedOptionalFieldsAreNull() {
        ConferenceStatusEvent event = StatusCallbacks.conferenceEvent(FormParameters.parse(
                "ConferenceSid=CF1&StatusCallbackEvent=participant-teleport&Muted=perhaps&SequenceNumber=x"
                        + "&Timestamp=yesterday"));
        assertThat(event.event().value()).isEqualTo("participant-teleport");
        assertThat(event.event().isKnown()).isFalse();
        assertThat(event.muted()).isNull();
        assertThat(event.sequenceNumber()).isNull();
        assertThat(event.timestamp()).isNull();
        assertThat(event.isParticipantEvent()).isFalse();
    }

    @Test
    void aCallbackOfTheOtherKindIsRefusedWithItsMissingField() {
        assertThatThrownBy(() -> StatusCallbacks.participantEvent(FormParameters.parse("ConferenceSid=CF1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CallStatus");
        assertThatThrownBy(() -> StatusCallbacks.conferenceEvent(FormParameters.parse("CallStatus=ringing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StatusCallbackEvent");
    }
}
