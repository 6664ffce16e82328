package io.vigil.gateway.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.JsonContractSerializer;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The one way the gateway writes to Kafka: contract records as JSON (a null value is a tombstone),
 * acks=all. A call completes only once Kafka acknowledged every record, or fails once the producer
 * gave up within the publish timeout: the caller can then roll its transaction back knowing the
 * record will not turn up later. Callers publish while holding the database row lock of the
 * camera, so one camera's records reach each topic in the order of its changes.
 */
@ApplicationScoped
public class AckedPublisher {

    private static final Logger LOG = Logger.getLogger(AckedPublisher.class);

    /** Counter per topic written, tagged outcome = acked | failed. */
    private static final Map<String, String> COUNTERS = Map.of(
            Topics.CAMERA_CONFIG, "vigil.gateway.config.records",
            Topics.CAMERA_COMMANDS, "vigil.gateway.command.records",
            Topics.AUDIT, "vigil.gateway.audit.records");

    /** A record to publish; a null value is a tombstone. */
    public record Outgoing(String topic, String key, Object value) {
    }

    private final Producer<String, Object> producer;
    private final MeterRegistry meters;

    AckedPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, GatewayConfig config, MeterRegistry meters) {
        this.producer = new KafkaProducer<>(settings(kafka, config.publishTimeout()),
                new StringSerializer(), new JsonContractSerializer<>());
        this.meters = meters;
    }

    static Map<String, Object> settings(Map<String, Object> kafka, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(kafka);
        int millis = (int) timeout.toMillis();
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // a record either reaches Kafka within the timeout or fails for good: no late delivery after a rollback
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vigil-gateway-publisher");
        return settings;
    }

    public Uni<Void> publish(String topic, String key, Object value) {
        return publish(List.of(new Outgoing(topic, key, value)));
    }

    /** Sends every record, then waits for all acknowledgements. */
    public Uni<Void> publish(List<Outgoing> records) {
        return OffEventLoop.call(() -> {
            try {
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (Outgoing record : records) {
                    acks.add(producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
            } catch (Exception e) {
                count(records, "failed");
                throw e instanceof ExecutionException && e.getCause() instanceof Exception cause ? cause : e;
            }
            count(records, "acked");
            return null;
        });
    }

    /**
     * The answer to a change Kafka did not take: a 503 saying nothing was changed. The failure
     * propagates, so the transaction around the publish is rolled back.
     *
     * @param change what was refused, for the client and the log, e.g. "the change of camera door"
     */
    public static Uni<Void> orUnavailable(Uni<Void> publishing, String change) {
        return publishing.onFailure().transform(e -> {
            LOG.warnf("%s not published, rolled back: %s", change, e.toString());
            return ProblemException.unavailable("Kafka did not acknowledge " + change + "; nothing was changed, try again later");
        });
    }

    private void count(List<Outgoing> records, String outcome) {
        for (Outgoing record : records) {
            meters.counter(COUNTERS.getOrDefault(record.topic(), "vigil.gateway.other.records"), "outcome", outcome).increment();
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
