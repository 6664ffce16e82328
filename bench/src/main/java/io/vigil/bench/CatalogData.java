package io.vigil.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The catalog the benchmark queries: {@code cameras} cameras of {@code perCamera} recordings each,
 * all ending at {@link #END}, written with COPY in the order the indexer would write them (all cameras
 * at once, by time), so one camera's rows lie scattered over the table as they do in a real catalog.
 *
 * <p>Per camera (seeded, so every run has the same catalog): files of its rotation (900, 900, 600 or
 * 300 s by camera) plus up to a second (rotation waits for a keyframe), touching one another; about
 * one session in 150 ends early in a gap (a reconnect of seconds to two minutes, or the camera offline
 * for five minutes to six hours), with its gap row; about three motion events a day, each with its
 * file's reason; the oldest 20 files marked as being deleted by retention. No fragment index: it is
 * stored out of line (TOAST, above 2 KB), no query here reads it, and 1 M of them would be 7 GB.
 */
final class CatalogData {

    static final Instant END = Instant.parse("2026-11-30T00:00:00Z");
    private static final int[] ROTATIONS = {900, 900, 600, 300};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

    /** What was loaded, and each camera's first and last instant, for picking days and months within it. */
    record Loaded(List<CameraSpan> cameras, long recordings, long gaps, long events, Duration took) {
    }

    record CameraSpan(String id, int rotationSeconds, Instant first, Instant last) {
    }

    private CatalogData() {
    }

    static String cameraId(int index) {
        return "cam-%03d".formatted(index);
    }

    static Loaded load(Connection connection, int cameras, int perCamera) throws SQLException, IOException {
        long began = System.nanoTime();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder cameraRows = new StringBuilder();
        List<CameraFiles> generators = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            int rotation = ROTATIONS[i % ROTATIONS.length];
            generators.add(new CameraFiles(cameraId(i), rotation, perCamera, new Random(1000 + i)));
            cameraRows.append(cameraId(i)).append('\t').append("Bench camera ").append(i).append("\trtsp://bench.invalid/")
                    .append(cameraId(i)).append("\tcontinuous\t").append(rotation).append("\t1\t")
                    .append(TEXT.format(END)).append('\t').append(TEXT.format(END)).append('\n');
        }
        copy.copyIn("copy camera (id, name, url, mode, rotation_seconds, revision, created_at, updated_at) from stdin",
                new StringReader(cameraRows.toString()));

