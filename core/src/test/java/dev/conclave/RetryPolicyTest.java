package dev.conclave;

import dev.conclave.http.TransportException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conclave.internal.retry.RetryRules;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private static final RetryPolicy DEFAULTS = RetryPolicy.defaults();
    private static final RetryPolicy CREATES_OPTED_IN = RetryPolicy.builder().retryCreatesWhenPossiblySent(true).build();

    @Test
    void defaultsAreThreeAttemptsFrom100MillisCappedAt20Seconds() {
        assertThat(DEFAULTS.maxAttempts()).isEqualTo(3);
        assertThat(DEFAULTS.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(DEFAULTS.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(DEFAULTS.retryCreatesWhenPossiblySent()).isFalse();
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void backoffBoundDoublesUpToTheCap() {
        assertThat(DEFAULTS.backoffBound(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(DEFAULTS.backoffBound(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(DEFAULTS.backoffBound(8)).isEqualTo(Duration.ofMillis(12_800));
        assertThat(DEFAULTS.backoffBound(9)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DEFAULTS.backoffBound(99)).isEqualTo(Duration.ofSeconds(20));
        assertThat(RetryPolicy.builder().initialBackoff(Duration.ZERO).build().backoffBound(5)).isZero();
        assertThatThrownBy(() -> DEFAULTS.backoffBound(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retry");
    }

    @Test
    void builderRejectsNonsenseNamingTheField() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(null)).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(30)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed maxBackoff");
        assertThat(DEFAULTS.toBuilder().build()).isEqualTo(DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void readsUpdatesAndDeletesRetryTheTransientStatuses(int status) {
        for (Operation operation : new Operation[] {Operations.FETCH_PARTICIPANT, Operations.LIST_PARTICIPANT, Operations.UPDATE_PARTICIPANT,
                Operations.DELETE_PARTICIPANT}) {
            assertThat(RetryRules.retryReason(operation, api(status), DEFAULTS)).as(operation + " " + status)
                    .isEqualTo("HTTP " + status);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 501, 505})
    void otherStatusesAreFinalForEveryOperation(int status) {
        for (Operation operation : Operations.all()) {
            assertThat(RetryRules.retryReason(operation, api(status), CREATES_OPTED_IN)).isNull();
        }
    }

    @Test
    void createIsRetriedOn429ButNotOnServerErrorsUnlessOptedIn() {
        assertThat(RetryRules.retryReason(Operations.CREATE_PARTICIPANT, api(429), DEFAULTS)).isEqualTo("HTTP 429");
        for (int status : new int[] {500, 502, 503, 504}) {
            assertThat(RetryRules.retryReason(Operations.CREATE_PARTICIPANT, api(status), DEFAULTS)).isNull();
            assertThat(RetryRules.retryReason(Operations.CREATE_PARTICIPANT, api(status), CREATES_OPTED_IN))
                    .isEqualTo("HTTP " + status);
        }
    }

    @ParameterizedTest
    @EnumSource(TransportException.Reason.class)
    void createIsRetriedOnlyWhenTheRequestSurelyDidNotLeave(TransportException.Reason reason) {
        TransportException failure = new TransportException(reason, "test", null);
        String forCreate = RetryRules.retryReason(Operations.CREATE_PARTICIPANT, failure, DEFAULTS);
        String forFetch = RetryRules.retryReason(Operations.FETCH_PARTICIPANT, failure, DEFAULTS);
        switch (reason) {
            case CONNECT_FAILED, CONNECT_TIMEOUT, POOL_TIMEOUT -> {
                assertThat(forCreate).isEqualTo(reason.name());
                assertThat(forFetch).isEqualTo(reason.name());
            }
            case RESPONSE_TIMEOUT, CONNECTION_CLOSED, IO -> {
                assertThat(forCreate).as("a create that may have dialled").isNull();
                assertThat(RetryRules.retryReason(Operations.CREATE_PARTICIPANT, failure, CREATES_OPTED_IN)).isEqualTo(reason.name());
                assertThat(forFetch).isEqualTo(reason.name());
                assertThat(RetryRules.retryReason(Operations.DELETE_PARTICIPANT, failure, DEFAULTS)).isEqualTo(reason.name());
            }
            default -> {
                // TLS, too large, rejected, cancelled, call timeout: the same again would fail the same way.
                assertThat(forCreate).isNull();
                assertThat(forFetch).isNull();
            }
        }
    }

    @Test
    void decodingErrorsAndBugsAreNeverRetried() {
        for (Operation operation : Operations.all()) {
            assertThat(RetryRules.retryReason(operation, new DecodingException("bad", 200, null, null),
                    CREATES_OPTED_IN)).isNull();
            assertThat(RetryRules.retryReason(operation, new IllegalStateException("bug"), CREATES_OPTED_IN)).isNull();
        }
    }

    @Test
    void whatMayHaveReachedTheServer() {
        assertThat(RetryRules.mayHaveReachedServer(api(503))).isTrue();
        assertThat(RetryRules.mayHaveReachedServer(api(429))).isFalse();
        assertThat(RetryRules.mayHaveReachedServer(new TransportException(TransportException.Reason.CONNECT_FAILED,
                "refused", null))).isFalse();
        assertThat(RetryRules.mayHaveReachedServer(new TransportException(
                TransportException.Reason.CONNECTION_CLOSED, "reset", null))).isTrue();
    }

    @Test
    void callOptionsOverlayOnlyTheirSetValues() {
        CallOptions client = new CallOptions(DEFAULTS, Duration.ofSeconds(30), Duration.ofSeconds(60));
        CallOptions call = CallOptions.builder().callTimeout(Duration.ofSeconds(5)).build();
        assertThat(client.overriddenBy(call)).isEqualTo(new CallOptions(DEFAULTS, Duration.ofSeconds(30),
                Duration.ofSeconds(5)));
        assertThat(client.overriddenBy(CallOptions.none())).isEqualTo(client);
        assertThatThrownBy(() -> CallOptions.builder().attemptTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attemptTimeout");
    }

    private static ApiException api(int status) {
        return status == 429 ? new RateLimitedException(status, 20429, "slow down", null, null, null)
                : status >= 500 ? new ServerErrorException(status, null, "failed", null, null, null)
                : new ApiException(status, null, "no", null, null, null);
    }
}
