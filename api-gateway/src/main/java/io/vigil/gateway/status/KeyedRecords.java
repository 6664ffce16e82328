package io.vigil.gateway.status;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Applies one record of a compacted topic keyed by camera id to an in-memory board. The raw bytes
 * are decoded here so that a malformed record is skipped, counted and dead-lettered, not fatal to the consumer.
 */
final class KeyedRecords {

    private static final Logger LOG = Logger.getLogger(KeyedRecords.class);

    private KeyedRecords() {
    }

    /**
     * @param refused told of a record that breaks the contract, with the reason
     * @return the outcome for the records metric: applied, removed or malformed
     */
    static <T> String apply(ConsumerRecord<String, byte[]> record, Class<T> type, BiConsumer<String, T> put,
                            Consumer<String> remove, BiConsumer<ConsumerRecord<String, byte[]>, String> refused) {
        String cameraId = record.key();
        if (!CameraConfig.isValidId(cameraId)) {
            LOG.warnf("skipped record at %s-%d@%d: the key is not a camera id", record.topic(), record.partition(), record.offset());
            refused.accept(record, "the key is not a camera id");
            return "malformed";
        }
        if (record.value() == null) {
            remove.accept(cameraId);
            return "removed";
        }
        try {
            put.accept(cameraId, ContractJson.read(record.value(), type));
            return "applied";
        } catch (MalformedRecordException e) {
            LOG.warnf("skipped record of %s at %s-%d@%d: %s",
                    cameraId, record.topic(), record.partition(), record.offset(), CameraUrls.redact(e.getMessage()));
            refused.accept(record, e.getMessage());
            return "malformed";
        }
    }
}
