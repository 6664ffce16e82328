package io.vigil.gateway.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the {@link StatusBoard} from the compacted camera-status topic. Every gateway instance reads
 * the whole topic from the beginning (a consumer group of its own, no commits), so each one can answer
 * for every camera. The raw bytes are decoded here so that a malformed record is skipped, not fatal.
 */
@ApplicationScoped
public class StatusConsumer {

    private static final Logger LOG = Logger.getLogger(StatusConsumer.class);

    private final StatusBoard board;
    private final MeterRegistry meters;

    StatusConsumer(StatusBoard board, MeterRegistry meters) {
        this.board = board;
        this.meters = meters;
    }

    @Incoming("camera-status")
    public void consume(ConsumerRecord<String, byte[]> record) {
        meters.counter("vigil.gateway.status.records", "outcome", apply(record)).increment();
    }

    private String apply(ConsumerRecord<String, byte[]> record) {
        String cameraId = record.key();
        if (!CameraConfig.isValidId(cameraId)) {
            LOG.warnf("skipped camera-status record at %s-%d@%d: the key is not a camera id",
                    record.topic(), record.partition(), record.offset());
            return "malformed";
        }
        if (record.value() == null) {
            board.remove(cameraId);
            return "removed";
        }
        try {
            board.put(cameraId, ContractJson.read(record.value(), CameraStatus.class));
            return "applied";
        } catch (MalformedRecordException e) {
            LOG.warnf("skipped camera-status record of %s at %s-%d@%d: %s",
                    cameraId, record.topic(), record.partition(), record.offset(), CameraUrls.redact(e.getMessage()));
            return "malformed";
        }
    }
}
