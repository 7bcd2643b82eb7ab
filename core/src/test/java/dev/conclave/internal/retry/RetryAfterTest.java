package dev.conclave.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("007", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void readsHttpDatesAsTheTimeUntilThen() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 11:00:00 GMT", NOW)).as("a date in the past").isZero();
        assertThat(RetryAfter.parse("Tuesday, 24-Nov-26 12:01:00 GMT", NOW)).as("RFC 850 form")
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Tue Nov 24 12:00:05 2026", NOW)).as("asctime form").isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Tue Nov  3 12:00:00 2026", Instant.parse("2026-11-03T11:59:58Z")))
                .as("asctime with a one-digit day").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void ignoresWhatIsNeitherAbsentNorValid() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("1.5", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("Tue, 32 Nov 2026 12:00:30 GMT", NOW)).isNull();
    }
}
