package io.vigil.ingest.imports;

import io.vigil.contracts.ImportStatus;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.JsonContractSerializer;
import io.vigil.ingest.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;

/** Sends import status events to the compacted {@link Topics#IMPORT_STATUS}, keyed by import id. */
@ApplicationScoped
public class ImportStatusPublisher {

    private static final Logger LOG = Logger.getLogger(ImportStatusPublisher.class);

    private final Producer<String, ImportStatus> producer;

    @Inject
    public ImportStatusPublisher(KafkaClients clients) {
        this.producer = new KafkaProducer<>(clients.statusProducer(), new StringSerializer(), new JsonContractSerializer<>());
    }

    public void publish(ImportStatus status) {
        try {
            producer.send(new ProducerRecord<>(Topics.IMPORT_STATUS, status.importId(), status), (metadata, error) -> {
                if (error != null) {
                    LOG.warnf("import %s: status not written to Kafka: %s", status.importId(), error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("import %s: status not handed to Kafka: %s", status.importId(), e.toString());
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
