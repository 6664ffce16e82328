package io.vigil.indexer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.restassured.RestAssured;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.RecordingClosed;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.Topics;
import io.vigil.fmp4.FragmentIndex;
import io.vigil.indexer.backfill.Backfill;
import io.vigil.indexer.volume.RecordingsConfig;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The service on a real Kafka broker, a real PostgreSQL and real recordings made by FFmpeg. Every
 * event is keyed by the same camera, so they are consumed in the order sent: once a later event's
 * row is there, an earlier event has been dealt with.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordingsRootResource.class, restrictToAnnotatedClass = true)
class IndexerServiceTest {

    private static final String CAMERA = "door";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    RecordingsConfig recordings;

    @Inject
    Backfill backfill;

    @Inject
    TestClients clients;

    private KafkaProducer<String, byte[]> producer;
    private CatalogRows catalog;

    @BeforeEach
    void connect() throws Exception {
        producer = clients.producer();
        catalog = clients.rows();
    }

    @AfterEach
    void disconnect() throws Exception {
        producer.close();
        catalog.close();
    }

    @Test
    void catalogsAnAnnouncedRecordingWithWhatTheFileHolds() throws Exception {
        Instant start = Instant.parse("2026-11-22T10:00:00.040Z");
        String path = newRecording(start);

        announce(event(path, start));

        Map<String, Object> row = awaitRow(path);
        assertThat(row).containsEntry("camera_id", CAMERA).containsEntry("codec", "h264")
                .containsEntry("width", 1280).containsEntry("height", 720)
                .containsEntry("session_id", "session-1").containsEntry("first_sequence", 10L)
                .containsEntry("last_sequence", 14L).containsEntry("piece_count", 5)
                .containsEntry("bytes", Files.size(file(path)))
                .containsEntry("reason", "continuous").containsEntry("event_id", null);
        assertThat((Double) row.get("fps")).isCloseTo(25.0, within(0.01));
        assertThat((Long) row.get("duration_ms")).isCloseTo(SampleRecording.SECONDS * 1000L, within(40L));
        assertThat(((Timestamp) row.get("start_time")).toInstant()).isEqualTo(start);
        assertThat(((Timestamp) row.get("end_time")).toInstant())
                .isEqualTo(start.plusMillis((Long) row.get("duration_ms")));
        FragmentIndex index = FragmentIndex.decode((byte[]) row.get("fragment_index"));
        assertThat(index.fragments()).hasSize(SampleRecording.SECONDS);
        assertThat(index.fragments().get(1).startMicros()).isCloseTo(1_000_000L, within(1_000L));
    }

    @Test
    void anEventsRecordingIsCatalogedWithItsReasonAndEvent() throws Exception {
        Instant start = Instant.parse("2026-11-22T10:30:00Z");
        String path = newRecording(start);

        announce(new RecordingClosed(RecordingClosed.VERSION, CAMERA, path, "session-1", start, start.plusSeconds(5),
                0, 5, 10, 14, "avc1.42c01f", "event", RecordingReason.MOTION, "1b4e-motion"));

        assertThat(awaitRow(path)).containsEntry("reason", "motion").containsEntry("event_id", "1b4e-motion")
                .containsEntry("piece_count", 5);
    }

    @Test
    void anEventSeenTwiceLeavesOneRow() throws Exception {
        Instant start = Instant.parse("2026-11-22T11:00:00Z");
        String path = newRecording(start);
        announce(event(path, start));
        Instant firstIndexed = ((Timestamp) awaitRow(path).get("indexed_at")).toInstant();

        announce(event(path, start));

        await().atMost(PATIENCE).until(() -> ((Timestamp) catalog.row(path).orElseThrow().get("indexed_at")).toInstant().isAfter(firstIndexed));
        assertThat(catalog.count(path)).isEqualTo(1);
    }

