package dev.conclave.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.codegen.Definitions.Api;
import dev.conclave.codegen.Definitions.Argument;
import dev.conclave.codegen.Definitions.Field;
import dev.conclave.codegen.Definitions.Kind;
import dev.conclave.codegen.Definitions.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator reads from the spec and the overlay, and what it refuses. */
class SpecReaderTest {
    private static final Path SPEC = Path.of(System.getProperty("conclave.root", "..")).resolve("spec");

    @Test
    void readsEveryParameterWithTheChecksTheSpecAndTheOverlayState() {
        Api api = SpecReader.read(SPEC);
        Operation create = api.operation("CreateParticipant");
        assertThat(create.fields()).hasSize(50);
        assertThat(create.fields().get(0).wire()).isEqualTo("From");
        Field from = field(create, "From");
        assertThat(from.required()).isTrue();
        Field coach = field(create, "CallSidToCoach");
        assertThat(coach.sidPrefix()).isEqualTo("CA");
        assertThat(coach.minLength()).as("a SID's length is part of its pattern").isNull();
        Field timeout = field(create, "Timeout");
        assertThat(timeout.min()).isEqualTo(5);
        assertThat(timeout.max()).isEqualTo(600);
        assertThat(field(create, "StatusCallbackMethod").valueSet()).isEqualTo("HttpMethod");
        Field events = field(create, "StatusCallbackEvent");
        assertThat(events.kind()).isEqualTo(Kind.VALUE_LIST);
        assertThat(events.java()).isEqualTo("statusCallbackEvents");
        assertThat(field(create, "SipAuthPassword").secret()).isTrue();
        assertThat(create.pathFields()).extracting(Field::java).containsExactly("conference");
        Operation list = api.operation("ListParticipant");
        assertThat(list.query()).isTrue();
        assertThat(field(list, "PageSize").max()).as("from the spec").isEqualTo(1000);
        Field conference = list.pathFields().get(0);
        assertThat(conference.conference()).as("a SID or a friendly name, resolved before the call").isTrue();
        assertThat(conference.sidPrefix()).as("a name is no SID: the spec's pattern holds once resolved").isNull();
        assertThat(api.operation("FetchParticipant").arguments()).extracting(Argument::conference)
                .containsExactly(true, false);
        assertThat(create.pathFields().get(0).conference()).as("Twilio takes the name itself in a create").isFalse();
        assertThat(create.pathFields().get(0).label()).as("but refuses CR, LF and NUL in it").isTrue();
        assertThat(api.operation("UpdateParticipant").fields()).hasSize(12);
    }

    @Test
    void readsTheConferenceOperationsDatesBoundsAndNarrowedValues() {
        Api api = SpecReader.read(SPEC);
        Operation list = api.operation("ListConference");
        assertThat(list.fields()).extracting(Field::java).containsExactly("dateCreated", "dateCreatedOnOrBefore",
                "dateCreatedOnOrAfter", "dateUpdated", "dateUpdatedOnOrBefore", "dateUpdatedOnOrAfter", "friendlyName",
                "status", "pageSize", "page", "pageToken");
        assertThat(field(list, "DateCreated<").kind()).isEqualTo(Kind.DATE);
        assertThat(field(list, "Status").allowed()).as("every status can be listed").isNull();
        assertThat(field(api.operation("UpdateConference"), "Status").allowed()).as("the spec's own enum")
                .containsExactly("completed");
        Field recording = field(api.operation("UpdateConferenceRecording"), "Status");
        assertThat(recording.required()).isTrue();
        assertThat(recording.allowed()).as("the overlay's").containsExactly("in-progress", "paused", "stopped");
        Definitions.Model conference = api.models().stream().filter(m -> m.name().equals("Conference")).findFirst()
                .orElseThrow();
        assertThat(conference.properties()).filteredOn(p -> p.json().equals("subresource_uris"))
                .extracting(Definitions.Property::kind).containsExactly(Kind.URI_MAP);
        assertThat(conference.properties()).filteredOn(p -> p.json().equals("region"))
                .extracting(Definitions.Property::valueSet).containsExactly("Region");
    }

    @Test
    void anAllowedValueOutsideItsSetIsRefused(@TempDir Path dir) throws IOException {
        copySpec(dir);
        Path overlay = dir.resolve("overlay.yaml");
        Files.writeString(overlay, Files.readString(overlay).replace("allowed: [in-progress, paused, stopped]",
                "allowed: [in-progress, resumed]"));
        assertThatThrownBy(() -> SpecReader.read(dir)).hasMessageContaining("Status")
                .hasMessageContaining("resumed");
    }

    @Test
    void aValueSetTheSpecListsMustMatchTheOverlay(@TempDir Path dir) throws IOException {
        copySpec(dir);
        Path overlay = dir.resolve("overlay.yaml");
        Files.writeString(overlay, Files.readString(overlay).replace("      connecting: Being dialled.\n", ""));
        assertThatThrownBy(() -> SpecReader.read(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ParticipantStatus").hasMessageContaining("connecting");
    }

    @Test
    void anOverlayFieldTheSpecDoesNotHaveIsRefused(@TempDir Path dir) throws IOException {
        copySpec(dir);
        Path overlay = dir.resolve("overlay.yaml");
        Files.writeString(overlay, Files.readString(overlay).replace("      Label: {label: true}\n",
                "      Label: {label: true}\n      Lable: {label: true}\n"));
        assertThatThrownBy(() -> SpecReader.read(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lable");
    }

    @Test
    void aMissingSpecFileIsAnError(@TempDir Path dir) throws IOException {
        copySpec(dir);
        Files.delete(dir.resolve("twilio_api_v2010_conferences.json"));
        assertThatThrownBy(() -> SpecReader.read(dir)).hasMessageContaining("twilio_api_v2010_conferences.json");
    }

    private static Field field(Operation op, String wire) {
        return op.fields().stream().filter(f -> f.wire().equals(wire)).findFirst().orElseThrow();
    }

    private static void copySpec(Path dir) throws IOException {
        for (String file : new String[] {"twilio_api_v2010_participants.json", "twilio_api_v2010_conferences.json",
            "overlay.yaml"}) {
            Files.copy(SPEC.resolve(file), dir.resolve(file));
        }
    }
}
