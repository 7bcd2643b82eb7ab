package dev.conclave.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagePositionTest {
    @Test
    void aNextPageUriOfTwiliosIsParsed() {
        assertThat(PagePosition.of("/2010-04-01/Accounts/AC1/Conferences/CF1/Participants.json?PageSize=50&Page=2"
                + "&PageToken=PA%2BCF123%3D"))
                .contains(new PagePosition(2, "PA+CF123=", 50));
        assertThat(PagePosition.of("https://api.twilio.com/x.json?Page=1#frag")).contains(new PagePosition(1, null, null));
    }

    @Test
    void aUriNamingNoReadablePageGivesNothing() {
        assertThat(PagePosition.of(null)).isEmpty();
        assertThat(PagePosition.of("/x.json")).isEmpty();
        assertThat(PagePosition.of("/x.json?PageSize=50&PageToken=PA1")).isEmpty();
        assertThat(PagePosition.of("/x.json?Page=two")).isEmpty();
        assertThat(PagePosition.of("/x.json?Page=-1")).isEmpty();
        assertThat(PagePosition.of("/x.json?Page=1&PageSize=5000")).isEmpty();
        assertThat(PagePosition.of("/x.json?Page=1&PageToken=%zz")).isEmpty();
    }

    @Test
    void valuesOutOfRangeAreRefusedByName() {
        assertThatThrownBy(() -> new PagePosition(-1, null, null)).hasMessageContaining("page");
        assertThatThrownBy(() -> new PagePosition(0, null, 0)).hasMessageContaining("pageSize");
    }
}
