package dev.conclave.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.AsyncListing;
import dev.conclave.Listing;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.model.PagePosition;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * The first page on its own, the position of the next page kept and resumed from, and the async pages' helpers:
 * each sends exactly the requests it needs, reading ahead nothing beyond what was asked for.
 */
@Timeout(60)
class PagePositionsTest extends Fixture {
    private static final int TOTAL = 230;
    private static String conference;
    private static List<String> seeded;

    @BeforeParameterizedClassInvocation(injectArguments = false)
    static void seed() {
        conference = emulator.createConference("positions");
        seeded = emulator.seedParticipants(conference, TOTAL);
    }

    @BeforeEach
    void clear() {
        emulator.clearJournal();
    }

    private static ListParticipantsRequest pagesOf(int size) {
        return ListParticipantsRequest.builder(conference).pageSize(size).build();
    }

    private static List<String> sids(ParticipantPage page) {
        return page.items().stream().map(Participant::callSid).toList();
    }

    /** Waits a moment for a request read ahead, which would arrive after the call returned. */
    private static int requestsAfterAWhile() throws InterruptedException {
        Thread.sleep(200);
        return emulator.journal().size();
    }

    @Test
    void theFirstPageAloneIsOneRequestBlockingAndAsync() throws Exception {
        Listing<Participant, ParticipantPage> listing = client.participants().list(pagesOf(50)).readAhead(true);
        ParticipantPage first = listing.firstPage();
        assertThat(sids(first)).containsExactlyElementsOf(seeded.subList(0, 50));
        assertThat(requestsAfterAWhile()).isEqualTo(1);

        emulator.clearJournal();
        AsyncListing<Participant, ParticipantPage> async = client.participants().async().list(pagesOf(50))
                .readAhead(true);
        assertThat(sids(async.firstPage().get(20, TimeUnit.SECONDS))).containsExactlyElementsOf(seeded.subList(0, 50));
        assertThat(requestsAfterAWhile()).isEqualTo(1);

        assertThat(listing.limit(7).firstPage().items()).hasSize(7);
    }

    @Test
    void theNextPagesPositionIsKeptAndResumedFrom() {
        ParticipantPage first = client.participants().list(pagesOf(100)).firstPage();
        PagePosition next = first.nextPage().orElseThrow();
        assertThat(next.page()).isEqualTo(1);
        assertThat(next.pageSize()).isEqualTo(100);
        assertThat(next.pageToken()).isNotBlank();

        emulator.clearJournal();
        ListParticipantsRequest resumed = ListParticipantsRequest.builder(conference)
                .page(next.page()).pageToken(next.pageToken()).pageSize(next.pageSize()).build();
        List<String> rest = new ArrayList<>();
        client.participants().list(resumed).forEach(p -> rest.add(p.callSid()));
        assertThat(rest).containsExactlyElementsOf(seeded.subList(100, TOTAL));
        assertThat(emulator.journal().get(0).rawQuery()).contains("Page=1").contains("PageToken=");

        ParticipantPage last = client.participants().list(resumed).pages().iterator().next();
        PagePosition third = last.nextPage().orElseThrow();
        assertThat(third.page()).isEqualTo(2);
        ParticipantPage end = client.participants().list(ListParticipantsRequest.builder(conference)
                .page(third.page()).pageToken(third.pageToken()).pageSize(third.pageSize()).build()).firstPage();
        assertThat(end.items()).hasSize(TOTAL - 200);
        assertThat(end.nextPage()).isEmpty();
    }

    @Test
    void asyncPagesHaveLimitForEachAndToList() throws Exception {
        List<ParticipantPage> two = client.participants().async().list(pagesOf(50)).readAhead(true).pages()
                .limit(2).toList().get(20, TimeUnit.SECONDS);
        assertThat(two).hasSize(2);
        assertThat(sids(two.get(1))).containsExactlyElementsOf(seeded.subList(50, 100));
        assertThat(requestsAfterAWhile()).as("nothing read ahead beyond the second page").isEqualTo(2);

        emulator.clearJournal();
        List<Integer> sizes = new ArrayList<>();
        client.participants().async().list(pagesOf(100)).pages().forEach(page -> sizes.add(page.size()))
                .get(20, TimeUnit.SECONDS);
        assertThat(sizes).containsExactly(100, 100, TOTAL - 200);

        emulator.clearJournal();
        assertThat(client.participants().async().list(pagesOf(50)).pages().limit(0).toList()
                .get(20, TimeUnit.SECONDS)).isEmpty();
        assertThat(client.participants().async().list(pagesOf(50)).limit(120).pages().toList()
                .get(20, TimeUnit.SECONDS)).extracting(ParticipantPage::size).containsExactly(50, 50, 20);
        assertThatThrownBy(() -> client.participants().async().list(pagesOf(50)).pages().limit(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void aListingLimitedToNothingHasNoFirstPageAndSendsNothing() {
        assertThatThrownBy(() -> client.participants().list(pagesOf(50)).limit(0).firstPage())
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> client.participants().async().list(pagesOf(50)).limit(0).firstPage().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NoSuchElementException.class);
        assertThat(emulator.journal()).isEmpty();
    }
}
