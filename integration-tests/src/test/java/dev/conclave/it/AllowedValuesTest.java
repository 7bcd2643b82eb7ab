package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.ApiException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.HttpMethod;
import dev.conclave.emulator.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A value a field's set does not list fails before anything is sent, unless the caller asked for it. */
@Timeout(30)
class AllowedValuesTest extends Fixture {
    @BeforeEach
    void clear() {
        emulator.clearJournal();
    }

    @Test
    void aValueTheSpecDoesNotAllowNeverLeaves() {
        assertThatThrownBy(() -> client.participants().create(
                CreateParticipantRequest.builder("allowed-room", "+15005550006", "+15558675310")
                        .statusCallbackMethod(HttpMethod.of("PUT")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StatusCallbackMethod").hasMessageContaining("GET, POST");
        assertThat(emulator.journal()).isEmpty();
    }

    @Test
    void anUnlistedValueIsSentAsItIsAndTwiliosAnswerComesBack() {
        List<String> offSpec = conformance.offSpec(() -> assertThatThrownBy(() -> client.participants().create(
                CreateParticipantRequest.builder("allowed-room", "+15005550006", "+15558675310")
                        .statusCallbackMethod(HttpMethod.unlisted("PUT")).build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.twilioMessage()).contains("StatusCallbackMethod");
                }));
        assertThat(offSpec).singleElement().asString().contains("/StatusCallbackMethod").contains("PUT");
        List<RecordedRequest> journal = emulator.journal();
        assertThat(journal).hasSize(1);
        assertThat(journal.get(0).formValues("StatusCallbackMethod")).containsExactly("PUT");
    }
}
