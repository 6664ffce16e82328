package io.vigil.gateway.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.RecorderStatus;
import io.vigil.gateway.kafka.DeadLetterBox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the {@link RecorderBoard} from the compacted recorder-status topic, read whole by every
 * gateway instance like the camera-status topic.
 */
@ApplicationScoped
public class RecorderStatusConsumer {

    private final RecorderBoard board;
    private final MeterRegistry meters;
    private final DeadLetterBox deadLetters;

    RecorderStatusConsumer(RecorderBoard board, MeterRegistry meters, DeadLetterBox deadLetters) {
        this.deadLetters = deadLetters;
        this.board = board;
        this.meters = meters;
    }

    @Incoming("recorder-status")
    public void consume(ConsumerRecord<String, byte[]> record) {
        String outcome = KeyedRecords.apply(record, RecorderStatus.class, board::put, board::remove, deadLetters::send);
        meters.counter("vigil.gateway.recorder.status.records", "outcome", outcome).increment();
    }
}
