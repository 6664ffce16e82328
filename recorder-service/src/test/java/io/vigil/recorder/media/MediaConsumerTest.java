package io.vigil.recorder.media;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MediaPieceCodec;
import io.vigil.contracts.RecorderStatus;
import io.vigil.contracts.RecordingClosed;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.RecorderStatusDeserializer;
import io.vigil.contracts.kafka.RecordingClosedDeserializer;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.recorder.file.JournalEntry;
import io.vigil.recorder.file.JournalReader;
import io.vigil.recorder.fixtures.Ffprobe;
import io.vigil.recorder.fixtures.RealStream;
import io.vigil.recorder.fixtures.RecordingsRootResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The service on a real broker: media records in, files on the volume and RecordingClosed events out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(RecordingsRootResource.class)
class MediaConsumerTest {

    private static final String CAMERA = "lobby";
    private static final Instant T0 = Instant.parse("2026-11-22T08:30:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;

    @Test
    void everyPieceLandsOnDiskExactlyOnceAndClosedFilesAreAnnounced() throws Exception {
        RealStream stream = RealStream.hd();
        String session = UUID.randomUUID().toString();
        double malformedBefore = malformedCount();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int pass = 0; pass < 2; pass++) { // the second pass is a replay: all duplicates
                for (int seq = 0; seq < stream.pieces(); seq++) {
                    MediaPiece piece = stream.piece(CAMERA, session, seq, T0, 10);
                    producer.send(new ProducerRecord<>(Topics.MEDIA, CAMERA, MediaPieceCodec.encode(piece))).get();
                }
                producer.send(new ProducerRecord<>(Topics.MEDIA, CAMERA, "VGMP but not a piece".getBytes())).get();
            }
        }

        List<RecordingClosed> closed = awaitAnnouncements(CAMERA, 2);

