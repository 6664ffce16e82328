package io.vigil.indexer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.Region;
import io.vigil.contracts.Topics;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * vigil.events into the event table, on a real broker and PostgreSQL. All records are keyed by one
 * camera, so they are consumed in the order sent: once a later record's row is there, every
 * earlier record has been dealt with.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordingsRootResource.class, restrictToAnnotatedClass = true)
class EventCatalogingTest {

    private static final String CAMERA = "porch";
    private static final Instant T0 = Instant.parse("2026-11-22T09:59:51Z");
    private static final Region LEFT = new Region(0.1, 0.2, 0.1, 0.1);
    private static final Region MIDDLE = new Region(0.4, 0.3, 0.2, 0.25);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

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
    void aMotionEventBecomesOneRowAndItsReplayChangesNothing() throws Exception {
        String id = newId();
        List<CameraEvent> records = List.of(
                record(CameraEvent.EVENT_STARTED, id, T0, RecordingReason.MOTION, null, null, null, null),
                record(CameraEvent.MOTION_STARTED, id, T0, RecordingReason.MOTION, null, 0.03, LEFT, null),
                record(CameraEvent.MOTION_ENDED, id, T0.plusSeconds(5), RecordingReason.MOTION, null, 0.06, MIDDLE, null),
                record(CameraEvent.EVENT_ENDED, id, T0.plusSeconds(5), RecordingReason.MOTION, null, 0.06, MIDDLE, T0.plusSeconds(15)));
        for (CameraEvent record : records) {
            publish(record);
        }
        Map<String, Object> row = await().atMost(PATIENCE)
                .until(() -> catalog.event(id), found -> found.isPresent() && found.get().get("end_time") != null).orElseThrow();

        assertThat(row).containsEntry("camera_id", CAMERA).containsEntry("reason", "motion").containsEntry("label", null)
                .containsEntry("peak_score", 0.06).containsEntry("box_x", 0.4).containsEntry("box_y", 0.3)
                .containsEntry("box_width", 0.2).containsEntry("box_height", 0.25);
        assertThat(instant(row, "start_time")).isEqualTo(T0);
        assertThat(instant(row, "end_time")).isEqualTo(T0.plusSeconds(5));
        assertThat(instant(row, "recording_end")).isEqualTo(T0.plusSeconds(15));

        for (CameraEvent record : records) {
            publish(record);
        }
        awaitStarted();

        assertThat(catalog.event(id)).contains(row);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_indexer_event_records_total{outcome=\"unchanged\",type=\"event.ended\"}"));
    }

    @Test
    void recordsArrivingOutOfOrderOrAgainGiveTheSameRow() throws Exception {
        String id = newId();
        // the indexer meets the event through a motion that joined it, before its start (which it
        // missed, or which comes again later), and an older, weaker motion record comes again at the end
        publish(record(CameraEvent.MOTION_STARTED, id, T0.plusSeconds(3), RecordingReason.EXTERNAL, null, 0.08, MIDDLE, null));
        publish(record(CameraEvent.EVENT_ENDED, id, T0.plusSeconds(8), RecordingReason.EXTERNAL, null, 0.08, MIDDLE, T0.plusSeconds(18)));
        publish(record(CameraEvent.EVENT_STARTED, id, T0, RecordingReason.EXTERNAL, "doorbell", null, null, null));
        Map<String, Object> row = await().atMost(PATIENCE)
                .until(() -> catalog.event(id), found -> found.isPresent() && found.get().get("label") != null).orElseThrow();
        publish(record(CameraEvent.MOTION_STARTED, id, T0.plusSeconds(1), RecordingReason.EXTERNAL, null, 0.02, LEFT, null));
        publish(record(CameraEvent.EVENT_STARTED, id, T0, RecordingReason.EXTERNAL, "doorbell", null, null, null));
        awaitStarted();

        Map<String, Object> after = catalog.event(id).orElseThrow();
        assertThat(after).isEqualTo(row);
        assertThat(after).containsEntry("reason", "external").containsEntry("label", "doorbell")
                .containsEntry("peak_score", 0.08).containsEntry("box_x", 0.4);
        assertThat(instant(after, "start_time")).isEqualTo(T0);
        assertThat(instant(after, "end_time")).isEqualTo(T0.plusSeconds(8));
        assertThat(instant(after, "recording_end")).isEqualTo(T0.plusSeconds(18));
    }

    @Test
    void passesOverRecordsThatBreakTheContractAndGoesOn() throws Exception {
        String broken = newId();
        byte[] truncated = "{\"v\":1,\"type\":".getBytes(StandardCharsets.UTF_8);
        long offset = producer.send(new ProducerRecord<>(Topics.EVENTS, CAMERA, truncated)).get().offset();
        publish(record("event.exploded", broken, T0, RecordingReason.MOTION, null, null, null, null));
        publish(record(CameraEvent.MOTION_STARTED, broken, T0, RecordingReason.MOTION, null, 7.0, LEFT, null));

        String good = awaitStarted();

        assertThat(catalog.event(broken)).isEmpty();
        assertThat(catalog.event(good)).isPresent();
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_indexer_event_records_skipped_total{reason=\"malformed\"} 3.0"));
        DeadLetterTopic.Letter letter = DeadLetterTopic.await(clients.bootstrapServers(),
                found -> Topics.EVENTS.equals(found.topic()) && found.offset() == offset && CAMERA.equals(found.key()), PATIENCE);
        assertThat(letter.value()).isEqualTo(truncated);
        assertThat(letter.consumer()).isEqualTo("vigil-indexer");
        assertThat(letter.reason()).isNotBlank();
    }

    /** Publishes the start of a new event and waits for its row: every record sent before has been dealt with. */
    private String awaitStarted() throws Exception {
        String sentinel = newId();
        publish(record(CameraEvent.EVENT_STARTED, sentinel, T0, RecordingReason.MANUAL, null, null, null, null));
        await().atMost(PATIENCE).until(() -> catalog.event(sentinel), Optional::isPresent);
        return sentinel;
    }

    private static CameraEvent record(String type, String eventId, Instant time, RecordingReason reason, String label,
                                      Double score, Region box, Instant recordingEnd) {
        return new CameraEvent(CameraEvent.VERSION, type, CAMERA, eventId, time, reason, label, score, box, recordingEnd, "ingest-test");
    }

    private void publish(CameraEvent record) throws Exception {
        producer.send(new ProducerRecord<>(Topics.EVENTS, CAMERA, ContractJson.write(record))).get();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
