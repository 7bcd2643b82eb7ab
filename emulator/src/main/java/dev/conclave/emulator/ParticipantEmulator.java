package dev.conclave.emulator;

import dev.conclave.emulator.internal.CallbackSender;
import dev.conclave.emulator.internal.EmulatorServer;
import dev.conclave.emulator.internal.ParticipantApi;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * An in-process HTTP server on 127.0.0.1 that behaves like Twilio's Conference Participant API, for tests,
 * demos and benchmarks.
 *
 * <p>It authenticates with HTTP Basic (account SID and auth token, or API key and secret), makes conferences
 * on demand (a create naming a friendly name), keeps labels unique per conference, moves each call from
 * {@code queued} through {@code connecting} and {@code ringing} to {@code connected} one step each time it is
 * shown after its create, filters and pages lists with {@code PageToken} and relative {@code next_page_uri},
 * answers Twilio's error JSON and codes (20003, 20404, 21201, 21213; 20001 for a parameter the spec does not
 * allow), and records the requests in a {@link #journal()} (the last 100,000 unless told otherwise). When a create names a {@code StatusCallback} or
 * {@code ConferenceStatusCallback} (with their event lists), it sends the matching callbacks, signed with the
 * account's auth token as Twilio signs them, to that URL as the call progresses, joins, is muted, held and
 * leaves; only loopback URLs are called ({@link #sentCallbacks()}). In strict mode (the default) an unknown parameter
 * name, a repeated single-valued parameter or a value outside what Twilio's API definition allows is refused
 * with 400 and a message naming it. A create whose {@code To} is {@code +15005550001} places a call that
 * fails.
 *
 * <pre>{@code
 * try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
 *     ConclaveClient client = ConclaveClient.builder()
 *             .credentials(emulator.accountSid(), emulator.authToken())
 *             .baseUri(emulator.baseUri())
 *             .build();
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the server and its threads.
 */
public final class ParticipantEmulator implements AutoCloseable {
    private static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-fA-F]{32}$");
    private static final int DEFAULT_JOURNAL_LIMIT = 100_000;

    private final ParticipantApi api;
    private final EmulatorServer server;
    private final String accountSid;
    private final String authToken;
    private final ArrayDeque<RecordedRequest> journal = new ArrayDeque<>();
    private final int journalLimit;
    private long forgottenRequests;
    private final FaultInjector faults = new FaultInjector();
    private final List<SentCallback> sentCallbacks = new ArrayList<>();
    private final CallbackSender callbackSender;
    private final boolean https;

    private ParticipantEmulator(Builder builder) {
        Map<String, String> accounts = new LinkedHashMap<>(builder.accounts);
        if (accounts.isEmpty()) {
            accounts.put("AC" + randomHex(), randomHex());
        }
        Map.Entry<String, String> first = accounts.entrySet().iterator().next();
        this.accountSid = first.getKey();
        this.authToken = first.getValue();
        this.callbackSender = new CallbackSender(sent -> {
            synchronized (sentCallbacks) {
                sentCallbacks.add(sent);
                sentCallbacks.notifyAll();
            }
        });
        Map<String, String> tokens = Map.copyOf(accounts);
        this.api = new ParticipantApi(accounts, builder.apiKeys, builder.strict, builder.statusProgression,
                Clock.systemUTC(), (account, url, method, parameters) -> callbackSender.send(url, method, parameters,
                        tokens.get(account)));
        this.https = builder.tls != null;
        this.journalLimit = builder.journalLimit;
        Consumer<? super RecordedExchange> listener = builder.exchangeListener;
        EmulatorServer started;
        try {
            started = new EmulatorServer(builder.port, api, exchange -> {
                // Made only when someone reads it: a benchmark's emulator (no listener, no journal) allocates nothing.
                RecordedRequest recorded = listener != null || journalLimit != 0 ? recorded(exchange) : null;
                if (listener != null) {
                    listener.accept(new RecordedExchange(recorded, EmulatorServer.contentType(exchange.reply()),
                            exchange.reply().body()));
                }
                if (journalLimit == 0) {
                    synchronized (journal) {
                        forgottenRequests++;
                    }
                    return;
                }
                synchronized (journal) {
                    if (journal.size() == journalLimit) {
                        journal.removeFirst();
                        forgottenRequests++;
                    }
                    journal.addLast(recorded);
                }
            }, builder.tls, faults);
        } catch (RuntimeException cannotListen) {
            callbackSender.close();
            throw cannotListen;
        }
        this.server = started;
    }

    private static RecordedRequest recorded(EmulatorServer.Exchange exchange) {
        return new RecordedRequest(exchange.method(), exchange.rawPath(), exchange.rawQuery(), exchange.headers(),
                exchange.body(), exchange.responseStatus(), exchange.fault() == null ? null : exchange.fault().label());
    }

    /**
     * The faults this emulator injects: scripted ones for the next requests of a route, seeded random ones for
     * the rest, and the counts of what was injected. The journal names each request's fault.
     *
     * @return this emulator's fault injector
     */
    public FaultInjector faults() {
        return faults;
    }

    /**
     * Starts an emulator with one generated account, strict checking and status progression, on a free port.
     *
     * @return the running emulator; close it to stop it
     * @throws IllegalStateException if it cannot listen on 127.0.0.1
     */
    public static ParticipantEmulator start() {
        return builder().start();
    }

    /** {@return a new builder, with the defaults {@link #start()} uses} */
    public static Builder builder() {
        return new Builder();
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@return where clients send requests, e.g. {@code http://127.0.0.1:54321} ({@code https://} with TLS on)} */
    public URI baseUri() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + server.port());
    }

    /** {@return the port being listened on, on 127.0.0.1} */
    public int port() {
        return server.port();
    }

    /** {@return the first account's SID, {@code AC} followed by 32 hex digits} */
    public String accountSid() {
        return accountSid;
    }

    /** {@return the first account's auth token (a local test credential)} */
    public String authToken() {
        return authToken;
    }

    /**
     * Creates a conference in the first account, as a create by friendly name would (or finds it).
     *
     * @param friendlyName the conference's friendly name, not blank
     * @return the conference SID, {@code CF...}
     * @throws IllegalArgumentException if the name is blank
     */
    public String createConference(String friendlyName) {
        return createConference(accountSid, friendlyName);
    }

    /**
     * Creates (or finds) a conference in the given account.
     *
     * @param accountSid the account, {@code AC} followed by 32 hex digits
     * @param friendlyName the conference's friendly name, not blank
     * @return the conference SID
     * @throws IllegalArgumentException if the account SID is malformed or the name is blank
     */
    public String createConference(String accountSid, String friendlyName) {
        if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("accountSid must be AC followed by 32 hex digits");
        }
        if (friendlyName == null || friendlyName.isBlank()) {
            throw new IllegalArgumentException("friendlyName must not be blank");
        }
        return api.createConference(accountSid, friendlyName);
    }

    /**
     * Finds a conference of the first account by its friendly name.
     *
     * @param friendlyName the name
     * @return the SID of the conference with this friendly name, or empty if there is none
     */
    public Optional<String> conferenceSid(String friendlyName) {
        return api.conferenceSid(accountSid, friendlyName);
    }

    /**
     * Adds participants straight into a conference, without HTTP, for paging tests and benchmarks. Participant
     * {@code i} (counting from 0 within this call) is labelled {@code String.format("seed-%05d", n)} where
     * {@code n} counts from the conference's current size, is muted when {@code i % 3 == 0}, on hold when
     * {@code i % 5 == 0}, not coaching, and {@code connected}.
     *
     * @param conferenceSid the conference, {@code CF...}
     * @param count how many participants to add, 0 or more
     * @return the new call SIDs in order
     * @throws IllegalArgumentException if there is no such conference, or {@code count} is negative
     */
    public List<String> seedParticipants(String conferenceSid, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, got " + count);
        }
        return api.seed(conferenceSid, count);
    }

    /**
     * How many participants the conference has now.
     *
     * @param conferenceSid the conference, {@code CF...}
     * @return its participant count
     * @throws IllegalArgumentException if there is no such conference
     */
    public int participantCount(String conferenceSid) {
        return api.participantCount(conferenceSid);
    }

    /**
     * A snapshot of the requests received since start or the last {@link #clearJournal()}, in arrival order: all of
     * them, or the last {@link Builder#journalLimit(int) journalLimit} when more arrived ({@link
     * #forgottenRequests()} says how many were left out).
     *
     * @return the requests, oldest first; a copy
     */
    public List<RecordedRequest> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /**
     * How many requests received since start or the last {@link #clearJournal()} the journal no longer holds because
     * of its {@link Builder#journalLimit(int) limit}: a test that asserts on every request checks this is 0.
     *
     * @return the number of requests left out of the journal
     */
    public long forgottenRequests() {
        synchronized (journal) {
            return forgottenRequests;
        }
    }

    /** Forgets the requests received so far (and the count of those already forgotten). */
    public void clearJournal() {
        synchronized (journal) {
            journal.clear();
            forgottenRequests = 0;
        }
    }

    /**
     * Every status callback sent (or refused) since start or the last {@link #clearSentCallbacks()}, in the
     * order sent. Callbacks go out on their own thread, shortly after the request that caused them.
     *
     * @return the callbacks, oldest first; a copy
     */
    public List<SentCallback> sentCallbacks() {
        synchronized (sentCallbacks) {
            return List.copyOf(sentCallbacks);
        }
    }

    /**
     * Waits until at least {@code count} callbacks were sent (or refused), or the timeout passes. An interrupt
     * ends the wait early, with the thread's interrupt flag set again.
     *
     * @param count how many callbacks to wait for
     * @param timeout how long to wait at most
     * @return the callbacks sent so far, however many
     */
    public List<SentCallback> awaitSentCallbacks(int count, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sentCallbacks) {
            long left;
            while (sentCallbacks.size() < count && (left = deadline - System.nanoTime()) > 0) {
                try {
                    sentCallbacks.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.copyOf(sentCallbacks);
        }
    }

    /** Forgets the callbacks sent so far. */
    public void clearSentCallbacks() {
        synchronized (sentCallbacks) {
            sentCallbacks.clear();
        }
    }

    /** {@return the client connections open now} */
    public int openConnections() {
        return server.openConnections();
    }

    /**
     * The most client connections that were open at the same time since start or the last
     * {@link #resetPeakConnections()}: what a test asserts to check a client's pool limit.
     *
     * @return the peak number of connections open at once
     */
    public int peakOpenConnections() {
        return server.peakOpenConnections();
    }

    /** Starts measuring {@link #peakOpenConnections()} again from the connections open now. */
    public void resetPeakConnections() {
        server.resetPeak();
    }

    /** {@return the client connections accepted since start} */
    public long acceptedConnections() {
        return server.acceptedConnections();
    }

    /** Stops listening, closes connections and stops the server's threads (within a few seconds). */
    @Override
    public void close() {
        server.close();
        callbackSender.close();
    }

    @Override
    public String toString() {
        return "ParticipantEmulator[" + baseUri() + ", account=" + accountSid + ']';
    }

    /** Configures a {@link ParticipantEmulator}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private final Map<String, String[]> apiKeys = new LinkedHashMap<>();
        private boolean strict = true;
        private boolean statusProgression = true;
        private int port;
        private SSLContext tls;
        private int journalLimit = DEFAULT_JOURNAL_LIMIT;
        private Consumer<? super RecordedExchange> exchangeListener;

        private Builder() {
        }

        /**
         * Serves HTTPS instead of HTTP, with this server-side TLS context (its key manager holds the
         * certificate, e.g. one made at test time for {@code 127.0.0.1}). {@link #baseUri()} then says
         * {@code https}.
         *
         * @param serverContext an initialised TLS context with a key manager, or {@code null} for plain HTTP
         * @return this builder
         */
        public Builder https(SSLContext serverContext) {
            this.tls = serverContext;
            return this;
        }

        /**
         * Adds an account; the first one added is the default of {@link #accountSid()}.
         *
         * @param accountSid the account's SID, {@code AC} followed by 32 hex digits
         * @param authToken its auth token, not blank
         * @return this builder
         * @throws IllegalArgumentException if the SID is malformed or the token blank
         */
        public Builder account(String accountSid, String authToken) {
            if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
                throw new IllegalArgumentException("accountSid must be AC followed by 32 hex digits");
            }
            if (authToken == null || authToken.isBlank()) {
                throw new IllegalArgumentException("authToken must not be blank");
            }
            accounts.put(accountSid, authToken);
            return this;
        }

        /**
         * Adds an API key that authenticates for {@code accountSid}.
         *
         * @param accountSid the account the key acts for
         * @param apiKeySid the key's SID, the Basic auth user name
         * @param apiKeySecret the key's secret, the Basic auth password
         * @return this builder
         * @throws NullPointerException if any argument is null
         */
        public Builder apiKey(String accountSid, String apiKeySid, String apiKeySecret) {
            Objects.requireNonNull(accountSid, "accountSid");
            Objects.requireNonNull(apiKeySid, "apiKeySid");
            Objects.requireNonNull(apiKeySecret, "apiKeySecret");
            apiKeys.put(apiKeySid, new String[] {accountSid, apiKeySecret});
            return this;
        }

        /**
         * Whether parameter names the spec does not have are refused with 400 (default true).
         *
         * @param strict true to refuse them, false to ignore them
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Whether calls progress queued, connecting, ringing, connected as they are shown (default true).
         *
         * @param statusProgression true to progress them, false to leave each call as created
         * @return this builder
         */
        public Builder statusProgression(boolean statusProgression) {
            this.statusProgression = statusProgression;
            return this;
        }

        /**
         * How many requests the {@link ParticipantEmulator#journal() journal} holds: beyond it the oldest are
         * forgotten (and counted), so that an emulator serving a long soak test or a benchmark does not keep every
         * request it ever received. 0 records none, for a server nobody asks what it received. Default 100,000.
         *
         * @param limit the most requests held, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if the limit is negative
         */
        public Builder journalLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("journalLimit must be 0 or more, got " + limit);
            }
            this.journalLimit = limit;
            return this;
        }

        /**
         * Hands every exchange, request and answer, to {@code listener} as it is answered, whatever the journal
         * keeps. The listener runs on the emulator's I/O threads, possibly two at a time: it must be quick,
         * thread-safe and must not throw (what it throws is lost with the exchange's answer).
         *
         * @param listener receives each exchange, or {@code null} for none (the default)
         * @return this builder
         */
        public Builder exchangeListener(Consumer<? super RecordedExchange> listener) {
            this.exchangeListener = listener;
            return this;
        }

        /**
         * The port to listen on, on 127.0.0.1; 0 (the default) picks a free one.
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if the port is out of that range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Starts the emulator. A port that cannot be bound (one in use) fails at once, and leaves no thread behind.
         *
         * @return the running emulator; close it to stop it
         * @throws IllegalStateException if the port cannot be bound
         */
        public ParticipantEmulator start() {
            return new ParticipantEmulator(this);
        }
    }
}
