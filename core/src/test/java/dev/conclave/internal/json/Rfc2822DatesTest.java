package dev.conclave.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc2822DatesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fri, 18 Feb 2011 21:07:19 +0000 | 2011-02-18T21:07:19Z",
        "Tue, 8 Mar 2022 09:05:01 +0000  | 2022-03-08T09:05:01Z",
        "Tue, 08 Mar 2022 09:05:01 +0000 | 2022-03-08T09:05:01Z",
        "8 Mar 2022 09:05:01 GMT         | 2022-03-08T09:05:01Z",
        "Mon, 1 Jan 2024 00:00 UT        | 2024-01-01T00:00:00Z",
        "Sat, 19 Feb 2011 21:07:19 +0130 | 2011-02-19T19:37:19Z",
        "Sat, 19 Feb 2011 21:07:19 -0800 | 2011-02-20T05:07:19Z",
        "Thu, 29 Feb 2024 23:59:59 Z     | 2024-02-29T23:59:59Z",
    })
    void readsTwilioDates(String text, String expected) {
        assertThat(Rfc2822Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "2011-02-18T21:07:19Z", "Fri, 18 Fbr 2011 21:07:19 +0000",
        "Fri, 31 Feb 2011 21:07:19 +0000", "Fri, 18 Feb 2011 25:07:19 +0000", "Fri, 18 Feb 2011 21:07:19",
        "Fri, 18 Feb 2011 21:07:19 +0000 extra", "Fri, 18 Feb 2011 21:07:19 PST"})
    void refusesWhatIsNotAnRfc2822Date(String text) {
        assertThatThrownBy(() -> Rfc2822Dates.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an RFC 2822 date-time");
    }

    @org.junit.jupiter.api.Test
    void theEpochDayArithmeticAgreesWithJavaTimeForEveryDayOfFourCenturies() {
        for (java.time.LocalDate date = java.time.LocalDate.of(1800, 1, 1); date.getYear() < 2200;
             date = date.plusDays(1)) {
            org.assertj.core.api.Assertions.assertThat(Rfc2822Dates.epochDay(date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth())).as(date.toString()).isEqualTo(date.toEpochDay());
        }
    }

    @org.junit.jupiter.api.Test
    void parsesARegionOfACharArrayAndRejectsDaysThatDoNotExist() {
        char[] buffer = "xx\"Fri, 29 Feb 2028 21:07:19 +0000\"yy".toCharArray();
        org.assertj.core.api.Assertions.assertThat(Rfc2822Dates.parse(buffer, 3, 31))
                .isEqualTo(java.time.Instant.parse("2028-02-29T21:07:19Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rfc2822Dates.parse("Thu, 29 Feb 2029 21:07:19 +0000"))
                .hasMessageContaining("no such date");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rfc2822Dates.parse("Thu, 31 Apr 2029 21:07:19 +0000"))
                .hasMessageContaining("no such date");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rfc2822Dates.parse("Thu, 00 Apr 2029 21:07:19 +0000"))
                .hasMessageContaining("no such date");
    }

    @org.junit.jupiter.api.Test
    void twilioFormAgreesWithJavaTimeOnRandomInstantsAndZones() {
        java.util.Random random = new java.util.Random(7);
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.US);
        for (int i = 0; i < 20_000; i++) {
            java.time.Instant instant = java.time.Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L
                    - 1_000_000_000L);
            java.time.ZoneOffset zone = java.time.ZoneOffset.ofTotalSeconds((random.nextInt(57) - 28) * 1_800);
            String text = format.format(instant.atOffset(zone));
            org.assertj.core.api.Assertions.assertThat(text).hasSize(31);
            org.assertj.core.api.Assertions.assertThat(Rfc2822Dates.parse(text)).as(text).isEqualTo(instant);
        }
    }

    @org.junit.jupiter.api.Test
    void thirtyOneCharactersNotQuiteInTwilioFormAreReadInFullOrRefused() {
        // The fixed-position path must hand anything it does not fully accept to the full parser.
        org.assertj.core.api.Assertions.assertThat(Rfc2822Dates.parse("Fri, 18 Feb 2011 21:07:19 GMT  "))
                .isEqualTo(java.time.Instant.parse("2011-02-18T21:07:19Z"));
        for (String bad : new String[] {"Fri, 18 Feb 2x11 21:07:19 +0000", "Fri, 18 Feb 20x1 21:07:19 +0000",
            "Fri, 29 Feb 2011 21:07:19 +0000", "Fri, 18 Feb 2011 21:07:19 +00x0", "Fri, 18 Fex 2011 21:07:19 +0000",
            "Fri, 18 Feb 2011 25:07:19 +0000"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rfc2822Dates.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
