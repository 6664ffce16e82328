package io.vigil.ingest.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.kafka.MediaPieceSerializer;
import io.vigil.ingest.session.PieceSink;
import io.vigil.ingest.status.CameraStatusTracker;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kafka reports a lost piece through the callback, not by throwing; the session must still fail. */
class MediaPublisherTest {

    private final MockProducer<String, MediaPiece> producer =
            new MockProducer<>(false, null, new StringSerializer(), new MediaPieceSerializer());
    private final MediaPublisher publisher = new MediaPublisher(producer);
    private final CameraStatusTracker status = new CameraStatusTracker("cam-1", "test", s -> {
    }, new SimpleMeterRegistry(), Duration.ofSeconds(5), Clock.systemUTC(), System::nanoTime);

    @Test
    void aPieceKafkaDidNotTakeFailsTheSessionsNextPiece() {
        PieceSink sink = publisher.sink(status);
        sink.accept(piece("s1", 0));
        producer.errorNext(new TimeoutException("Expiring 1 record(s): delivery timed out"));

        assertThatThrownBy(() -> sink.accept(piece("s1", 1)))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("piece 0")
                .hasMessageContaining("delivery timed out");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void aNewSessionStartsClean() {
        PieceSink sink = publisher.sink(status);
        sink.accept(piece("s1", 0));
        producer.errorNext(new TimeoutException("delivery timed out"));

        sink.accept(piece("s2", 0));
        sink.accept(piece("s2", 1));

        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void anotherCameraIsNotAffected() {
        PieceSink sink = publisher.sink(status);
        PieceSink other = publisher.sink(status);
        sink.accept(piece("s1", 0));
        producer.errorNext(new TimeoutException("delivery timed out"));

        other.accept(piece("s9", 0));

        assertThat(producer.history()).hasSize(2);
    }

    private static MediaPiece piece(String sessionId, long sequence) {
        PieceHeader header = new PieceHeader(PieceHeader.VERSION, "cam-1", sessionId, sequence,
                Instant.parse("2024-03-01T12:00:00Z"), 1_000_000, "avc1.64001f", true, 900, RecordingReason.CONTINUOUS, null);
        return new MediaPiece(header, new byte[]{1}, new byte[]{2});
    }
}
