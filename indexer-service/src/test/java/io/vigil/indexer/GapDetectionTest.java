package io.vigil.indexer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.RecordingClosed;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import io.vigil.contracts.Topics;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.indexer.volume.RecordingsConfig;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gap detection on the real service, Kafka and PostgreSQL: recordings announced as the recorder
 * announces them, the gap rows they leave. Each scenario has a camera of its own, so its records
 * share a partition and are consumed in the order sent.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordingsRootResource.class, restrictToAnnotatedClass = true)
class GapDetectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    /** One recording as the recorder would announce it; every file is the 5 s sample. */
    private record Spec(String name, long atMillis, String session, long firstSequence, SessionCause cause,
                        String previousFailure, String instance, RecordingReason reason, String eventId) {
    }

    /**
     * A continuous camera's day: a rotation (no gap), lost pieces (sequence jump), the camera timing
     * out, a failover to another instance, a failed stream, a new configuration, and a reconnect too
     * quick to be a gap (0.5 s after the end of g).
     */
    private static final List<Spec> CONTINUOUS = List.of(
            new Spec("a", 0, "s1", 0, SessionCause.START, null, "ingest-1", RecordingReason.CONTINUOUS, null),
            new Spec("b", 5000, "s1", 5, SessionCause.START, null, "ingest-1", RecordingReason.CONTINUOUS, null),
            new Spec("c", 12000, "s1", 12, SessionCause.START, null, "ingest-1", RecordingReason.CONTINUOUS, null),
            new Spec("d", 30000, "s2", 0, SessionCause.RECONNECT, "timeout", "ingest-1", RecordingReason.CONTINUOUS, null),
            new Spec("e", 60000, "s3", 0, SessionCause.START, null, "ingest-2", RecordingReason.CONTINUOUS, null),
            new Spec("f", 70000, "s4", 0, SessionCause.RECONNECT, "failure", "ingest-2", RecordingReason.CONTINUOUS, null),
            new Spec("g", 80000, "s5", 0, SessionCause.CONFIG, null, "ingest-2", RecordingReason.CONTINUOUS, null),
            new Spec("h", 85_500, "s6", 0, SessionCause.RECONNECT, "refused", "ingest-2", RecordingReason.CONTINUOUS, null));

    @Inject
    RecordingsConfig recordings;

    @Inject
    TestClients clients;

    private KafkaProducer<String, byte[]> producer;
    private Connection db;

    @BeforeEach
    void connect() throws SQLException {
        producer = clients.producer();
        db = clients.catalog();
    }

    @AfterEach
    void disconnect() throws SQLException {
        producer.close();
        db.close();
    }

    @Test
    void holesBetweenRecordingsBecomeGapsWithTheirCauseOnceOnly() throws Exception {
        String camera = "gap-in-order";
        announceAll(camera, CONTINUOUS);
        awaitMarker(camera);
        List<String> gaps = gaps(camera);

        // the gaps run exactly from one recording's end (as catalogued) to the next one's start
        assertThat(gaps).containsExactly(
                gap(camera, "b", "c", "sequence_jump", "pieces 10 to 11 of session s1 are missing"),
                gap(camera, "c", "d", "camera_offline", "reconnected after the camera did not answer in time"),
                gap(camera, "d", "e", "ingest_restart", "ingest ingest-2 took over from ingest-1"),
                gap(camera, "e", "f", "reconnect", "reconnected after the stream failed"),
                gap(camera, "f", "g", "config_change", "the session restarted for a new camera configuration"));
        double seconds = gapSeconds(camera);
        assertThat(metric(camera)).isCloseTo(seconds, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(rowCount(camera)).isEqualTo(8);

        // the same announcements again (a replay, a recorder re-announcing): nothing changes, nothing is counted
        List<String> before = gapRows(camera);
        announceAll(camera, CONTINUOUS);
        awaitMarker(camera);
        assertThat(gapRows(camera)).isEqualTo(before);
        assertThat(metric(camera)).isCloseTo(seconds, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void recordingsArrivingOutOfOrderLeaveTheSameGaps() throws Exception {
        String inOrder = "gap-reference";
        String shuffled = "gap-shuffled";
        announceAll(inOrder, CONTINUOUS);
        List<Spec> mixed = List.of(CONTINUOUS.get(7), CONTINUOUS.get(0), CONTINUOUS.get(4), CONTINUOUS.get(2),
                CONTINUOUS.get(6), CONTINUOUS.get(1), CONTINUOUS.get(3), CONTINUOUS.get(5));
        announceAll(shuffled, mixed);
        awaitMarker(inOrder);
        awaitMarker(shuffled);

        List<String> expected = gaps(inOrder).stream().map(row -> row.replace(inOrder, "CAMERA")).toList();
        assertThat(expected).hasSize(5);
        assertThat(gaps(shuffled).stream().map(row -> row.replace(shuffled, "CAMERA")).toList()).isEqualTo(expected);
        // the wrong gaps seen on the way (a file arriving between two already there) were taken back
        assertThat(metricSum("vigil_gaps_retracted_total", shuffled)).isGreaterThan(0);
        assertThat(metricSum("vigil_gaps_retracted_total", inOrder)).isZero();
    }

    @Test
    void eventRecordingsSeparatedByTimeAreNoGapButOneEventCutByAnOutageIs() throws Exception {
        String camera = "gap-events";
        announceAll(camera, List.of(
                new Spec("a", 0, "s1", 0, SessionCause.START, null, "ingest-1", RecordingReason.MOTION, "e-1"),
                new Spec("b", 60000, "s1", 60, SessionCause.START, null, "ingest-1", RecordingReason.MOTION, "e-2"),
                new Spec("c", 120000, "s1", 120, SessionCause.START, null, "ingest-1", RecordingReason.MANUAL, "e-3"),
                // e-3 goes on after the camera was silent for 10 s
                new Spec("d", 135000, "s2", 0, SessionCause.RECONNECT, "silent", "ingest-1", RecordingReason.MANUAL, "e-3")));
        awaitMarker(camera);

        assertThat(gaps(camera)).containsExactly(gap(camera, "c", "d", "camera_offline", "reconnected after the camera sent no video"));
    }

    // --- announcing ---

    private void announceAll(String camera, List<Spec> specs) throws Exception {
        for (Spec spec : specs) {
            announce(camera, spec);
        }
        // an event recording far later: no gap, and once its row is there everything before it was dealt with
        String marker = "marker-" + System.nanoTime();
        lastMarker.put(camera, marker);
        announce(camera, new Spec("marker", 3600000, "s9", 0, SessionCause.START, null, "ingest-1",
                RecordingReason.EXTERNAL, marker));
    }

    private void announce(String camera, Spec spec) throws Exception {
        Instant start = T.plusMillis(spec.atMillis());
        String path = path(camera, spec.name().equals("marker") ? "marker" : spec.name());
        Path file = recordings.root().resolve(path);
        if (!Files.exists(file)) {
            SampleRecording.copyTo(file);
        }
        RecordingClosed closed = new RecordingClosed(RecordingClosed.VERSION, camera, path, spec.session(), start,
                start.plusSeconds(SampleRecording.SECONDS), Files.size(file), SampleRecording.SECONDS, spec.firstSequence(),
                spec.firstSequence() + SampleRecording.SECONDS - 1, "avc1.42c01f", "session", spec.reason(), spec.eventId(),
                spec.cause(), spec.previousFailure(), spec.instance());
        producer.send(new ProducerRecord<>(Topics.RECORDINGS, camera, ContractJson.write(closed))).get();
    }

    private static String path(String camera, String name) {
        return camera + "/2026-11-23/" + camera + "_" + name + ".mp4";
    }

    private void awaitMarker(String camera) {
        await().atMost(PATIENCE).until(() -> markerIndexedAfterLastSend(camera));
    }

    /** The marker's row carries the event id of the latest announcement of it. */
    private boolean markerIndexedAfterLastSend(String camera) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select event_id from recording where path = ?")) {
            query.setString(1, path(camera, "marker"));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getString(1).equals(lastMarker.get(camera));
            }
        }
    }

    private final Map<String, String> lastMarker = new java.util.HashMap<>();

    // --- reading the catalog and the metrics ---

    /** Gaps of the camera, oldest first, as "start end cause detail". */
    private List<String> gaps(String camera) throws SQLException {
        List<String> gaps = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "select start_time, end_time, cause, detail from gap where camera_id = ? order by start_time")) {
            query.setString(1, camera);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    gaps.add(rows.getTimestamp(1).toInstant() + " " + rows.getTimestamp(2).toInstant() + " "
                            + rows.getString(3) + " " + rows.getString(4));
                }
            }
        }
        return gaps;
    }

    /** Everything of the camera's gap rows, ids and creation times included. */
    private List<String> gapRows(String camera) throws SQLException {
        List<String> gaps = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "select id, start_time, end_time, cause, detail, created_at from gap where camera_id = ? order by id")) {
            query.setString(1, camera);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    gaps.add(rows.getLong(1) + " " + rows.getTimestamp(2).toInstant() + " " + rows.getTimestamp(3).toInstant()
                            + " " + rows.getString(4) + " " + rows.getString(5) + " " + rows.getTimestamp(6).toInstant());
                }
            }
        }
        return gaps;
    }

    private double gapSeconds(String camera) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select extract(epoch from sum(end_time - start_time)) from gap where camera_id = ?")) {
            query.setString(1, camera);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    private long rowCount(String camera) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from recording where camera_id = ? and reason = 'continuous'")) {
            query.setString(1, camera);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The expected gap from the end of recording {@code before} to the start of {@code after}, read from their rows. */
    private String gap(String camera, String before, String after, String cause, String detailEnd) throws SQLException {
        Instant end = instant("end_time", path(camera, before));
        Instant start = instant("start_time", path(camera, after));
        double seconds = Duration.between(end, start).toNanos() / 1e9;
        String noMedia = String.format(java.util.Locale.ROOT, "no media for %.1f s; ", seconds);
        return end + " " + start + " " + cause + " " + noMedia + detailEnd;
    }

    private Instant instant(String column, String path) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select " + column + " from recording where path = ?")) {
            query.setString(1, path);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a row for " + path).isTrue();
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    private double metric(String camera) {
        return metricSum("vigil_gap_seconds_total", camera);
    }

    private static double metricSum(String name, String camera) {
        String body = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("camera=\"" + camera + "\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
