package io.vigil.contracts.kafka;

import io.vigil.contracts.CameraUrls;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record a consumer could not use: where it was (topic, partition, offset), its key and value as
 * they were, and why it was refused. The reason is redacted (a camera URL in it loses its password)
 * and bounded, because it becomes a Kafka header.
 */
public record DeadLetter(String topic, int partition, long offset, String key, byte[] value, String reason) {

    static final int MAX_REASON_CHARS = 2000;

    public DeadLetter {
        reason = reason == null || reason.isBlank() ? "unreadable record" : CameraUrls.redact(reason);
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, MAX_REASON_CHARS - 1) + "…";
        }
    }

    public static DeadLetter of(ConsumerRecord<String, byte[]> record, String reason) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(), reason);
    }

    /** The place in Kafka the record came from, as log lines name it. */
    public String source() {
        return topic + "-" + partition + "@" + offset;
    }
}
