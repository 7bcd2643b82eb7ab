package dev.conclave.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The generated participant is a plain record: values in, the same values out, nothing that throws. */
class ParticipantTest {
    private static final Instant CREATED = Instant.parse("2011-02-18T21:07:19Z");

    private static Participant participant(String label, Boolean muted, Boolean hold, String queueTime) {
        return new Participant("AC" + "a".repeat(32), "CA" + "b".repeat(32), label, null, false,
                "CF" + "c".repeat(32), CREATED, CREATED, false, muted, hold, true, ParticipantStatus.CONNECTED,
                queueTime, "/2010-04-01/x.json");
    }

    @Test
    void equalityCoversEveryValue() {
        Participant one = participant("agent-7", true, false, "1200");
        assertThat(one).isEqualTo(participant("agent-7", true, false, "1200"))
                .hasSameHashCodeAs(participant("agent-7", true, false, "1200"));
        assertThat(one).isNotEqualTo(participant("agent-8", true, false, "1200"));
        assertThat(one).isNotEqualTo(participant("agent-7", false, false, "1200"));
        assertThat(one).isNotEqualTo(participant("agent-7", true, null, "1200"));
        assertThat(one).isNotEqualTo(participant("agent-7", true, false, null));
    }

    @Test
    void predicatesCountNullAsFalse() {
        Participant unknown = participant(null, null, null, null);
        assertThat(unknown.isMuted()).isFalse();
        assertThat(unknown.isOnHold()).isFalse();
        Participant held = participant(null, true, true, null);
        assertThat(held.isMuted()).isTrue();
        assertThat(held.isOnHold()).isTrue();
        assertThat(held.isCoaching()).isFalse();
    }

    @Test
    void queueDurationReadsWholeMillisecondsOnly() {
        assertThat(participant(null, null, null, "1200").queueDuration()).contains(Duration.ofMillis(1200));
        assertThat(participant(null, null, null, " 7 ").queueDuration()).contains(Duration.ofMillis(7));
        assertThat(participant(null, null, null, "soon").queueDuration()).isEmpty();
        assertThat(participant(null, null, null, "").queueDuration()).isEmpty();
        assertThat(participant(null, null, null, null).queueDuration()).isEmpty();
    }

    @Test
    void toStringNamesEveryComponentAndAllNullsAreFine() {
        Participant empty = new Participant(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(empty.toString()).startsWith("Participant[accountSid=null, callSid=null");
        assertThat(empty).isEqualTo(new Participant(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null));
        assertThat(participant("agent-7", true, false, null).toString()).contains("label=agent-7", "muted=true",
                "status=connected");
    }
}
