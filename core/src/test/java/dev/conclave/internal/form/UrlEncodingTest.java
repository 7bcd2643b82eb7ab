package dev.conclave.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.model.CreateParticipantRequest;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.ParticipantCallbackEvent;
import dev.conclave.model.UpdateParticipantRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlEncodingTest {
    @Test
    void pathSegmentEncodesEverythingButUnreserved() {
        assertThat(UrlEncoding.pathSegment("agent 7/b?c#d%e+f")).isEqualTo("agent%207%2Fb%3Fc%23d%25e%2Bf");
        assertThat(UrlEncoding.pathSegment("Zoë-客服_~.")).isEqualTo("Zo%C3%AB-%E5%AE%A2%E6%9C%8D_~.");
        assertThat(UrlEncoding.pathSegment("a\uD83D\uDE00b")).isEqualTo("a%F0%9F%98%80b");
        assertThat(UrlEncoding.pathSegment("CA0123456789abcdef0123456789abcdef"))
                .isEqualTo("CA0123456789abcdef0123456789abcdef");
    }

    @Test
    void formEncodingUsesPlusForSpaceAndRepeatsListKeysInOrder() {
        CreateParticipantRequest request = CreateParticipantRequest.builder("My Room", "+15005550006", "client:joe")
                .statusCallbackEvents(ParticipantCallbackEvent.RINGING, ParticipantCallbackEvent.ANSWERED)
                .muted(false).timeout(30).label("a b&c=d").statusCallback(URI.create("https://example.com/cb?x=1"))
                .build();
        assertThat(RequestForms.createParticipant(request).text()).isEqualTo(
                "From=%2B15005550006&To=client%3Ajoe&StatusCallback=https%3A%2F%2Fexample.com%2Fcb%3Fx%3D1"
                        + "&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&Label=a+b%26c%3Dd"
                        + "&Timeout=30&Muted=false");
    }

    @Test
    void unsetFieldsAreNotSent() {
        assertThat(RequestForms.updateParticipant(UpdateParticipantRequest.builder().build()).isEmpty()).isTrue();
        assertThat(RequestForms.updateParticipant(UpdateParticipantRequest.builder().hold(true).build()).text())
                .isEqualTo("Hold=true");
        assertThat(RequestForms.updateParticipant(UpdateParticipantRequest.builder().waitUrl(URI.create("")).build()).text())
                .isEqualTo("WaitUrl=");
        ListParticipantsRequest list = ListParticipantsRequest.builder("CF0123456789abcdef0123456789abcdef")
                .hold(false).coaching(true).build();
        assertThat(RequestForms.listParticipant(list, 20).text()).isEqualTo("Hold=false&Coaching=true&PageSize=20");
        assertThat(RequestForms.listParticipant(list, null).text()).isEqualTo("Hold=false&Coaching=true");
    }
}
