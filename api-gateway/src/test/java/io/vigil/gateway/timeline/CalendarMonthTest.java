package io.vigil.gateway.timeline;

import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CalendarMonthTest {

    private static final Instant NOW = Instant.parse("2026-11-30T23:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void daysBeginAtLocalMidnightAcrossTheChangeToWinterTime() {
        CalendarMonth october = CalendarMonth.of("2026-10", "Europe/Berlin", NOW);
        List<Instant> boundaries = october.boundaries();
        assertThat(october.days()).hasSize(31).startsWith(LocalDate.of(2026, 10, 1)).endsWith(LocalDate.of(2026, 10, 31));
        assertThat(boundaries).hasSize(32);
        // summer time (UTC+2) until 25 October 03:00, then UTC+1
        assertThat(boundaries.get(0)).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(boundaries.get(24)).isEqualTo("2026-10-24T22:00:00Z");
        assertThat(boundaries.get(25)).isEqualTo("2026-10-25T23:00:00Z");
        assertThat(boundaries.get(31)).isEqualTo("2026-10-31T23:00:00Z");
        // 25 October has 25 hours, every other day 24
        for (int day = 0; day < 31; day++) {
            assertThat(Duration.between(boundaries.get(day), boundaries.get(day + 1)))
                    .isEqualTo(Duration.ofHours(day == 24 ? 25 : 24));
        }
    }

    @Test
    void theShortDayOfTheChangeToSummerTime() {
        List<Instant> march = CalendarMonth.of("2026-03", "Europe/Berlin", NOW).boundaries();
        assertThat(Duration.between(march.get(28), march.get(29))).isEqualTo(Duration.ofHours(23));
        assertThat(march.get(29)).isEqualTo("2026-03-29T22:00:00Z");
    }

    @Test
    void aDayThatDoesNotBeginAtMidnight() {
        // Santiago de Chile moved its clocks from 24:00 to 01:00 on 2026-09-06: the day begins at 01:00 local time
        CalendarMonth september = CalendarMonth.of("2026-09", "America/Santiago", NOW);
        assertThat(september.startOf(LocalDate.of(2026, 9, 6))).isEqualTo("2026-09-06T04:00:00Z");
        assertThat(september.startOf(LocalDate.of(2026, 9, 7))).isEqualTo("2026-09-07T03:00:00Z");
    }

    @Test
    void februaryOfALeapYear() {
        assertThat(CalendarMonth.of("2028-02", null, NOW).days()).hasSize(29);
        assertThat(CalendarMonth.of("2027-02", null, NOW).days()).hasSize(28);
    }

    @Test
    void defaultsAreUtcAndTheMonthItIsNowThere() {
        assertThat(CalendarMonth.of(null, null, NOW)).isEqualTo(new CalendarMonth(YearMonth.of(2026, 11), ZoneId.of("UTC")));
        // 23:30 UTC on 30 November is already December in Berlin
        assertThat(CalendarMonth.of(null, "Europe/Berlin", NOW)).isEqualTo(new CalendarMonth(YearMonth.of(2026, 12), BERLIN));
        assertThat(CalendarMonth.of(null, "America/New_York", NOW).month()).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void badMonthsAndZonesNameTheirParameter() {
        for (String month : List.of("2026-13", "2026-1", "2026-00", "26-11", "2026/11", "november", "2026-11-01", "1969-12", "+12026-11", "")) {
            assertInvalid(month, null, "month");
        }
        for (String tz : List.of("Europe/Nowhere", "Berlin", "", "Mars/Olympus_Mons", "../../etc")) {
            assertInvalid(null, tz, "tz");
        }
        // the month is read first
        assertInvalid("2026-13", "Europe/Nowhere", "month");
    }

    private static void assertInvalid(String month, String tz, String field) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> CalendarMonth.of(month, tz, NOW));
        assertThat(e).as("month %s, tz %s", month, tz).isNotNull();
        Problem problem = e.toProblem();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo(field);
    }
}