    @Test
    void passesOverEventsItCannotUseAndGoesOn() throws Exception {
        Path outside = SampleRecording.copyTo(root().getParent().resolve("outside.mp4"));
        String escaping = CAMERA + "/../../" + outside.getFileName();
        String missing = CAMERA + "/2026-11-22/" + CAMERA + "_2026-11-22_12-30-00.mp4";
        String notVideo = CAMERA + "/2026-11-22/" + CAMERA + "_2026-11-22_12-45-00.mp4";
        Files.writeString(file(notVideo), "not a video");

        long malformed = announce("{\"v\":1,\"cameraId\":".getBytes(StandardCharsets.UTF_8));
        long outsideRoot = announce(event(escaping, Instant.parse("2026-11-22T12:15:00Z")));
        announce(event(missing, Instant.parse("2026-11-22T12:30:00Z")));
        announce(event(notVideo, Instant.parse("2026-11-22T12:45:00Z")));
        Instant start = Instant.parse("2026-11-22T13:00:00Z");
        String good = newRecording(start);
        announce(event(good, start));

        awaitRow(good);
        assertThat(catalog.count(escaping)).isZero();
        assertThat(catalog.count(missing)).isZero();
        assertThat(catalog.count(notVideo)).isZero();
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_indexer_recordings_skipped_total{reason=\"malformed\"}"))
                .body(containsString("vigil_indexer_recordings_skipped_total{reason=\"invalid-path\"}"))
                .body(containsString("vigil_indexer_recordings_skipped_total{reason=\"missing\"}"))
                .body(containsString("vigil_indexer_recordings_skipped_total{reason=\"unreadable\"}"))
                .body(containsString("vigil_indexer_probe_failures_total"));
        // the two records no retry can fix are kept, with the reason; the missing and unreadable files' records are sound
        assertThat(deadLetter(malformed).reason()).isNotBlank();
        assertThat(deadLetter(outsideRoot).reason()).contains(escaping);
    }

    private DeadLetterTopic.Letter deadLetter(long offset) {
        DeadLetterTopic.Letter letter = DeadLetterTopic.await(clients.bootstrapServers(), found -> Topics.RECORDINGS.equals(found.topic())
                && found.offset() == offset && CAMERA.equals(found.key()), PATIENCE);
        assertThat(letter.consumer()).isEqualTo("vigil-indexer");
        return letter;
    }

    @Test
    void backfillCatalogsSettledFilesNoEventAnnounced() throws Exception {
        Instant start = Instant.parse("2026-11-22T14:00:00Z");
        String journalled = newRecording(start);
        Files.writeString(journal(journalled), """
                {"cameraId":"door","sessionId":"from-journal","codec":"avc1.42c01f","start":"2026-11-22T14:00:00.480Z","initBytes":782,"reason":"external","eventId":"bell-3"}
                {"seq":70,"offset":782,"length":67084,"start":"2026-11-22T14:00:00.480Z","durationMicros":1000000}
                {"seq":71,"offset":67866,"length":66471,"start":"2026-11-22T14:00:01.480Z","durationMicros":1000000}
                {"seq":72,"offs""");
        String named = newRecording(Instant.parse("2026-11-22T14:15:00Z"));
        String fresh = newRecording(Instant.parse("2026-11-22T14:30:00Z"));
        settle(journalled);
        settle(named);

        int cataloged = backfill.run();

        assertThat(cataloged).isEqualTo(2);
        assertThat(catalog.row(journalled).orElseThrow()).containsEntry("session_id", "from-journal")
                .containsEntry("first_sequence", 70L).containsEntry("last_sequence", 71L).containsEntry("piece_count", 2)
                .containsEntry("codec", "h264").containsEntry("reason", "external").containsEntry("event_id", "bell-3");
        assertThat(((Timestamp) catalog.row(journalled).orElseThrow().get("start_time")).toInstant())
                .isEqualTo(Instant.parse("2026-11-22T14:00:00.480Z"));
        assertThat(((Timestamp) catalog.row(named).orElseThrow().get("start_time")).toInstant())
                .isEqualTo(Instant.parse("2026-11-22T14:15:00Z"));
        assertThat(catalog.row(named).orElseThrow().get("session_id")).isNull();
        assertThat(catalog.row(named).orElseThrow()).containsEntry("reason", "continuous").containsEntry("event_id", null);
        assertThat(catalog.count(fresh)).as("a file still being written is left to its event").isZero();
        assertThat(backfill.run()).as("a second pass finds nothing new").isZero();
    }

    @Test
    void aRowTheCatalogRefusesDoesNotStopTheBackfill() throws Exception {
        String refused = newRecording(Instant.parse("2026-11-23T09:00:00Z"));
        // session_id is varchar(64): PostgreSQL refuses this row, and will every time
        Files.writeString(journal(refused), """
                {"cameraId":"door","sessionId":"%s","codec":"avc1.42c01f","start":"2026-11-23T09:00:00Z"}
                {"seq":0,"offset":782,"length":67084,"start":"2026-11-23T09:00:00Z","durationMicros":1000000}
                """.formatted("s".repeat(100)));
        String fine = newRecording(Instant.parse("2026-11-23T09:15:00Z"));
        settle(refused);
        settle(fine);

        assertThat(backfill.run()).isEqualTo(1);
        assertThat(catalog.count(refused)).isZero();
        assertThat(catalog.count(fine)).isEqualTo(1);
    }

    @Test
    void waitsOutAPostgresOutageWithoutLosingTheEvent() throws Exception {
        Instant start = Instant.parse("2026-11-22T15:00:00Z");
        String path = newRecording(start);
        catalog.refuseConnections();
        try {
            announce(event(path, start));
            await().atMost(PATIENCE).untilAsserted(() ->
                    RestAssured.get("/q/health/ready").then().statusCode(503));
            Thread.sleep(2_000);
            assertThat(catalog.count(path)).isZero();
        } finally {
            catalog.allowConnections();
        }

        awaitRow(path);
        assertThat(catalog.count(path)).isEqualTo(1);
    }

    @Test
    void isReadyWhenKafkaAndPostgresAre() {
        await().atMost(PATIENCE).untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data.recordings", is("[OK]"))
                .body("checks.find { it.name.contains('Reactive PostgreSQL') }.status", is("UP")));
    }

    private String newRecording(Instant start) {
        String day = start.toString().substring(0, 10);
        String name = CAMERA + "_" + day + "_" + start.toString().substring(11, 19).replace(':', '-') + ".mp4";
        String path = CAMERA + "/" + day + "/" + name;
        SampleRecording.copyTo(file(path));
        return path;
    }

    private static RecordingClosed event(String path, Instant start) {
        return new RecordingClosed(RecordingClosed.VERSION, CAMERA, path, "session-1", start, start.plusSeconds(5),
                0, 5, 10, 14, "avc1.42c01f", "rotation", RecordingReason.CONTINUOUS, null);
    }

    private long announce(RecordingClosed event) throws Exception {
        return announce(ContractJson.write(event));
    }

    /** @return the record's offset */
    private long announce(byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.RECORDINGS, CAMERA, value)).get().offset();
    }

    private Map<String, Object> awaitRow(String path) {
        return await().atMost(PATIENCE).until(() -> catalog.row(path), java.util.Optional::isPresent).orElseThrow();
    }

    private void settle(String path) throws Exception {
        Files.setLastModifiedTime(file(path), FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
    }

    private Path root() {
        return recordings.root();
    }

    private Path file(String path) {
        try {
            Path file = root().resolve(path);
            Files.createDirectories(file.getParent());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path journal(String path) {
        return file(path).resolveSibling(file(path).getFileName() + ".pieces");
    }
}