        // newest first across all cameras, as a merge of the cameras' own (newest first) sequences
        PriorityQueue<CameraFiles> next = new PriorityQueue<>(Comparator.comparing((CameraFiles files) -> files.start).reversed());
        generators.forEach(files -> {
            files.advance();
            next.add(files);
        });
        StringBuilder recordings = new StringBuilder();
        StringBuilder gaps = new StringBuilder();
        StringBuilder events = new StringBuilder();
        long recordingCount = 0;
        long gapCount = 0;
        long eventCount = 0;
        while (!next.isEmpty()) {
            CameraFiles files = next.poll();
            files.appendRecording(recordings);
            recordingCount++;
            if (files.gapAfter != null) {
                files.appendGap(gaps);
                gapCount++;
            }
            if (files.eventId != null) {
                files.appendEvent(events);
                eventCount++;
            }
            if (recordings.length() > 8_000_000) {
                copyRecordings(copy, recordings);
            }
            if (files.advance()) {
                next.add(files);
            }
        }
        copyRecordings(copy, recordings);
        copy.copyIn("copy gap (camera_id, start_time, end_time, cause, detail, created_at) from stdin", new StringReader(gaps.toString()));
        copy.copyIn("copy event (id, camera_id, start_time, end_time, recording_end, reason, peak_score, box_x, box_y, box_width,"
                + " box_height, updated_at) from stdin", new StringReader(events.toString()));
        List<CameraSpan> spans = generators.stream()
                .map(files -> new CameraSpan(files.camera, files.rotation, files.first, END)).toList();
        return new Loaded(spans, recordingCount, gapCount, eventCount, Duration.ofNanos(System.nanoTime() - began));
    }

    private static void copyRecordings(CopyManager copy, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn("copy recording (camera_id, path, start_time, end_time, duration_ms, bytes, codec, width, height, fps,"
                + " session_id, first_sequence, last_sequence, piece_count, reason, event_id, indexed_at, deleting_since) from stdin",
                new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** One camera's files, generated backwards from {@link #END}: the newest first. */
    private static final class CameraFiles {

        private final String camera;
        private final int rotation;
        private final Random random;
        private int left;
        private int session;
        private Instant cursor = END;
        private Instant first = END;
        // the current file
        private Instant start;
        private Instant end;
        private Instant gapAfter;
        private Instant gapEnd;
        private String gapCause;
        private String eventId;
        private Instant eventStart;
        private Instant eventEnd;

        CameraFiles(String camera, int rotation, int count, Random random) {
            this.camera = camera;
            this.rotation = rotation;
            this.random = random;
            this.left = count;
        }

        /** The next older file; false when the camera has no more. */
        boolean advance() {
            if (left == 0) {
                return false;
            }
            left--;
            gapAfter = null;
            eventId = null;
            long millis = rotation * 1000L + random.nextInt(1000);
            if (random.nextInt(150) == 0) {
                // this file's session ended early, in a gap that lasted until the next file began
                boolean offline = random.nextInt(3) == 0;
                long gapMillis = offline ? 300_000L + (long) (random.nextDouble() * 6 * 3600_000) : 2_000L + random.nextInt(118_000);
                gapEnd = cursor;
                gapAfter = cursor.minusMillis(gapMillis);
                gapCause = offline ? "camera_offline" : "reconnect";
                cursor = gapAfter;
                millis = 10_000L + random.nextInt(rotation * 1000);
                session++;
            }
            end = cursor;
            start = end.minusMillis(millis);
            cursor = start;
            first = start;
            if (random.nextDouble() < rotation / 28_800.0) {
                eventId = camera + "-ev-" + left;
                eventStart = start.plusMillis((long) (random.nextDouble() * (millis - 10_000)));
                eventEnd = eventStart.plusMillis(10_000 + random.nextInt(290_000));
                if (eventEnd.isAfter(end)) {
                    eventEnd = end;
                }
            }
            return true;
        }

        void appendRecording(StringBuilder rows) {
            long millis = Duration.between(start, end).toMillis();
            rows.append(camera).append('\t')
                    .append(camera).append('/').append(DAY.format(start)).append('/').append(camera).append('_').append(FILE.format(start))
                    .append('_').append(left).append(".mp4\t")
                    .append(TEXT.format(start)).append('\t').append(TEXT.format(end)).append('\t')
                    .append(millis).append('\t').append(millis * 250).append("\tavc1.640028\t1920\t1080\t25\t")
                    .append(camera).append("-session-").append(session).append('\t')
                    .append(0).append('\t').append(millis / 1000).append('\t').append(millis / 1000 + 1).append('\t')
                    .append(eventId == null ? "continuous" : "motion").append('\t')
                    .append(eventId == null ? "\\N" : eventId).append('\t')
                    .append(TEXT.format(end)).append('\t')
                    // retention is deleting the oldest files
                    .append(left < 20 ? TEXT.format(END) : "\\N").append('\n');
        }

        void appendGap(StringBuilder rows) {
            rows.append(camera).append('\t').append(TEXT.format(gapAfter)).append('\t').append(TEXT.format(gapEnd)).append('\t')
                    .append(gapCause).append('\t')
                    .append(gapCause.equals("reconnect") ? "stream ended, reconnected" : "connection refused").append('\t')
                    .append(TEXT.format(gapEnd)).append('\n');
        }

        void appendEvent(StringBuilder rows) {
            rows.append(eventId).append('\t').append(camera).append('\t').append(TEXT.format(eventStart)).append('\t')
                    .append(TEXT.format(eventEnd)).append('\t').append(TEXT.format(eventEnd.plusSeconds(10))).append('\t')
                    .append("motion\t").append(String.format(java.util.Locale.ROOT, "%.4f", 0.01 + random.nextDouble() * 0.2))
                    .append("\t0.1\t0.2\t0.3\t0.4\t").append(TEXT.format(eventEnd)).append('\n');
        }
    }
}
