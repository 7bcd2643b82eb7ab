package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.NotFoundException;
import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.Participant;
import dev.conclave.model.UpdateParticipantRequest;
import dev.conclave.emulator.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Labels that need percent-encoding stay one path segment through fetch, update and delete. */
@Timeout(30)
class LabelRoundTripTest extends Fixture {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"agent 7", "sales/emea", "who?", "desk#2", "100%", "a+b", "Zoë 客服 🎧",
        "all of / ? # % + é together", "..", "."})
    void labelRoundTrips(String label) {
        Participant created = client.participants().create(CreateParticipantRequest.builder("labels", "+15005550006", "+15558675310")
                .label(label).build());
        String conference = created.conferenceSid();
        assertThat(created.label()).isEqualTo(label);

        Participant fetched = client.participants().fetch(conference, label);
        assertThat(fetched.callSid()).isEqualTo(created.callSid());
        assertThat(fetched.label()).isEqualTo(label);

        Participant muted = client.participants().update(conference, label, UpdateParticipantRequest.builder().muted(true).build());
        assertThat(muted.callSid()).isEqualTo(created.callSid());
        assertThat(muted.muted()).isTrue();

        client.participants().delete(conference, label);
        assertThatThrownBy(() -> client.participants().fetch(conference, label)).isInstanceOf(NotFoundException.class);

        List<RecordedRequest> journal = emulator.journal();
        String lastPath = journal.get(journal.size() - 1).rawPath();
        String segment = lastPath.substring(lastPath.lastIndexOf("/Participants/") + "/Participants/".length(),
                lastPath.length() - ".json".length());
        assertThat(segment).doesNotContain("/", "?", "#", " ", "+").matches("[A-Za-z0-9._~%-]+");
    }
}
