package io.vigil.gateway.imports;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.ImportStatus;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.gateway.kafka.DeadLetterBox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the {@link ImportBoard} from the compacted import-status topic; every gateway instance reads
 * it all from the beginning (a group of its own, no commits), so any of them answers GET /api/imports/{id}.
 * A record it cannot use goes to the dead-letter topic, as the camera-status consumer's do.
 */
@ApplicationScoped
public class ImportStatusConsumer {

    private static final Logger LOG = Logger.getLogger(ImportStatusConsumer.class);

    private final ImportBoard board;
    private final MeterRegistry meters;
    private final DeadLetterBox deadLetters;

    ImportStatusConsumer(ImportBoard board, MeterRegistry meters, DeadLetterBox deadLetters) {
        this.board = board;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    @Incoming("import-status")
    public void consume(ConsumerRecord<String, byte[]> record) {
        String outcome = "applied";
        try {
            ImportStatus status = record.value() == null ? null : ContractJson.read(record.value(), ImportStatus.class);
            if (status == null || status.importId() == null || !status.importId().equals(record.key())) {
                outcome = "malformed";
                LOG.warnf("skipped record at %s-%d@%d: no import status for its key", record.topic(), record.partition(), record.offset());
                deadLetters.send(record, "no import status for its key");
            } else {
                board.put(status);
            }
        } catch (MalformedRecordException e) {
            outcome = "malformed";
            LOG.warnf("skipped record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetters.send(record, e.getMessage());
        }
        meters.counter("vigil.gateway.import.status.records", "outcome", outcome).increment();
    }
}
