package dev.conclave.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireValueTest {
    @Test
    void knownTextGivesTheConstant() {
        assertThat(Beep.of("onEnter")).isSameAs(Beep.ON_ENTER);
        assertThat(ParticipantStatus.of("connected")).isSameAs(ParticipantStatus.CONNECTED);
        assertThat(MachineDetection.of("DetectMessageEnd")).isSameAs(MachineDetection.DETECT_MESSAGE_END);
        assertThat(ConferenceRecordingCallbackEvent.of("in-progress")).isSameAs(ConferenceRecordingCallbackEvent.IN_PROGRESS);
        assertThat(Beep.ON_ENTER.isKnown()).isTrue();
    }

    @Test
    void unknownTextIsKeptNotDropped() {
        ParticipantStatus future = ParticipantStatus.of("transferring");
        assertThat(future.value()).isEqualTo("transferring");
        assertThat(future.toString()).isEqualTo("transferring");
        assertThat(future.isKnown()).isFalse();
        assertThat(future).isEqualTo(ParticipantStatus.of("transferring")).isNotEqualTo(ParticipantStatus.QUEUED);
        assertThat(Region.of("in1").isKnown()).isFalse();
    }

    @Test
    void valueSetsMatchTwilioDocumentation() {
        assertThat(ParticipantStatus.knownValues()).extracting(WireValue::value)
                .containsExactly("queued", "connecting", "ringing", "connected", "complete", "failed");
        assertThat(Beep.knownValues()).extracting(WireValue::value).containsExactly("true", "false", "onEnter", "onExit");
        assertThat(Region.knownValues()).hasSize(8);
        assertThat(ConferenceCallbackEvent.knownValues()).hasSize(9);
        assertThat(RecordingCallbackEvent.knownValues()).hasSize(8);
    }

    @Test
    void sameTextInDifferentTypesIsNotEqual() {
        assertThat((Object) RecordingCallbackEvent.COMPLETED).isNotEqualTo(ParticipantCallbackEvent.COMPLETED);
    }

    @Test
    void emptyOrControlTextIsRefusedWithTheTypeName() {
        assertThatThrownBy(() -> Beep.of("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Beep");
        assertThatThrownBy(() -> Trim.of("a\r\nb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Trim");
        assertThatThrownBy(() -> Beep.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("Beep");
    }

    @Test
    void participantHelpers() {
        Participant p = new Participant(null, "CA1", null, null, null, null, null, null, null, true, null, null,
                ParticipantStatus.QUEUED, "1500", null);
        assertThat(p.queueDuration()).contains(Duration.ofMillis(1500));
        assertThat(p.isMuted()).isTrue();
        assertThat(p.isOnHold()).isFalse();
        Participant odd = new Participant(null, null, null, null, null, null, null, null, null, null, null, null,
                null, "soon", null);
        assertThat(odd.queueDuration()).isEmpty();
        ParticipantPage page = new ParticipantPage(List.of(p), 0, 50, 0, 0, "/u", "/u", null, null);
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.size()).isEqualTo(1);
    }
}
