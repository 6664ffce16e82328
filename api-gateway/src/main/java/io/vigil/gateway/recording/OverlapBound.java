package io.vigil.gateway.recording;

/**
 * The SQL that bounds an overlap query ("starts before to and ends after from") from below, so that
 * it reads the index range [from - longest, to) of the camera instead of every older row.
 *
 * <p>A row that ends after {@code from} started after {@code from} minus its length, and no row of the
 * camera is longer than the camera's longest. That longest comes from one backward probe of the
 * {@code <table>_camera_length} index (catalog V4), inside the same statement, so the bound is exact
 * for rows of any length. It is read in seconds (days of an interval would be calendar days, which
 * depend on the session's time zone) and widened by a millisecond against rounding. A camera without
 * rows has no longest: the bound is null and the query, rightly, finds nothing.
 */
public final class OverlapBound {

    private OverlapBound() {
    }

    /**
     * {@code <alias>.start_time > <from> - <the camera's longest row of table>}, for a native query.
     *
     * @param table  {@code recording} or {@code gap}: both have camera_id, start_time, end_time and the length index
     * @param camera SQL for the camera id (a parameter like {@code :camera}, or a column)
     * @param from   SQL for the start of the range
     */
    public static String startsAfter(String table, String alias, String camera, String from) {
        // cast: a bare parameter minus an interval would be taken for an interval
        return alias + ".start_time > cast(" + from + " as timestamptz) - " + longest(table, camera);
    }

    /** The camera's longest row as an interval (null without rows). */
    public static String longest(String table, String camera) {
        return longestSeconds(table, camera) + " * interval '1 second'";
    }

    /** The camera's longest row in seconds, a millisecond more (null without rows). */
    public static String longestSeconds(String table, String camera) {
        return "(select cast(extract(epoch from max(l.end_time - l.start_time)) as double precision) + 0.001"
                + " from " + table + " l where l.camera_id = " + camera + ")";
    }
}
