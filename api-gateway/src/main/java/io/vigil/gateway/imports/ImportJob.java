package io.vigil.gateway.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A row of the {@code import_job} table: an import as it was requested. Its progress is not stored
 * here but read from vigil.import-status ({@link ImportBoard}). The URL is kept with its credentials
 * masked, the headers by name only: the secrets travel once, on vigil.imports.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    private UUID id;
    @Column(name = "camera_id")
    private String cameraId;
    @Column(columnDefinition = "text")
    private String url;
    private String kind;
    @Column(name = "start_at")
    private Instant startAt;
    @Column(name = "header_names", columnDefinition = "text")
    private String headerNames;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "cancel_requested_at")
    private Instant cancelRequestedAt;

    protected ImportJob() {
    }

    ImportJob(UUID id, ImportSpec spec, String redactedUrl, Instant now) {
        this.id = id;
        this.cameraId = spec.cameraId();
        this.url = redactedUrl;
        this.kind = spec.kind();
        this.startAt = spec.start();
        this.headerNames = spec.headers().isEmpty() ? null : String.join(",", spec.headers().keySet());
        this.createdAt = now;
    }

    void cancelRequested(Instant now) {
        cancelRequestedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String cameraId() {
        return cameraId;
    }

    /** Credentials masked. */
    public String url() {
        return url;
    }

    public String kind() {
        return kind;
    }

    public Instant startAt() {
        return startAt;
    }

    public List<String> headerNames() {
        return headerNames == null ? List.of() : Arrays.asList(headerNames.split(","));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant cancelRequestedAt() {
        return cancelRequestedAt;
    }
}
