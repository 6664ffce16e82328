package io.vigil.indexer.deletion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Deleted recordings and bytes by cause (Prometheus: vigil_storage_deleted_recordings_total{cause}, ..._bytes_total). */
@ApplicationScoped
public class DeletionMetrics {

    private final MeterRegistry registry;

    DeletionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void deleted(DeletionCause cause, long bytes) {
        Counter.builder("vigil.storage.deleted.recordings").description("Recordings deleted, file and row")
                .tag("cause", cause.tag()).register(registry).increment();
        Counter.builder("vigil.storage.deleted.bytes").description("Bytes of the recordings deleted").baseUnit("bytes")
                .tag("cause", cause.tag()).register(registry).increment(bytes);
    }

    /** A file without a row, deleted because it is older than its camera's retention. */
    void orphanFileDeleted(long bytes) {
        Counter.builder("vigil.storage.deleted.files").description("Files without a catalog row deleted as older than retention")
                .register(registry).increment();
        deleted(DeletionCause.ORPHAN, bytes);
    }
}
