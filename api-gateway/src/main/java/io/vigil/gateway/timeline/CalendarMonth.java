package io.vigil.gateway.timeline;

import io.vigil.gateway.problem.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A month of a calendar in a time zone: its days and where each begins. A local day is not always
 * 24 hours long (23 or 25 at a daylight-saving change), so day boundaries come from the zone's rules,
 * never from adding 24 h.
 */
public record CalendarMonth(YearMonth month, ZoneId zone) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /**
     * The month and zone of a dates query: {@code tz} an IANA zone id (default UTC), {@code month}
     * {@code YYYY-MM} (default: the month it is now in that zone). Checked in reading order, so a 400
     * names the first bad parameter.
     */
    static CalendarMonth of(String month, String tz, Instant now) {
        YearMonth given = month == null ? null : month(month);
        ZoneId zone = tz == null ? ZoneId.of("UTC") : zone(tz);
        return new CalendarMonth(given != null ? given : YearMonth.from(now.atZone(zone)), zone);
    }

    /** The month's days, first to last. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Where each day begins, then where the last one ends: one more instant than there are days. */
    public List<Instant> boundaries() {
        List<Instant> boundaries = new ArrayList<>();
        days().forEach(day -> boundaries.add(startOf(day)));
        boundaries.add(startOf(month.atEndOfMonth().plusDays(1)));
        return boundaries;
    }

    /** The first instant of the local day (not always 00:00: some zones skip midnight at a change). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static YearMonth month(String value) {
        if (MONTH.matcher(value).matches()) {
            try {
                YearMonth month = YearMonth.parse(value);
                if (month.getYear() >= 1970) {
                    return month;
                }
            } catch (DateTimeException e) {
                // a month 13 and the like: answered below
            }
        }
        throw ProblemException.invalid("month", "month must be a month from 1970 on, as YYYY-MM, like 2026-11");
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("tz", "tz must be an IANA time zone id, like Europe/Berlin or UTC");
        }
    }
}