        assertThat(closed).extracting(RecordingClosed::closeReason).containsExactly("rotation", "idle");
        RecordingClosed first = closed.get(0);
        assertThat(first.path()).isEqualTo("lobby/2026-11-22/lobby_2026-11-22_08-30-00.mp4");
        assertThat(first.sessionId()).isEqualTo(session);
        assertThat(first.pieceCount()).isEqualTo(10);
        assertThat(first.firstSequence()).isZero();
        assertThat(first.lastSequence()).isEqualTo(9);
        assertThat(first.end()).isEqualTo(T0.plusSeconds(10));
        assertThat(closed.get(1).path()).isEqualTo("lobby/2026-11-22/lobby_2026-11-22_08-30-10.mp4");
        assertThat(sequences(first.path())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(sequences(closed.get(1).path())).containsExactly(10L, 11L);
        assertThat(Ffprobe.probe(root.resolve(first.path())).packets()).isEqualTo(10 * 25);
        assertThat(Ffprobe.probe(root.resolve(closed.get(1).path())).packets()).isEqualTo(2 * 25);

        assertThat(awaitStatuses(CAMERA, 4)).satisfiesExactly(
                open -> assertThat(open).extracting(RecorderStatus::file, RecorderStatus::fileStart, RecorderStatus::eventId)
                        .containsExactly(first.path(), T0, null),
                none -> assertThat(none.file()).isNull(),
                open -> assertThat(open).extracting(RecorderStatus::file, RecorderStatus::fileStart)
                        .containsExactly(closed.get(1).path(), T0.plusSeconds(10)),
                none -> assertThat(none.file()).isNull());

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_recorder_pieces_written_total{camera=\"lobby\"} 12.0"))
                .body(containsString("vigil_recorder_duplicates_skipped_total{camera=\"lobby\"} 12.0"));
        assertThat(malformedCount() - malformedBefore).isEqualTo(2.0);
        given().get("/q/health/ready").then().statusCode(200).body(containsString("recordings volume"));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicWithItsReasonAndTheCameraGoesOn() throws Exception {
        RealStream stream = RealStream.hd();
        String camera = "cellar";
        byte[] broken = "VGMP and then nothing".getBytes();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.MEDIA, camera, MediaPieceCodec.encode(stream.piece(camera, "c1", 0, T0, 900)))).get();
            long offset = producer.send(new ProducerRecord<>(Topics.MEDIA, camera, broken)).get().offset();
            producer.send(new ProducerRecord<>(Topics.MEDIA, camera, MediaPieceCodec.encode(stream.piece(camera, "c1", 1, T0, 900)))).get();

            DeadLetterTopic.Letter letter = DeadLetterTopic.await(bootstrapServers,
                    found -> camera.equals(found.key()) && Topics.MEDIA.equals(found.topic()), Duration.ofSeconds(60));
            assertThat(letter.value()).isEqualTo(broken);
            assertThat(letter.offset()).isEqualTo(offset);
            assertThat(letter.consumer()).isEqualTo("vigil-recorder");
            assertThat(letter.reason()).isNotBlank();
        }
        // the pieces around it are written: the bad record held nothing up
        String path = "cellar/2026-11-22/cellar_2026-11-22_08-30-00.mp4";
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(root.resolve(path + ".pieces")) && sequences(path).size() == 2);
        assertThat(sequences(path)).containsExactly(0L, 1L);
    }

    @Test
    void eachEventIsRecordedToFilesOfItsOwn() throws Exception {
        RealStream stream = RealStream.hd();
        String camera = "garage";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int seq = 0; seq < 5; seq++) {
                MediaPiece piece = seq < 3
                        ? RealStream.stamped(stream.piece(camera, "g1", seq, T0, 10), RecordingReason.MOTION, "event-a")
                        : RealStream.stamped(stream.piece(camera, "g1", seq, T0, 10), RecordingReason.MANUAL, "event-b");
                producer.send(new ProducerRecord<>(Topics.MEDIA, camera, MediaPieceCodec.encode(piece))).get();
            }
        }

        List<RecordingClosed> closed = awaitAnnouncements(camera, 2);

        assertThat(closed).extracting(RecordingClosed::closeReason).containsExactly("event", "idle");
        assertThat(closed).extracting(RecordingClosed::reason).containsExactly(RecordingReason.MOTION, RecordingReason.MANUAL);
        assertThat(closed).extracting(RecordingClosed::eventId).containsExactly("event-a", "event-b");
        assertThat(closed).extracting(RecordingClosed::pieceCount).containsExactly(3, 2);
        assertThat(awaitStatuses(camera, 4)).extracting(RecorderStatus::file, RecorderStatus::eventId).containsExactly(
                tuple("garage/2026-11-22/garage_2026-11-22_08-30-00.mp4", "event-a"), tuple(null, null),
                tuple("garage/2026-11-22/garage_2026-11-22_08-30-03.mp4", "event-b"), tuple(null, null));
    }

    @Test
    void aPieceThatCannotBeWrittenIsRetriedUntilItIsAndReadinessSaysWhy() throws Exception {
        RealStream stream = RealStream.hd();
        Path blocker = root.resolve("porch"); // a file where the camera's folder must go: every write fails
        Files.writeString(blocker, "in the way");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int seq = 0; seq < 2; seq++) {
                producer.send(new ProducerRecord<>(Topics.MEDIA, "porch", MediaPieceCodec.encode(stream.piece("porch", "p1", seq, T0, 900)))).get();
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("camera porch: piece 0 of session p1")));
        Files.delete(blocker);

        String path = "porch/2026-11-22/porch_2026-11-22_08-30-00.mp4";
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(root.resolve(path + ".pieces")) && sequences(path).size() == 2);
        assertThat(sequences(path)).containsExactly(0L, 1L);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("vigil_recorder_write_failures_total{camera=\"porch\"}"));
    }

    /** Counted over the whole test JVM: tests compare it before and after. */
    private static double malformedCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("vigil_recorder_records_malformed_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    private List<Long> sequences(String path) throws IOException {
        return JournalReader.read(root.resolve(path + ".pieces")).pieces().stream().map(JournalEntry.Piece::seq).toList();
    }

    private List<RecordingClosed> awaitAnnouncements(String camera, int count) {
        return awaitRecords(Topics.RECORDINGS, new RecordingClosedDeserializer(), camera, count);
    }

    private List<RecorderStatus> awaitStatuses(String camera, int count) {
        return awaitRecords(Topics.RECORDER_STATUS, new RecorderStatusDeserializer(), camera, count);
    }

    private <T> List<T> awaitRecords(String topic, Deserializer<T> values, String camera, int count) {
        List<T> found = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "recorder-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (camera.equals(record.key())) {
                        found.add(record.value());
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MEDIA_RECORD_BYTES + 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }
}
