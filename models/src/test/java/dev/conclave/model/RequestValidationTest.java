package dev.conclave.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidationTest {
    private static final String CALL = "CA0123456789abcdef0123456789ABCDEF";
    private static final String CONFERENCE = "CF0123456789abcdef0123456789abcdef";

    private static CreateParticipantRequest.Builder create() {
        return CreateParticipantRequest.builder("standup", "+15005550006", "+15558675310");
    }

    static Stream<Arguments> badCreateValues() {
        return Stream.of(
                bad("Timeout", b -> b.timeout(4), "from 5 to 600"),
                bad("Timeout", b -> b.timeout(601), "from 5 to 600"),
                bad("MaxParticipants", b -> b.maxParticipants(1), "from 2 to 250"),
                bad("MaxParticipants", b -> b.maxParticipants(251), "from 2 to 250"),
                bad("MachineDetectionSpeechThreshold", b -> b.machineDetectionSpeechThreshold(999), "from 1000 to 6000"),
                bad("MachineDetectionSpeechThreshold", b -> b.machineDetectionSpeechThreshold(6001), "from 1000 to 6000"),
                bad("MachineDetectionSpeechEndThreshold", b -> b.machineDetectionSpeechEndThreshold(499), "from 500 to 5000"),
                bad("MachineDetectionSpeechEndThreshold", b -> b.machineDetectionSpeechEndThreshold(5001), "from 500 to 5000"),
                bad("MachineDetectionSilenceTimeout", b -> b.machineDetectionSilenceTimeout(1999), "from 2000 to 10000"),
                bad("MachineDetectionSilenceTimeout", b -> b.machineDetectionSilenceTimeout(10001), "from 2000 to 10000"),
                bad("MachineDetectionTimeout", b -> b.machineDetectionTimeout(0), "positive"),
                bad("TimeLimit", b -> b.timeLimit(-1), "positive"),
                bad("CallSidToCoach", b -> b.callSidToCoach("CA123"), "CA followed by 32 hex digits"),
                bad("CallSidToCoach", b -> b.callSidToCoach("CFabcdef0123456789abcdef0123456789"), "CA followed by 32 hex"),
                bad("CallSidToCoach", b -> b.callSidToCoach("CAzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"), "CA followed by 32 hex"),
                bad("Byoc", b -> b.byoc("BYnothex"), "BY followed by 32 hex digits"),
                bad("CallerDisplayName", b -> b.callerDisplayName("x"), "2 to 255 characters"),
                bad("CallerDisplayName", b -> b.callerDisplayName("x".repeat(256)), "2 to 255 characters"),
                bad("Label", b -> b.label("two\nlines"), "CR, LF"),
                bad("Label", b -> b.label(""), "must not be empty"));
    }

    private static Arguments bad(String field, Consumer<CreateParticipantRequest.Builder> set, String rule) {
        return Arguments.of(field, set, rule);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badCreateValues")
    void createRejectsValuesOutsideTheSpec(String field, Consumer<CreateParticipantRequest.Builder> set, String rule) {
        assertThatThrownBy(() -> set.accept(create()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(" + field + ")")
                .hasMessageContaining(rule);
    }

    @Test
    void createAcceptsTheBoundsOfEachRange() {
        assertThatCode(() -> create().timeout(5).timeout(600).maxParticipants(2).maxParticipants(250)
                .machineDetectionSpeechThreshold(1000).machineDetectionSpeechThreshold(6000)
                .machineDetectionSpeechEndThreshold(500).machineDetectionSpeechEndThreshold(5000)
                .machineDetectionSilenceTimeout(2000).machineDetectionSilenceTimeout(10000)
                .callerDisplayName("ab").callerDisplayName("a".repeat(255))
                .callSidToCoach(CALL).byoc("BY0123456789abcdef0123456789abcdef").build())
                .doesNotThrowAnyException();
    }

    @Test
    void fromToAndConferenceAreRequired() {
        assertThatThrownBy(() -> CreateParticipantRequest.builder(" ", "+1", "+2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conference");
        assertThatThrownBy(() -> CreateParticipantRequest.builder("c", null, "+2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(From)");
        assertThatThrownBy(() -> CreateParticipantRequest.builder("c", "+1", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(To)");
    }

    @Test
    void coachingNeedsTheCallToCoach() {
        assertThatThrownBy(() -> create().coaching(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Coaching").hasMessageContaining("CallSidToCoach");
        assertThatThrownBy(() -> UpdateParticipantRequest.builder().coaching(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CallSidToCoach");
        assertThat(create().coaching(true).callSidToCoach(CALL).build().coaching()).isTrue();
        assertThat(UpdateParticipantRequest.builder().coaching(false).build().coaching()).isFalse();
    }

    @Test
    void updateChecksTheCoachedSid() {
        assertThatThrownBy(() -> UpdateParticipantRequest.builder().callSidToCoach("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(CallSidToCoach)");
    }

    @Test
    void listChecksConferencePageSizeAndPage() {
        assertThat(ListParticipantsRequest.builder("standup").build().conference()).as("a friendly name")
                .isEqualTo("standup");
        assertThatThrownBy(() -> ListParticipantsRequest.builder("stand\nup"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ConferenceSid");
        assertThatThrownBy(() -> ListParticipantsRequest.builder(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ConferenceSid");
        assertThatThrownBy(() -> ListParticipantsRequest.builder(CONFERENCE).pageSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(PageSize)")
                .hasMessageContaining("from 1 to 1000");
        assertThatThrownBy(() -> ListParticipantsRequest.builder(CONFERENCE).pageSize(1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(PageSize)");
        assertThatThrownBy(() -> ListParticipantsRequest.builder(CONFERENCE).page(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(Page)");
        ListParticipantsRequest ok = ListParticipantsRequest.builder(CONFERENCE).pageSize(1).pageSize(1000).page(0)
                .muted(true).build();
        assertThat(ok.pageSize()).isEqualTo(1000);
        assertThat(ok.muted()).isTrue();
        assertThat(ok.hold()).isNull();
    }

    @Test
    void toStringNeverShowsTheSipPassword() {
        CreateParticipantRequest request = create().sipAuthUsername("alice").sipAuthPassword("s3cret-Pa55").build();
        assertThat(request.toString()).contains("sipAuthUsername=alice").contains("sipAuthPassword=****")
                .doesNotContain("s3cret-Pa55");
        assertThat(request.sipAuthPassword()).isEqualTo("s3cret-Pa55");
    }

    @Test
    void requestsAreImmutableValues() {
        CreateParticipantRequest.Builder builder = create().statusCallbackEvents(
                ParticipantCallbackEvent.RINGING, ParticipantCallbackEvent.ANSWERED);
        CreateParticipantRequest first = builder.build();
        CreateParticipantRequest second = builder.build();
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        builder.statusCallbackEvents(ParticipantCallbackEvent.COMPLETED);
        assertThat(first.statusCallbackEvents())
                .containsExactly(ParticipantCallbackEvent.RINGING, ParticipantCallbackEvent.ANSWERED);
        assertThat(builder.build()).isNotEqualTo(first);
        assertThat(create().build().statusCallbackEvents()).isEmpty();
    }
}
