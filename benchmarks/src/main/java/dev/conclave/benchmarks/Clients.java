package dev.conclave.benchmarks;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.conference.Participant;
import dev.conclave.AsyncListing;
import dev.conclave.Listing;
import dev.conclave.ConclaveClient;
import dev.conclave.model.ListParticipantsRequest;
import dev.conclave.emulator.ParticipantEmulator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The clients the network benchmarks compare, by name: Conclave as {@code transport-shape} ({@code apache},
 * {@code netty} or {@code jdk}; {@code sync} or {@code async}), {@code official}, and {@code raw-apache}: the floor,
 * Apache HttpClient alone reading each page's bytes and following its {@code next_page_uri}, decoding nothing.
 */
final class Clients implements AutoCloseable {
    private final String name;
    private final ConclaveClient conclave;
    private final TwilioRestClient official;
    private final RawApache raw;
    private final String accountSid;

    /**
     * The emulator the network benchmarks talk to: calls do not progress through statuses, and it keeps no journal
     * of requests, which nobody reads here and which, kept, grew by every request: in a page-of-50 listing run the
     * heap left after each young collection grew by about 6 MB, and the pauses from 9 to 107 ms, penalising most the
     * client that makes the most requests per iteration.
     */
    static ParticipantEmulator emulator() {
        return ParticipantEmulator.builder().statusProgression(false).journalLimit(0).start();
    }

    Clients(String name, ParticipantEmulator emulator) {
        this(name, emulator, builder -> builder);
    }

    /**
     * @param configure adds settings to a Conclave client's builder (e.g. registries); unused for {@code official}
     */
    Clients(String name, ParticipantEmulator emulator, UnaryOperator<ConclaveClient.Builder> configure) {
        this.name = name;
        this.accountSid = emulator.accountSid();
        if (name.equals("official")) {
            conclave = null;
            raw = null;
            official = Official.pointedAt(emulator.baseUri(), emulator.accountSid(), emulator.authToken());
        } else if (name.equals("raw-apache")) {
            conclave = null;
            official = null;
            raw = new RawApache(emulator.baseUri(), emulator.accountSid(), emulator.authToken());
        } else {
            String transport = name.substring(0, name.indexOf('-'));
            conclave = configure.apply(ConclaveClient.builder().credentials(emulator.accountSid(),
                    emulator.authToken()).baseUri(emulator.baseUri()).transport(transport)).build();
            official = null;
            raw = null;
            if (!conclave.transportName().equals(transport)) {
                throw new IllegalStateException("asked for " + transport + ", got " + conclave.transportName());
            }
        }
    }

    /**
     * Reads every participant of the conference, {@code pageSize} per page, and counts them.
     *
     * @param readAhead whether Conclave reads a page ahead, {@code null} for its default (unused for
     *     {@code official})
     */
    long listAll(String conferenceSid, int pageSize, Boolean readAhead) {
        if (raw != null) {
            return raw.listAll(conferenceSid, pageSize, false);
        }
        if (official != null) {
            long count = 0;
            for (Participant each : Participant.reader(accountSid, conferenceSid).setPageSize((long) pageSize)
                    .read(official)) {
                if (each.getCallSid() != null) {
                    count++;
                }
            }
            return count;
        }
        ListParticipantsRequest request = ListParticipantsRequest.builder(conferenceSid).pageSize(pageSize).build();
        if (name.endsWith("-async")) {
            AtomicLong count = new AtomicLong();
            AsyncListing<dev.conclave.model.Participant, dev.conclave.model.ParticipantPage> listing = conclave.participants().async().list(request);
            if (readAhead != null) {
                listing = listing.readAhead(readAhead);
            }
            listing.forEach(each -> {
                if (each.callSid() != null) {
                    count.incrementAndGet();
                }
            }).join();
            return count.get();
        }
        long count = 0;
        Listing<dev.conclave.model.Participant, dev.conclave.model.ParticipantPage> listing = conclave.participants().list(request);
        if (readAhead != null) {
            listing = listing.readAhead(readAhead);
        }
        for (dev.conclave.model.Participant each : listing) {
            if (each.callSid() != null) {
                count++;
            }
        }
        return count;
    }

    /**
     * What {@link #listAll} returns for a whole listing: the participants listed, or for {@code raw-apache}, which
     * counts nothing, the bytes read; the check a benchmark's set-up makes that the listing is whole.
     *
     * @return the participants {@code listAll} listed (for {@code raw-apache}, counted in the bytes it read)
     */
    long countAll(String conferenceSid, int pageSize, Boolean readAhead) {
        return raw != null ? raw.listAll(conferenceSid, pageSize, true) : listAll(conferenceSid, pageSize, readAhead);
    }

    /** Fetches one participant and returns its call SID. */
    String fetch(String conferenceSid, String callSid) {
        if (raw != null) {
            throw new UnsupportedOperationException("raw-apache only lists");
        }
        if (official != null) {
            return Participant.fetcher(accountSid, conferenceSid, callSid).fetch(official).getCallSid();
        }
        if (name.endsWith("-async")) {
            return conclave.participants().async().fetch(conferenceSid, callSid).join().callSid();
        }
        return conclave.participants().fetch(conferenceSid, callSid).callSid();
    }

    @Override
    public void close() {
        if (conclave != null) {
            conclave.close();
        }
        if (raw != null) {
            raw.close();
        }
    }
}
