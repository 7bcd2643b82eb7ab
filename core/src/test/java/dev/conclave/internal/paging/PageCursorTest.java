package dev.conclave.internal.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.DecodingException;
import dev.conclave.http.TransportException;
import dev.conclave.model.Participant;
import dev.conclave.model.ParticipantPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The walk's reading ahead, driven step by step: each page read is held until the test plays its decoder (the
 * report of {@code next_page_uri}, then the page). Over real servers the integration tests (PagingTest,
 * AsyncApiTest) check what reaches the wire; these check the orderings a fast server never shows.
 */
class PageCursorTest {
    private static final String BASE = "http://127.0.0.1:1";

    /** One page read the cursor started, held until the test completes it. */
    private record Started(URI uri, boolean callerWaits, Consumer<String> report,
                           CompletableFuture<ParticipantPage> page) {
        /** Plays the decoder: reports the next page's URI (if any), then completes with {@code size} participants. */
        void answer(int size, String next) {
            if (next != null) {
                report.accept(next);
            }
            page.complete(PageCursorTest.page(size, next));
        }
    }

    private final List<Started> started = new ArrayList<>();

    private PageCursor<ParticipantPage> cursor(long limit, int pageSize, boolean readAhead) {
        return cursor(limit, pageSize, readAhead ? ListingPlan.ALWAYS : ListingPlan.NEVER);
    }

    private PageCursor<ParticipantPage> cursor(long limit, int pageSize, long readAheadAfterNanos) {
        return new PageCursor<ParticipantPage>(URI.create(BASE + "/p0"), limit, pageSize, readAheadAfterNanos, true, "context",
                (uri, callerWaits, context, report) -> {
                    assertThat(context).as("every page's call is made within the walk's context").isEqualTo("context");
                    Started read = new Started(uri, callerWaits, report, new CompletableFuture<>());
                    started.add(read);
                    return read.page;
                },
                (current, relative) -> URI.create(BASE + relative), dev.conclave.internal.json.ParticipantJson::truncated);
    }

    private static ParticipantPage page(int size, String next) {
        List<Participant> participants = IntStream.range(0, size).mapToObj(i -> new Participant(null, "CA" + i, null,
                null, null, null, null, null, null, null, null, null, null, null, null)).toList();
        return new ParticipantPage(participants, 0, size, 0, size - 1, null, null, next, null);
    }

    private List<String> startedUris() {
        return started.stream().map(read -> read.uri().getPath()).toList();
    }

    /** Reads the first page (never read ahead of) in full: 2 participants, next is /p1. */
    private static void readFirstPage(PageCursor<ParticipantPage> cursor, List<Started> started) throws Exception {
        CompletableFuture<ParticipantPage> first = cursor.next();
        started.get(0).answer(2, "/p1");
        assertThat(first.get().size()).isEqualTo(2);
    }

