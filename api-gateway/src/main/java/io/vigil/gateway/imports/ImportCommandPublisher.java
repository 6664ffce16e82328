package io.vigil.gateway.imports;

import io.smallrye.mutiny.Uni;
import io.vigil.contracts.ImportCommand;
import io.vigil.contracts.Topics;
import io.vigil.gateway.kafka.AckedPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes import commands to {@link Topics#IMPORTS}, keyed by import id: a start and its cancel land in
 * one partition, read by the one ingest instance that runs the import. Completes once Kafka acknowledged.
 */
@ApplicationScoped
public class ImportCommandPublisher {

    private final AckedPublisher kafka;

    ImportCommandPublisher(AckedPublisher kafka) {
        this.kafka = kafka;
    }

    public Uni<Void> publish(ImportCommand command) {
        return kafka.publish(Topics.IMPORTS, command.importId(), command);
    }
}
