package io.vigil.gateway.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.CameraStatus;
import io.vigil.gateway.kafka.DeadLetterBox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the {@link StatusBoard} from the compacted camera-status topic. Every gateway instance reads
 * the whole topic from the beginning (a consumer group of its own, no commits), so each one can answer
 * for every camera.
 */
@ApplicationScoped
public class StatusConsumer {

    private final StatusBoard board;
    private final MeterRegistry meters;
    private final DeadLetterBox deadLetters;

    StatusConsumer(StatusBoard board, MeterRegistry meters, DeadLetterBox deadLetters) {
        this.deadLetters = deadLetters;
        this.board = board;
        this.meters = meters;
    }

    @Incoming("camera-status")
    public void consume(ConsumerRecord<String, byte[]> record) {
        String outcome = KeyedRecords.apply(record, CameraStatus.class, board::put, board::remove, deadLetters::send);
        meters.counter("vigil.gateway.status.records", "outcome", outcome).increment();
    }
}