    @Test
    void fromTheSecondPageOnTheNextIsAskedForAsSoonAsItsUriIsReportedAndOnlyOneAhead() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, true);
        readFirstPage(cursor, started);
        assertThat(startedUris()).as("nothing read ahead of the first page, which may be all a caller wants")
                .containsExactly("/p0");
        CompletableFuture<ParticipantPage> second = cursor.next();
        assertThat(started.get(1).callerWaits()).isTrue();
        started.get(1).report().accept("/p2");
        assertThat(startedUris()).as("asked for while the second page is still being decoded")
                .containsExactly("/p0", "/p1", "/p2");
        assertThat(started.get(2).callerWaits()).as("a page read ahead has no caller waiting for it").isFalse();
        started.get(1).page().complete(page(2, "/p2"));
        assertThat(second.get().size()).isEqualTo(2);

        // The page read ahead reports its successor before the consumer takes it: held back, one ahead only.
        started.get(2).answer(2, "/p3");
        assertThat(startedUris()).hasSize(3);
        CompletableFuture<ParticipantPage> third = cursor.next();
        assertThat(startedUris()).as("taking the page read ahead reads the one after it")
                .containsExactly("/p0", "/p1", "/p2", "/p3");
        assertThat(third.get().size()).isEqualTo(2);

        started.get(3).answer(1, null);
        assertThat(cursor.next().get().size()).isEqualTo(1);
        assertThat(cursor.hasNext()).isFalse();
        assertThat(startedUris()).hasSize(4);
    }

    @Test
    void noPageIsReadAheadWhileThePageBeingReadMayReachTheLimit() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(7, 2, true);
        readFirstPage(cursor, started);
        CompletableFuture<ParticipantPage> second = cursor.next();
        started.get(1).answer(2, "/p2");
        assertThat(startedUris()).as("5 left before this page of 2").containsExactly("/p0", "/p1", "/p2");
        second.get();
        CompletableFuture<ParticipantPage> third = cursor.next();
        started.get(2).answer(2, "/p3");
        assertThat(startedUris()).as("3 left before this page of 2").hasSize(4);
        third.get();
        CompletableFuture<ParticipantPage> fourth = cursor.next();
        started.get(3).answer(2, "/p4");
        assertThat(fourth.get().size()).as("cut to the limit").isEqualTo(1);
        assertThat(startedUris()).as("nothing read beyond the limit").hasSize(4);
        assertThat(cursor.hasNext()).isFalse();
    }

    @Test
    void withAThresholdAPageIsReadAheadOfOnlyAfterTwoRoundTripsInARowReachedIt() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, TimeUnit.MILLISECONDS.toNanos(200));
        CompletableFuture<ParticipantPage> first = cursor.next();
        Thread.sleep(250);
        started.get(0).answer(2, "/p1");
        first.get();
        CompletableFuture<ParticipantPage> second = cursor.next();
        Thread.sleep(250);
        started.get(1).answer(2, "/p2");
        assertThat(startedUris()).as("after two round trips of 250 ms or more").containsExactly("/p0", "/p1", "/p2");
        second.get();
        CompletableFuture<ParticipantPage> third = cursor.next();
        started.get(2).answer(2, "/p3");
        third.get();
        assertThat(startedUris()).as("after a quick round trip").hasSize(3);
        CompletableFuture<ParticipantPage> fourth = cursor.next();
        assertThat(startedUris()).as("asked for when taken").containsExactly("/p0", "/p1", "/p2", "/p3");
        Thread.sleep(250);
        started.get(3).answer(2, "/p4");
        fourth.get();
        assertThat(startedUris()).as("one slow round trip after a quick one, e.g. a pause on a fast link").hasSize(4);
        CompletableFuture<ParticipantPage> fifth = cursor.next();
        Thread.sleep(250);
        started.get(4).answer(2, "/p5");
        assertThat(startedUris()).as("the second slow one in a row").hasSize(6);
        fifth.get();
    }

    @Test
    void withoutReadAheadAPageIsAskedForOnlyWhenTaken() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, false);
        readFirstPage(cursor, started);
        cursor.next();
        started.get(1).answer(2, "/p2");
        assertThat(startedUris()).containsExactly("/p0", "/p1");
        cursor.next();
        assertThat(startedUris()).containsExactly("/p0", "/p1", "/p2");
        assertThat(started.get(2).callerWaits()).isTrue();
    }

    @Test
    void aPageReadAheadThatIsNotTheNextOneIsCancelledAndTheRightOneRead() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, true);
        readFirstPage(cursor, started);
        CompletableFuture<ParticipantPage> second = cursor.next();
        // A repeated next_page_uri member: the first value starts the read ahead, the last one is the page's.
        started.get(1).report().accept("/stale");
        started.get(1).answer(2, "/p2");
        assertThat(second.get().nextPageUri()).isEqualTo("/p2");
        CompletableFuture<ParticipantPage> third = cursor.next();
        assertThat(started.get(2).page()).as("the page read ahead for nothing").isCancelled();
        assertThat(startedUris()).containsExactly("/p0", "/p1", "/stale", "/p2");
        started.get(3).answer(1, null);
        assertThat(third.get().size()).isEqualTo(1);
    }

    @Test
    void closingCancelsThePageReadAheadAndReadsNoOther() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, true);
        readFirstPage(cursor, started);
        cursor.next();
        started.get(1).answer(2, "/p2");
        cursor.close();
        assertThat(started.get(2).page()).isCancelled();
        started.get(2).report().accept("/p3");
        assertThat(startedUris()).containsExactly("/p0", "/p1", "/p2");
    }

    @Test
    void aFailedPageCancelsThePageReadAheadOfIt() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, true);
        readFirstPage(cursor, started);
        CompletableFuture<ParticipantPage> second = cursor.next();
        started.get(1).report().accept("/p2");
        started.get(1).page().completeExceptionally(new DecodingException("cut short", 200, null, null));
        assertThat(second).isCompletedExceptionally();
        assertThat(started.get(2).page()).isCancelled();
        assertThat(cursor.hasNext()).isFalse();
    }

    @Test
    void whatThePageReadAheadFailedWithReachesTheConsumerWhenItTakesThatPage() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, true);
        readFirstPage(cursor, started);
        cursor.next();
        started.get(1).answer(2, "/p2");
        TransportException refused = new TransportException(TransportException.Reason.CONNECT_FAILED, "refused",
                null);
        started.get(2).page().completeExceptionally(refused);
        CompletableFuture<ParticipantPage> third = cursor.next();
        assertThatThrownBy(third::get).isInstanceOf(ExecutionException.class).hasCause(refused);
        assertThat(startedUris()).as("not asked for a second time").hasSize(3);
    }

    @Test
    void aNextPageUriThatRepeatsThePageIsNotReadAheadAndFailsTheWalk() throws Exception {
        PageCursor<ParticipantPage> cursor = cursor(-1, 2, true);
        readFirstPage(cursor, started);
        CompletableFuture<ParticipantPage> second = cursor.next();
        started.get(1).answer(2, "/p1");
        assertThat(startedUris()).containsExactly("/p0", "/p1");
        assertThatThrownBy(second::get).hasCauseInstanceOf(DecodingException.class)
                .hasMessageContaining("repeats the page just read");
    }
}
