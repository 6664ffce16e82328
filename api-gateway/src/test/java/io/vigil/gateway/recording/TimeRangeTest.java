package io.vigil.gateway.recording;

import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TimeRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration MONTH = Duration.ofDays(31);

    @Test
    void defaultsToTheLastDay() {
        assertThat(TimeRange.of(null, null, NOW, DAY, MONTH))
                .isEqualTo(new TimeRange(NOW.minus(DAY), NOW));
    }

    @Test
    void missingFromIsADayBeforeTo() {
        assertThat(TimeRange.of(null, "2026-11-01T00:00:00Z", NOW, DAY, MONTH))
                .isEqualTo(new TimeRange(Instant.parse("2026-10-31T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")));
    }

    @Test
    void acceptsOffsets() {
        assertThat(TimeRange.of("2026-11-22T10:00:00+01:00", null, NOW, DAY, MONTH).from())
                .isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void absurdInstantsAreRefusedNotOverflowed() {
        assertInvalid(null, "-1000000000-01-01T00:00:00Z", "to");
        assertInvalid("+200000-01-01T00:00:00Z", "+200000-01-02T00:00:00Z", "from");
        assertInvalid("1969-12-31T23:00:00Z", "1970-01-01T01:00:00Z", "from");
    }

    @Test
    void fromMustComeBeforeTo() {
        assertInvalid("2026-11-22T10:00:00Z", "2026-11-22T10:00:00Z", "from");
        assertInvalid("2026-11-22T11:00:00Z", "2026-11-22T10:00:00Z", "from");
    }

    @Test
    void spanIsLimited() {
        assertThat(TimeRange.of("2026-10-22T12:00:00Z", null, NOW, DAY, MONTH).from()).isEqualTo(NOW.minus(Duration.ofDays(31)));
        assertInvalid("2026-10-22T11:59:59Z", null, "from");
    }

    @Test
    void malformedInstantNamesTheParameter() {
        assertInvalid("yesterday", null, "from");
        assertInvalid(null, "2026-13-01T00:00:00Z", "to");
    }

    private static void assertInvalid(String from, String to, String field) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> TimeRange.of(from, to, NOW, DAY, MONTH));
        assertThat(e).as(from + " .. " + to).isNotNull();
        Problem problem = e.toProblem();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo(field);
    }
}
