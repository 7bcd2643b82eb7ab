package dev.conclave.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every field of an open value set refuses a value this release does not list unless it was asked for. */
class AllowedValuesTest {
    private static final String CONFERENCE = "CF0123456789abcdef0123456789abcdef";

    @Test
    void anUnknownHttpMethodIsRefusedNamingTheFieldAndTheAllowedValues() {
        assertThatThrownBy(() -> CreateParticipantRequest.builder(CONFERENCE, "+15005550006", "+15558675310")
                .statusCallbackMethod(HttpMethod.of("PUT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statusCallbackMethod (StatusCallbackMethod) must be one of GET, POST, got 'PUT'")
                .hasMessageContaining("HttpMethod.unlisted(\"PUT\")");
    }

    @Test
    void anUnknownValueInAListIsRefused() {
        assertThatThrownBy(() -> CreateParticipantRequest.builder(CONFERENCE, "+15005550006", "+15558675310")
                .statusCallbackEvents(ParticipantCallbackEvent.RINGING, ParticipantCallbackEvent.of("answred")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statusCallbackEvents (StatusCallbackEvent) must be one of initiated, ringing,"
                        + " answered, completed, got 'answred'");
        assertThatThrownBy(() -> CreateParticipantRequest.builder(CONFERENCE, "+15005550006", "+15558675310")
                .conferenceStatusCallbackEvents(List.of(ConferenceCallbackEvent.of("started"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConferenceStatusCallbackEvent");
    }

    @Test
    void anUnlistedValueIsSentAsItIs() {
        CreateParticipantRequest request = CreateParticipantRequest.builder(CONFERENCE, "+15005550006", "+15558675310")
                .statusCallbackMethod(HttpMethod.unlisted("PUT"))
                .region(Region.unlisted("in1"))
                .statusCallbackEvents(ParticipantCallbackEvent.unlisted("transferred"))
                .build();
        assertThat(request.statusCallbackMethod().value()).isEqualTo("PUT");
        assertThat(request.statusCallbackMethod().isKnown()).isFalse();
        assertThat(request.region()).isEqualTo(Region.of("in1"));
        assertThat(request.statusCallbackEvents()).extracting(WireValue::value).containsExactly("transferred");
        assertThat(HttpMethod.unlisted("GET")).isSameAs(HttpMethod.GET);
    }

    /** Each setter of a value-set field of both request builders, called with a value of its type no one lists. */
    @Test
    void everyValueSetFieldOfEveryRequestChecks() throws Exception {
        List<String> refused = new ArrayList<>();
        refused.addAll(refusedFields(CreateParticipantRequest.builder(CONFERENCE, "+15005550006", "+15558675310")));
        refused.addAll(refusedFields(UpdateParticipantRequest.builder()));
        assertThat(refused).contains("StatusCallbackMethod", "StatusCallbackEvent", "Beep", "ConferenceRecord",
                "ConferenceTrim", "Region", "JitterBufferSize", "RecordingTrack", "MachineDetection", "Trim",
                "RecordingChannels", "HoldMethod", "AnnounceMethod", "WaitMethod");
    }

    /** The wire names in the messages of the setters that refused {@code of("not-listed")}; fails on one that took it. */
    private static List<String> refusedFields(Object builder) throws Exception {
        List<String> wireNames = new ArrayList<>();
        for (Method setter : builder.getClass().getMethods()) {
            if (setter.getParameterCount() != 1) {
                continue;
            }
            Class<?> type = setter.getParameterTypes()[0];
            Class<?> valueType = type.isArray() ? type.getComponentType() : type;
            if (!WireValue.class.isAssignableFrom(valueType)) {
                continue;
            }
            Object unknown = valueType.getMethod("of", String.class).invoke(null, "not-listed");
            Object argument = unknown;
            if (type.isArray()) {
                argument = java.lang.reflect.Array.newInstance(valueType, 1);
                java.lang.reflect.Array.set(argument, 0, unknown);
            }
            try {
                setter.invoke(builder, argument);
            } catch (InvocationTargetException thrown) {
                assertThat(thrown.getCause()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(setter.getName() + " (")
                        .hasMessageContaining(((List<?>) valueType.getMethod("knownValues").invoke(null)).stream()
                                .map(Object::toString).collect(Collectors.joining(", ")));
                String message = thrown.getCause().getMessage();
                wireNames.add(message.substring(message.indexOf('(') + 1, message.indexOf(')')));
                continue;
            }
            throw new AssertionError(setter + " took a value its set does not list");
        }
        return wireNames;
    }
}
