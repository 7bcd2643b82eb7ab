package dev.conclave;

import dev.conclave.http.HttpRequest;
import dev.conclave.http.HttpResponse;
import dev.conclave.internal.concurrent.Futures;
import dev.conclave.internal.form.RequestForms;
import dev.conclave.internal.json.ConferenceJson;
import dev.conclave.internal.paging.ListingPlan;
import dev.conclave.model.Conference;
import dev.conclave.model.ConferencePage;
import dev.conclave.model.ConferenceStatus;
import dev.conclave.model.ListConferencesRequest;
import dev.conclave.model.Page;
import dev.conclave.model.Sids;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Calls of one account that take a conference by SID or by friendly name. A SID ({@code CF} and 32 hex digits)
 * goes out as it is; a name is first resolved to the in-progress conference of that name with one list call
 * ({@code FriendlyName} and {@code Status=in-progress}), made with the same call options and observed as a
 * conference listing. Nothing is cached: a name is Twilio's to give to a new conference once the last one ends,
 * and a stale SID would send a call to a conference that is over.
 */
final class ConferenceNames {
    /** Enough to list the clashing SIDs when a name is ambiguous; Twilio keeps names of live conferences unique. */
    private static final int RESOLVING_PAGE_SIZE = 20;

    private final ClientRuntime runtime;
    private final String accountSid;
    private final CallOptions options;

    ConferenceNames(ClientRuntime runtime, String accountSid, CallOptions options) {
        this.runtime = runtime;
        this.accountSid = accountSid;
        this.options = options;
    }

    /** A blocking call whose request needs the conference's SID. */
    <T> T call(Operation operation, String conference, Function<String, HttpRequest> request,
               Function<HttpResponse, T> decoder) {
        String sid = isSid(conference) ? conference : ClientRuntime.await(resolve(conference, true, null));
        return runtime.call(operation, request.apply(sid), decoder, options);
    }

    /** The same call without blocking: a name is resolved first, and cancelling the future cancels either step. */
    <T> CompletableFuture<T> callAsync(Operation operation, String conference, Function<String, HttpRequest> request,
                                       Function<HttpResponse, T> decoder) {
        if (isSid(conference)) {
            return runtime.callAsync(operation, request.apply(conference), decoder, options);
        }
        return Futures.compose(resolve(conference, false, null),
                sid -> runtime.callAsync(operation, request.apply(sid), decoder, options));
    }

    /**
     * A listing under a conference: for a name, the first page's request resolves it when the listing is walked
     * (nothing is sent before), and the pages after it follow Twilio's {@code next_page_uri}, which holds the SID.
     *
     * @param pathOf the listing's path for a conference SID
     */
    <P extends Page<?>> ListingPlan<P> listing(Operation operation, String conference, Function<String, String> pathOf,
            Function<Integer, String> query, Integer pageSize, boolean callerWaits,
            ClientRuntime.PageDecoder<P> decoder, BiFunction<P, Integer, P> truncate) {
        ListingPlan<P> plan = runtime.listing(operation, pathOf.apply(conference), query, pageSize, callerWaits,
                decoder, truncate, options);
        if (isSid(conference)) {
            return plan;
        }
        String unresolved = runtime.uri(pathOf.apply(conference), null).getRawPath();
        ListingPlan.PageFetch<P> fetch = plan.fetch();
        BiFunction<URI, String, URI> follow = plan.follow();
        String marker = "CF" + "0".repeat(32);
        String sidPath = runtime.uri(pathOf.apply(marker), null).getRawPath();
        String beforeSid = sidPath.substring(0, sidPath.indexOf(marker));
        String afterSid = sidPath.substring(sidPath.indexOf(marker) + marker.length());
        return plan.withFetch((uri, waits, parent, nextPageUri) -> {
            if (!uri.getRawPath().equals(unresolved)) {
                return fetch.fetch(uri, waits, parent, nextPageUri);
            }
            return Futures.compose(resolve(conference, waits, parent), sid -> fetch.fetch(
                    runtime.uri(pathOf.apply(sid), uri.getRawQuery()), waits, parent, nextPageUri));
        }).withFollow((current, nextPageUri) -> {
            if (!current.getRawPath().equals(unresolved)) {
                return follow.apply(current, nextPageUri);
            }
            // The first page was read from the path of the SID the name resolved to: the next is on that path.
            URI following = runtime.resolvePageUri(nextPageUri);
            String path = String.valueOf(following.getRawPath());
            boolean onASidPath = path.startsWith(beforeSid) && path.endsWith(afterSid)
                    && path.length() == beforeSid.length() + marker.length() + afterSid.length()
                    && isSid(path.substring(beforeSid.length(), beforeSid.length() + marker.length()));
            if (!onASidPath) {
                throw ClientRuntime.leavesThePath(current, following);
            }
            return following;
        });
    }

    /** Whether the text is a conference SID, sent as given, rather than a friendly name to resolve. */
    static boolean isSid(String conference) {
        return Sids.isSid(Sids.CONFERENCE, conference);
    }

    /** The SID of the in-progress conference of this name, or the typed failure. */
    private CompletableFuture<String> resolve(String name, boolean callerWaits, Object parent) {
        ListConferencesRequest byName = ListConferencesRequest.builder().friendlyName(name)
                .status(ConferenceStatus.IN_PROGRESS).build();
        HttpRequest request = runtime.get(runtime.uri("/2010-04-01/Accounts/" + accountSid + "/Conferences.json",
                RequestForms.listConference(byName, RESOLVING_PAGE_SIZE).text()));
        CompletableFuture<ConferencePage> page = runtime.exchange(Operations.LIST_CONFERENCE, request,
                response -> ConferenceJson.page(response, next -> { }), callerWaits, parent, options);
        return Futures.map(page, found -> sidOf(name, found));
    }

    private static String sidOf(String name, ConferencePage page) {
        List<String> sids = page.items().stream().map(Conference::sid).toList();
        if (sids.isEmpty()) {
            throw new NotFoundException(404, 20404, "No in-progress conference is named '" + name + "'", null,
                    "Conclave looked the name up with Status=in-progress; a conference that has not started yet"
                            + " (init) or has ended (completed) is found by its SID only", null);
        }
        if (sids.size() > 1 || page.hasNextPage()) {
            throw new AmbiguousConferenceException(name, sids, page.hasNextPage());
        }
        return sids.get(0);
    }
}
