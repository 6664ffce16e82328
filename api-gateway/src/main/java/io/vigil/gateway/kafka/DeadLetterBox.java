package io.vigil.gateway.kafka;

import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.kafka.DeadLetterSender;
import io.vigil.contracts.kafka.DeadLetters;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Map;

/**
 * Sends the records the gateway's status consumers cannot use to {@code vigil.dead-letter}: they
 * commit nothing (every instance reads its compacted topics whole at start), so the records are sent
 * without waiting, once per process ({@link DeadLetterSender}).
 */
@ApplicationScoped
public class DeadLetterBox {

    private final DeadLetterSender sender;

    @Inject
    public DeadLetterBox(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.sender = new DeadLetterSender(new DeadLetters(kafka, "vigil-gateway", Duration.ofSeconds(10)));
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        sender.send(record, reason);
    }

    @PreDestroy
    void close() {
        sender.close();
    }
}
