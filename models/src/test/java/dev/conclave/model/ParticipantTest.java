package dev.conclave.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.model.internal.DeferredValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipantTest {
    private static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");
    private static final Instant UPDATED = Instant.parse("2024-01-02T03:09:00Z");

    /** Answers from fixed values and records what it was asked. */
    private static final class Source implements DeferredValues {
        final List<Value> asked = new ArrayList<>();

        @Override
        public String text(Value value) {
            asked.add(value);
            return switch (value) {
                case CALL_SID -> "CA1";
                case LABEL -> "agent";
                case CALL_SID_TO_COACH -> null;
                case QUEUE_TIME -> "250";
                case URI -> "/2010-04-01/p.json";
                default -> throw new IllegalArgumentException(value.name());
            };
        }

        @Override
        public Instant date(Value value) {
            asked.add(value);
            return value == Value.DATE_CREATED ? CREATED : UPDATED;
        }
    }

    private static Participant eager() {
        return new Participant("AC1", "CA1", "agent", null, false, "CF1", CREATED, UPDATED, false, true, false, true,
                ParticipantStatus.CONNECTED, "250", "/2010-04-01/p.json");
    }

    private static Participant deferred(Source source) {
        return Participant.deferred(source, "AC1", DeferredValues.TEXT, DeferredValues.TEXT, DeferredValues.TEXT,
                false, "CF1", DeferredValues.DATE, DeferredValues.DATE, false, true, false, true,
                ParticipantStatus.CONNECTED, DeferredValues.TEXT, DeferredValues.TEXT);
    }

    @Test
    void aDeferredParticipantAsksItsSourceAndEqualsTheEagerOne() {
        Source source = new Source();
        Participant p = deferred(source);
        assertThat(source.asked).isEmpty();

        assertThat(p.queueDuration()).contains(java.time.Duration.ofMillis(250));
        assertThat(p.callSid()).isEqualTo("CA1");
        assertThat(p.dateCreated()).isEqualTo(CREATED);
        assertThat(p.callSidToCoach()).isNull();
        assertThat(source.asked).containsExactly(DeferredValues.Value.QUEUE_TIME, DeferredValues.Value.CALL_SID,
                DeferredValues.Value.DATE_CREATED, DeferredValues.Value.CALL_SID_TO_COACH);

        assertThat(p).isEqualTo(eager()).hasSameHashCodeAs(eager()).hasToString(eager().toString());
        assertThat(eager()).isEqualTo(p);
        assertThat(source.asked).contains(DeferredValues.Value.values());
    }

    @Test
    void onlyValuesPassedAsDeferredAreAskedFor() {
        Source source = new Source();
        Participant p = Participant.deferred(source, "AC1", "CA9", DeferredValues.TEXT, null, null, "CF1", null,
                DeferredValues.DATE, null, null, null, null, null, "7", null);

        assertThat(p.callSid()).isEqualTo("CA9");
        assertThat(p.dateCreated()).isNull();
        assertThat(p.queueTime()).isEqualTo("7");
        assertThat(p.uri()).isNull();
        assertThat(source.asked).isEmpty();
        assertThat(p.label()).isEqualTo("agent");
        assertThat(p.dateUpdated()).isEqualTo(UPDATED);
        assertThat(source.asked).containsExactly(DeferredValues.Value.LABEL, DeferredValues.Value.DATE_UPDATED);
    }

    @Test
    void theSourcesFailureReachesTheCallerButNotToStringAndANullSourceIsRefused() {
        DeferredValues failing = new DeferredValues() {
            @Override
            public String text(Value value) {
                return "x";
            }

            @Override
            public Instant date(Value value) {
                throw new IllegalStateException("field '" + value + "': unreadable");
            }
        };
        Participant p = Participant.deferred(failing, null, null, null, null, null, null, DeferredValues.DATE, null,
                null, null, null, null, null, null, null);
        assertThatThrownBy(p::dateCreated).hasMessageContaining("DATE_CREATED");
        assertThatThrownBy(p::dateCreated).hasMessageContaining("DATE_CREATED");
        assertThatThrownBy(p::hashCode).hasMessageContaining("DATE_CREATED");
        // Logging a participant never throws.
        assertThat(p.toString()).contains("dateCreated=<unreadable: field 'DATE_CREATED': unreadable>",
                "dateUpdated=null");
        assertThatThrownBy(() -> Participant.deferred(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("deferred");
    }

    @Test
    void equalityCoversEveryValue() {
        Participant base = eager();
        assertThat(base).isEqualTo(eager()).isNotEqualTo(null).isNotEqualTo("participant");
        assertThat(base).isNotEqualTo(new Participant("AC1", "CA1", "agent", null, false, "CF1", CREATED, UPDATED,
                false, true, false, true, ParticipantStatus.CONNECTED, "250", "/2010-04-01/other.json"));
        assertThat(base).isNotEqualTo(new Participant("AC1", "CA1", "agent", null, false, "CF1", CREATED, CREATED,
                false, true, false, true, ParticipantStatus.CONNECTED, "250", "/2010-04-01/p.json"));
        assertThat(base).isNotEqualTo(new Participant("AC1", "CA1", "agent", null, false, "CF1", CREATED, UPDATED,
                false, false, false, true, ParticipantStatus.CONNECTED, "250", "/2010-04-01/p.json"));
        assertThat(base.toString()).startsWith("Participant[accountSid=AC1, callSid=CA1, label=agent, ")
                .endsWith("queueTime=250, uri=/2010-04-01/p.json]");
    }
}
