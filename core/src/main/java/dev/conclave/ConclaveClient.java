package dev.conclave;

import dev.conclave.http.TransportException;
import dev.conclave.http.AsyncHttpTransport;
import dev.conclave.http.BlockingHttpTransport;
import dev.conclave.http.HttpTransport;
import dev.conclave.Interceptor;
import dev.conclave.http.TransportSettings;
import dev.conclave.internal.concurrent.AsyncExecutor;
import dev.conclave.internal.chain.AuthenticationStep;
import dev.conclave.internal.chain.Credentials;
import dev.conclave.internal.discovery.Endpoints;
import dev.conclave.internal.chain.LoggingStep;
import dev.conclave.internal.observation.ClientMeters;
import dev.conclave.internal.observation.Observability;
import dev.conclave.internal.retry.RetryBudget;
import dev.conclave.internal.discovery.TransportDiscovery;
import dev.conclave.internal.chain.UserAgentStep;
import dev.conclave.model.Sids;
import dev.conclave.observation.ConclaveMeters;
import dev.conclave.observation.HttpAttemptObservationConvention;
import dev.conclave.observation.CallObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The entry point: a thread-safe client for Twilio's Conference API, built once and shared. It holds the
 * configuration (credentials, transport, base URI or region and edge, timeouts, retries, observation, user
 * agent) and hands out one view per resource; each view acts in the account of the credentials, and its
 * {@code forAccount(sid)} in a sub-account, {@code withOptions(...)} with other call options, {@code async()}
 * without blocking.
 *
 * <pre>{@code
 * try (ConclaveClient client = ConclaveClient.builder()
 *         .credentials(accountSid, authToken)
 *         .build()) {
 *     ParticipantOperations participants = client.participants();
 *     Participant p = participants.create(CreateParticipantRequest.builder("standup", "+15005550006",
 *             "+15558675310").label("agent-7").muted(true).build());
 *     participants.update(p.conferenceSid(), "agent-7", UpdateParticipantRequest.builder().hold(true).build());
 *     for (Participant each : participants.list(p.conferenceSid())) { ... }
 *     participants.delete(p.conferenceSid(), p.callSid());
 * }
 * }</pre>
 *
 * <p>{@link #close()} releases the transport if the client created it (found on the class path), not one
 * passed to {@link Builder#transport(HttpTransport)}. Operations after close fail with a
 * {@link TransportException} of reason {@code CANCELLED}; the views need no closing of their own.
 */
public final class ConclaveClient implements AutoCloseable {
    private final ClientRuntime runtime;
    private final String accountSid;
    private final ParticipantOperations participants;
    private final ConferenceOperations conferences;
    private final ConferenceRecordingOperations conferenceRecordings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConclaveClient(ClientRuntime runtime, String accountSid) {
        this.runtime = runtime;
        this.accountSid = accountSid;
        this.participants = new ParticipantView(runtime, accountSid, CallOptions.none());
        this.conferences = new ConferenceView(runtime, accountSid, CallOptions.none());
        this.conferenceRecordings = new ConferenceRecordingView(runtime, accountSid, CallOptions.none());
    }

    /**
     * Starts building a client.
     *
     * @return a builder with every default set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Conference Participant operations (dial in, fetch, list, mute, hold, announce, coach, kick) in the
     * credentials' account.
     *
     * @return the view; the same instance each time
     */
    public ParticipantOperations participants() {
        return participants;
    }

    /**
     * The Conference operations (list and find, fetch, end for everyone, announce to all) in the credentials'
     * account.
     *
     * @return the view; the same instance each time
     */
    public ConferenceOperations conferences() {
        return conferences;
    }

    /**
     * The operations of conferences' recordings (list, fetch, pause, resume, stop, delete) in the credentials'
     * account.
     *
     * @return the view; the same instance each time
     */
    public ConferenceRecordingOperations conferenceRecordings() {
        return conferenceRecordings;
    }

    /**
     * The account the views act in unless told otherwise.
     *
     * @return the credentials' account SID
     */
    public String accountSid() {
        return accountSid;
    }

    /**
     * The API base URI requests go to.
     *
     * @return e.g. {@code https://api.twilio.com}
     */
    public URI baseUri() {
        return runtime.baseUri();
    }

    /**
     * The transport's name.
     *
     * @return e.g. {@code apache}
     */
    public String transportName() {
        return runtime.transport().name();
    }

    /** Closes the transport if this client created it, and the async executor it made; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            runtime.close();
        }
    }

    /** Shows the account, base URI and transport; never credentials. */
    @Override
    public String toString() {
        return "ConclaveClient[account=" + accountSid + ", baseUri=" + runtime.baseUri() + ", transport="
                + runtime.transport().name() + ']';
    }

    /**
     * Configures a {@link ConclaveClient}. Credentials are required; everything else has a default.
     * Not thread-safe.
     */
    public static final class Builder {
        /** How many exchanges the default async executor lets wait for a thread: 10,000. */
        public static final int DEFAULT_ASYNC_QUEUE = 10_000;
        /** The most one attempt may take when none is set: 30 seconds. */
        public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
        /** The most one call may take, retries included, when none is set: 60 seconds. */
        public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
        /** Retries the client allows per call in the long run when none is set: 0.2. */
        public static final double DEFAULT_RETRY_BUDGET_RATIO = 0.2;
        /** Retries the client allows beyond that ratio (its reserve, full at start) when none is set: 50. */
        public static final int DEFAULT_RETRY_BUDGET_BURST = 50;

        private Credentials credentials;
        private URI baseUri;
        private String region;
        private String edge;
        private HttpTransport transport;
        private String transportName;
        private Executor asyncExecutor;
        private Duration connectTimeout = TransportSettings.DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = TransportSettings.DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnections = TransportSettings.DEFAULT_MAX_CONNECTIONS;
        private int maxResponseBytes = TransportSettings.DEFAULT_MAX_RESPONSE_BYTES;
        private String userAgentSuffix;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private double retryBudgetRatio = DEFAULT_RETRY_BUDGET_RATIO;
        private int retryBudgetBurst = DEFAULT_RETRY_BUDGET_BURST;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private ObservationRegistry observationRegistry;
        private MeterRegistry meterRegistry;
        private CallObservationConvention callConvention;
        private HttpAttemptObservationConvention attemptConvention;
        private String clientName;

        private Builder() {
        }

        /**
         * Authenticates with the account's auth token.
         *
         * @param accountSid the account, {@code AC} followed by 32 hex digits
         * @param authToken the account's auth token
         * @return this builder
         * @throws IllegalArgumentException if the SID is malformed or the token is blank
         */
        public Builder credentials(String accountSid, String authToken) {
            Sids.require("accountSid", Sids.ACCOUNT, accountSid);
            this.credentials = Credentials.authToken(accountSid, requireSecret("authToken", authToken));
            return this;
        }

        /**
         * Authenticates with an API key (recommended for servers: it can be revoked on its own).
         *
         * @param accountSid the account the requests act in, {@code AC...}
         * @param apiKeySid the API key, {@code SK} followed by 32 hex digits
         * @param apiKeySecret the API key's secret
         * @return this builder
         * @throws IllegalArgumentException if a SID is malformed or the secret is blank
         */
        public Builder apiKey(String accountSid, String apiKeySid, String apiKeySecret) {
            Sids.require("accountSid", Sids.ACCOUNT, accountSid);
            Sids.require("apiKeySid", Sids.API_KEY, apiKeySid);
            this.credentials = Credentials.apiKey(accountSid, apiKeySid, requireSecret("apiKeySecret", apiKeySecret));
            return this;
        }

        /**
         * Sends requests to another base URI: an emulator, or a proxy. Must be {@code https}, or {@code http} to
         * a loopback address. Default {@code https://api.twilio.com}; cannot be combined with region or edge.
         *
         * @param baseUri an absolute URI with a host, without user info, query or fragment; a trailing {@code /}
         *     is dropped
         * @return this builder
         * @throws IllegalArgumentException if the URI is not absolute, or plain http to a non-loopback host
         */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Endpoints.checkBaseUri(baseUri);
            return this;
        }

        /**
         * Uses a Twilio processing region, e.g. {@code ie1} or {@code au1}: host {@code api.{region}.twilio.com}.
         *
         * @param region a lower-case region name, or {@code null} for the default
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Uses a Twilio edge location, e.g. {@code dublin} or {@code sydney}: host
         * {@code api.{edge}.{region}.twilio.com} ({@code us1} when no region is set).
         *
         * @param edge a lower-case edge name, or {@code null} for none
         * @return this builder
         */
        public Builder edge(String edge) {
            this.edge = edge;
            return this;
        }

        /**
         * Uses this transport instead of one found on the class path. The caller keeps ownership: closing the
         * client does not close it, and the timeouts and limits of this builder do not apply to it.
         *
         * @param transport a {@link BlockingHttpTransport} or {@link AsyncHttpTransport}; replaces a name given to
         *     {@link #transport(String)}
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            Objects.requireNonNull(transport, "transport");
            if (!(transport instanceof BlockingHttpTransport) && !(transport instanceof AsyncHttpTransport)) {
                throw new IllegalArgumentException("transport: must implement BlockingHttpTransport or "
                        + "AsyncHttpTransport, got " + transport.getClass().getName());
            }
            this.transport = transport;
            this.transportName = null;
            return this;
        }

        /**
         * Uses the transport of this name found on the class path ({@code apache} or {@code netty}, or a custom
         * provider's name), created with this builder's timeouts and limits and closed with the client. Without
         * it, the {@code conclave.transport} system property decides, else the highest-priority provider.
         *
         * @param name a provider name, matched without regard to case; replaces a transport given to
         *     {@link #transport(HttpTransport)}
         * @return this builder
         * @throws IllegalStateException at {@link #build()} if no provider on the class path has that name
         */
        public Builder transport(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("transport name: must not be blank");
            }
            this.transportName = name;
            this.transport = null;
            return this;
        }

        /**
         * Runs the async API's exchanges on this executor when the transport is blocking (Apache). The caller
         * keeps ownership: closing the client does not shut it down. Default: an executor the client makes on
         * first async use, with at most {@code maxConnections} daemon threads and a queue of
         * {@value #DEFAULT_ASYNC_QUEUE} waiting exchanges (beyond that a call fails with
         * {@link TransportException.Reason#REJECTED}); it is shut down by {@link ConclaveClient#close()}.
         * Unused with a non-blocking transport.
         *
         * @param executor the executor; not {@code null}
         * @return this builder
         */
        public Builder asyncExecutor(Executor executor) {
            this.asyncExecutor = Objects.requireNonNull(executor, "asyncExecutor");
            return this;
        }

        /**
         * How long to wait for a connection. Default 10 seconds.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long one exchange may wait for the response after sending. Default 30 seconds.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive("responseTimeout", timeout);
            return this;
        }

        /**
         * The most connections open to the API host at once. Default 50.
         *
         * @param maxConnections the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections: must be at least 1, got " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * The largest response body read, in bytes. Default 8 MiB; a larger body fails the call with a
         * {@link TransportException} of reason {@code RESPONSE_TOO_LARGE}.
         *
         * @param maxResponseBytes the limit in bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxResponseBytes(int maxResponseBytes) {
            if (maxResponseBytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes: must be at least 1, got " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * When failed calls are sent again; see {@link RetryPolicy} for the rules. Default
         * {@link RetryPolicy#defaults()}: 3 attempts, creates re-sent only when surely not sent or on 429.
         * {@link RetryPolicy#none()} turns retries off. {@link ParticipantOperations#withOptions(CallOptions)}
         * changes it for some calls.
         *
         * @param policy the policy; not {@code null}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * The most one attempt may take, from handing the request to the transport (waiting for a connection
         * included) to the end of the response body, whatever the server does. Default 30 seconds. A timed-out
         * attempt fails with {@link TransportException.Reason#RESPONSE_TIMEOUT} (retried for reads, not creates).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = positive("attemptTimeout", timeout);
            return this;
        }

        /**
         * The most one call may take, every attempt and the waits between them included: the call ends by then
         * with a result or an exception, {@link TransportException.Reason#CALL_TIMEOUT} if time ran out during an
         * attempt. Default 60 seconds. For a listing, each page is one call.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive("callTimeout", timeout);
            return this;
        }

        /**
         * Limits the retries of this client, all calls together: each call earns {@code ratio} of a retry, up to a
         * reserve of {@code burst} (full at start), and each retry spends one. So when the API fails for a while,
         * this client adds at most {@code ratio} of its load in retries, not {@code maxAttempts - 1} times it.
         * Default 0.2 and 50. {@code retryBudget(Double.POSITIVE_INFINITY, 0)} removes the limit.
         *
         * @param ratio retries earned per call, 0 or more
         * @param burst the reserve, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if either is negative or the ratio is NaN
         */
        public Builder retryBudget(double ratio, int burst) {
            if (!(ratio >= 0)) {
                throw new IllegalArgumentException("retryBudget ratio: must be 0 or more, got " + ratio);
            }
            if (burst < 0) {
                throw new IllegalArgumentException("retryBudget burst: must be 0 or more, got " + burst);
            }
            this.retryBudgetRatio = ratio;
            this.retryBudgetBurst = burst;
            return this;
        }

        /**
         * Text appended to the {@code User-Agent} header, e.g. {@code my-app/1.2}.
         *
         * @param suffix the text, appended after a space and trimmed; {@code null} or blank for none
         * @return this builder
         * @throws IllegalArgumentException at {@link #build()} if it holds CR, LF or other control characters
         */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * Adds a step to the chain between the client and the transport. Steps run in the order added, after
         * Conclave's own steps (user agent, authentication, logging), so they see the final request.
         *
         * @param interceptor the step to add; not {@code null}
         * @return this builder
         */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Observes every call and every attempt with this registry: per call an observation named
         * {@code conclave.calls} (tags resource, operation, outcome, status, error.type, attempts), per attempt
         * one named {@code http.client.requests} after Micrometer's HTTP client convention (method, uri template,
         * status, outcome, exception, client.name, operation), a child of its call's. With a tracing handler on
         * the registry, each attempt is a span and its trace context goes out in the request's headers. No tag
         * ever holds a SID, label, phone number or query. Default: none, and then observation costs nothing.
         *
         * @param registry the registry, e.g. the application's; {@code null} for none
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = registry;
            return this;
        }

        /**
         * Registers this client's own meters here: the retry counter {@value ConclaveMeters#RETRIES} (tags
         * operation, reason) and, when the transport has a connection pool, the gauges
         * {@value ConclaveMeters#POOL_LEASED}, {@code .idle}, {@code .pending} and {@code .max} (tags
         * {@code client.name} = transport, {@code conclave.client} = {@link #clientName(String)}), removed again
         * by {@link ConclaveClient#close()}. Timers of calls and attempts come from the observations instead
         * (see {@link #observationRegistry}), through the registry's meter handler. Default: none.
         *
         * <p>{@code micrometer-core} is an optional dependency of core: a client never given a registry runs
         * without it. (Reflection that lists all of this builder's methods, such as {@code Class.getMethods()},
         * needs it on the class path, because this method's signature names it.)
         *
         * @param registry the registry; {@code null} for none
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        /**
         * Names and tags call observations with this convention instead of
         * {@link dev.conclave.observation.DefaultCallObservationConvention}. As in Micrometer, a convention
         * given here wins over one registered on the registry with {@code observationConfig().observationConvention}
         * (which, without one here, wins over the default).
         *
         * @param convention the convention; {@code null} for the default
         * @return this builder
         */
        public Builder callObservationConvention(CallObservationConvention convention) {
            this.callConvention = convention;
            return this;
        }

        /**
         * Names and tags attempt observations with this convention instead of
         * {@link dev.conclave.observation.DefaultHttpAttemptObservationConvention}. As in Micrometer, a convention
         * given here wins over one registered on the registry with {@code observationConfig().observationConvention}
         * (which, without one here, wins over the default).
         *
         * @param convention the convention; {@code null} for the default
         * @return this builder
         */
        public Builder attemptObservationConvention(HttpAttemptObservationConvention convention) {
            this.attemptConvention = convention;
            return this;
        }

        /**
         * Names this client in its pool gauges (tag {@value ConclaveMeters#TAG_CLIENT}), so that several clients
         * in one meter registry keep apart. Default: the first of {@code participants}, {@code participants-2},
         * {@code participants-3}, ... that no open client's gauges in the registry use.
         *
         * @param name a short, stable name, e.g. {@code billing}
         * @return this builder
         * @throws IllegalArgumentException if blank; at {@link #build()}, if an open client's gauges in the same
         *     meter registry already use it
         */
        public Builder clientName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("clientName: must not be blank");
            }
            this.clientName = name;
            return this;
        }

        /**
         * Builds the client, creating a transport from the class path unless one was given.
         *
         * @return the client; close it when done
         * @throws IllegalStateException if no credentials were set, or no transport can be found
         * @throws IllegalArgumentException if settings conflict (a base URI together with region or edge), or the
         *     clientName already names an open client's pool gauges in the meter registry
         */
        public ConclaveClient build() {
            if (credentials == null) {
                throw new IllegalStateException(
                        "credentials: call credentials(accountSid, authToken) or apiKey(accountSid, keySid, secret)");
            }
            if (baseUri != null && (region != null || edge != null)) {
                throw new IllegalArgumentException("baseUri cannot be combined with region or edge");
            }
            URI base = baseUri != null ? baseUri : Endpoints.forRegion(region, edge);
            List<Interceptor> steps = new ArrayList<>();
            steps.add(new UserAgentStep(userAgentSuffix));
            steps.add(new AuthenticationStep(credentials));
            steps.add(new LoggingStep());
            steps.addAll(interceptors);
            boolean owns = transport == null;
            HttpTransport chosen = owns
                    ? TransportDiscovery.create(
                            new TransportSettings(connectTimeout, responseTimeout, maxConnections, maxResponseBytes),
                            ConclaveClient.class.getClassLoader(), transportName)
                    : transport;
            AsyncExecutor executor = asyncExecutor != null ? AsyncExecutor.using(asyncExecutor)
                    : AsyncExecutor.bounded(maxConnections, DEFAULT_ASYNC_QUEUE);
            CallOptions defaults = new CallOptions(retryPolicy, attemptTimeout, callTimeout);
            Observability observability;
            try {
                observability = new Observability(observationRegistry,
                        meterRegistry == null ? null : new ClientMeters(meterRegistry), callConvention,
                        attemptConvention, chosen, clientName);
            } catch (RuntimeException failed) {
                if (owns) {
                    chosen.close();
                }
                throw failed;
            }
            return new ConclaveClient(new ClientRuntime(base, chosen, owns, steps, executor, defaults,
                    new RetryBudget(retryBudgetRatio, retryBudgetBurst), observability), credentials.accountSid());
        }

        private static String requireSecret(String field, String secret) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(field + " is required and must not be blank");
            }
            return secret;
        }

        private static Duration positive(String field, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + ": must be a positive duration, got " + value);
            }
            return value;
        }
    }
}
