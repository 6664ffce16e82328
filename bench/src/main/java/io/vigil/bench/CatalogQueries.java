package io.vigil.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The catalog queries, as SQL, in two versions: {@link Version#BOUNDED} is the text the gateway runs
 * (RecordingRepository, GapRepository, RecordingDates, EventRepository, with the same bound as the
 * gateway's OverlapBound), {@link Version#UNBOUNDED} the same queries with the plain overlap predicate
 * the gateway used before catalog V4. Hibernate renders the HQL event queries to the SQL written here.
 */
final class CatalogQueries {

    enum Version { UNBOUNDED, BOUNDED }

    /** One query: a camera and the day (range, timeline) or month (dates) asked about. */
    record Sample(String camera, Instant from, Instant to, YearMonth month, ZoneId zone) {
    }

    private static final String COLUMNS = "r.id, r.camera_id, r.path, r.start_time, r.end_time, r.duration_ms, r.bytes, r.codec,"
            + " r.width, r.height, r.fps, r.session_id, r.first_sequence, r.last_sequence, r.piece_count, r.reason,"
            + " r.event_id, r.retention_locked, r.deleting_since";

    private static final String EVENTS = "select e.id, e.camera_id, e.start_time, e.end_time, e.recording_end, e.reason, e.label,"
            + " e.peak_score, e.box_x, e.box_y, e.box_width, e.box_height from event e"
            + " where e.start_time < :to and coalesce(e.recording_end, e.end_time, :now) >= :from and e.camera_id = :camera"
            + " order by e.start_time, e.id offset 0 rows fetch first 5000 rows only";

    private CatalogQueries() {
    }

    /** io.vigil.gateway.recording.OverlapBound#startsAfter */
    static String startsAfter(String table, String alias, String camera, String from) {
        return alias + ".start_time > cast(" + from + " as timestamptz) - " + longestSeconds(table, camera) + " * interval '1 second'";
    }

    static String longestSeconds(String table, String camera) {
        return "(select cast(extract(epoch from max(l.end_time - l.start_time)) as double precision) + 0.001"
                + " from " + table + " l where l.camera_id = " + camera + ")";
    }

    static String range(Version version) {
        return "select " + COLUMNS + " from recording r"
                + " where r.camera_id = :camera and r.start_time < :to and r.end_time > :from and r.deleting_since is null"
                + (version == Version.BOUNDED ? " and " + startsAfter("recording", "r", ":camera", ":from") : "")
                + " order by r.start_time, r.id";
    }

    static String gaps(Version version) {
        return "select g.id, g.camera_id, g.start_time, g.end_time, g.cause, g.detail from gap g"
                + " where g.camera_id = :camera and g.start_time < :to and g.end_time > :from"
                + (version == Version.BOUNDED ? " and " + startsAfter("gap", "g", ":camera", ":from") : "")
                + " order by g.start_time";
    }

    static String eventRecordings(Version version, int events) {
        String ids = IntStream.range(0, events).mapToObj(i -> ":id" + i).collect(Collectors.joining(", "));
        String spanEnd = "coalesce(e.recording_end, e.end_time, :now)";
        return "select e.id, r.id, r.start_time, r.end_time from event e join recording r on r.camera_id = e.camera_id"
                + " where e.id in (" + ids + ") and r.end_time > e.start_time and r.deleting_since is null"
                + " and (r.start_time < " + spanEnd + " or r.start_time <= e.start_time)"
                + (version == Version.BOUNDED ? " and r.start_time >= :floor and r.start_time <= greatest(" + spanEnd + ", e.start_time)" : "")
                + " order by r.start_time, r.id";
    }

    static String longestOfEventCameras(int events) {
        String ids = IntStream.range(0, events).mapToObj(i -> ":id" + i).collect(Collectors.joining(", "));
        return "select max(" + longestSeconds("recording", "c.camera_id") + ")"
                + " from (select distinct e.camera_id from event e where e.id in (" + ids + ")) c";
    }

    static String dates(Version version, int days) {
        String values = IntStream.range(0, days)
                .mapToObj(i -> "(" + i + ", cast(:b" + i + " as timestamptz), cast(:b" + (i + 1) + " as timestamptz))")
                .collect(Collectors.joining(", "));
        return "select d.n from (values " + values + ") d(n, day_start, day_end)"
                + " where exists (select 1 from recording r where r.camera_id = :camera"
                + " and r.start_time < d.day_end and r.end_time > d.day_start and r.deleting_since is null"
                + (version == Version.BOUNDED ? " and " + startsAfter("recording", "r", ":camera", "d.day_start") : "") + ")"
                + " order by d.n";
    }

    /** The recordings of a camera over the sample's range; returns the rows read. */
    static int runRange(Connection connection, Version version, Sample sample) throws SQLException {
        return rows(connection, range(version), rangeParameters(sample));
    }

    /** What the timeline reads: recordings, gaps, events, the events' recordings (the longest first, when bounded). */
    static int runTimeline(Connection connection, Version version, Sample sample) throws SQLException {
        Map<String, Object> parameters = rangeParameters(sample);
        int rows = rows(connection, range(version), parameters) + rows(connection, gaps(version), parameters);
        parameters.put("now", Instant.now());
        List<String> ids = new ArrayList<>();
        Instant earliest = null;
        try (PreparedStatement statement = NamedSql.of(EVENTS).prepare(connection, parameters); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                ids.add(result.getString(1));
                Instant start = result.getObject(3, java.time.OffsetDateTime.class).toInstant();
                earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
            }
        }
        if (ids.isEmpty()) {
            return rows;
        }
        Map<String, Object> eventParameters = new HashMap<>();
        eventParameters.put("now", parameters.get("now"));
        for (int i = 0; i < ids.size(); i++) {
            eventParameters.put("id" + i, ids.get(i));
        }
        if (version == Version.BOUNDED) {
            Double longest;
            try (PreparedStatement statement = NamedSql.of(longestOfEventCameras(ids.size())).prepare(connection, eventParameters);
                 ResultSet result = statement.executeQuery()) {
                result.next();
                longest = (Double) result.getObject(1);
            }
            if (longest == null) {
                return rows + ids.size();
            }
            eventParameters.put("floor", earliest.minusNanos(Math.round(longest * 1e9)));
        }
        return rows + ids.size() + rows(connection, eventRecordings(version, ids.size()), eventParameters);
    }

    /** The days of the sample's month with footage; returns how many. */
    static int runDates(Connection connection, Version version, Sample sample) throws SQLException {
        List<Instant> boundaries = boundaries(sample.month(), sample.zone());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("camera", sample.camera());
        for (int i = 0; i < boundaries.size(); i++) {
            parameters.put("b" + i, boundaries.get(i));
        }
        return rows(connection, dates(version, boundaries.size() - 1), parameters);
    }

    /** As io.vigil.gateway.timeline.CalendarMonth: each local day's start, then the month's end. */
    static List<Instant> boundaries(YearMonth month, ZoneId zone) {
        List<Instant> boundaries = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth().plusDays(1)); day = day.plusDays(1)) {
            boundaries.add(day.atStartOfDay(zone).toInstant());
        }
        return boundaries;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a statement, as text. */
    static String explain(Connection connection, String sql, Map<String, Object> parameters) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = NamedSql.of("explain (analyze, buffers) " + sql).prepare(connection, parameters);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                plan.append(result.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    static Map<String, Object> rangeParameters(Sample sample) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("camera", sample.camera());
        parameters.put("from", sample.from());
        parameters.put("to", sample.to());
        return parameters;
    }

    static Map<String, Object> datesParameters(Sample sample) {
        List<Instant> boundaries = boundaries(sample.month(), sample.zone());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("camera", sample.camera());
        for (int i = 0; i < boundaries.size(); i++) {
            parameters.put("b" + i, boundaries.get(i));
        }
        return parameters;
    }

    private static int rows(Connection connection, String sql, Map<String, Object> parameters) throws SQLException {
        int rows = 0;
        try (PreparedStatement statement = NamedSql.of(sql).prepare(connection, parameters); ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int c = 1; c <= columns; c++) {
                    result.getObject(c);
                }
                rows++;
            }
        }
        return rows;
    }
}
