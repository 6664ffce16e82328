package io.vigil.system;

import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Trigger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An outside system (a door sensor, an alarm panel) sending an external trigger: a plain Kafka
 * producer writing the {@link Trigger} contract's JSON to {@link Topics#TRIGGERS}, keyed by camera id.
 */
final class TriggerProducer {

    private TriggerProducer() {
    }

    /** Sends the trigger and waits for the broker's acknowledgement. */
    static void send(String bootstrapServers, Trigger trigger) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(Topics.TRIGGERS, trigger.cameraId(), ContractJson.write(trigger)))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Kafka did not accept the trigger " + trigger, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
