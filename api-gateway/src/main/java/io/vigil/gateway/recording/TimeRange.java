package io.vigil.gateway.recording;

import io.vigil.gateway.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A half-open query range [from, to) of wall-clock time. */
public record TimeRange(Instant from, Instant to) {

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * The range of a recordings query: {@code to} defaults to now, {@code from} to {@code to} minus the
     * default span; from must come before to and the span stay within the limit.
     */
    public static TimeRange of(String from, String to, Instant now, Duration defaultSpan, Duration maxSpan) {
        // parsed in reading order, so an error names the first bad parameter
        Instant given = from == null ? null : instant("from", from);
        Instant end = to == null ? now : instant("to", to);
        Instant start = given == null ? end.minus(defaultSpan) : given;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(maxSpan) > 0) {
            throw ProblemException.invalid("from", "from and to may be at most " + describe(maxSpan) + " apart");
        }
        return new TimeRange(start, end);
    }

    private static String describe(Duration span) {
        if (span.toSeconds() % 86_400 == 0) {
            return span.toDays() + (span.toDays() == 1 ? " day" : " days");
        }
        return span.toSeconds() % 3_600 == 0 ? span.toHours() + " hours" : span.toString();
    }

    private static Instant instant(String parameter, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, parameter + " must be an ISO-8601 instant, like 2026-11-22T10:00:00Z");
        }
        // instants beyond these overflow date arithmetic or PostgreSQL's timestamp range
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.invalid(parameter, parameter + " must be between 1970 and 9999");
        }
        return instant;
    }
}
