package io.vigil.gateway.camera;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.MotionSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;

/** A row of the {@code camera} table; the gateway is its only writer. */
@Entity
@Table(name = "camera")
public class Camera {

    @Id
    private String id;
    private String name;
    /** May hold credentials: never returned, never logged. */
    @Column(columnDefinition = "text")
    private String url;
    @Convert(converter = CameraModeColumn.class)
    private CameraMode mode;
    @Column(name = "rotation_seconds")
    private int rotationSeconds;
    @Column(name = "pre_roll_seconds")
    private int preRollSeconds;
    @Column(name = "post_roll_seconds")
    private int postRollSeconds;
    @Column(name = "max_event_seconds")
    private int maxEventSeconds;
    @Column(columnDefinition = "text")
    @Convert(converter = MotionColumn.class)
    private MotionSettings motion;
    /** Secret like the URL's password: never returned (only the names), never logged. */
    @Column(columnDefinition = "text")
    @Convert(converter = HeadersColumn.class)
    private Map<String, String> headers = Map.of();
    private String variant;
    private long revision;
    /** Retention is the indexer's business, not ingest's: not part of the published configuration. */
    @Column(name = "retention_days")
    private int retentionDays;
    @Column(name = "retention_bytes")
    private Long retentionBytes;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Camera() {
    }

    static Camera create(CameraSpec spec, Instant now) {
        Camera camera = new Camera();
        camera.id = spec.id();
        camera.createdAt = now;
        camera.revision = 0;
        camera.change(spec, now);
        return camera;
    }

    boolean hasRetention(CameraSpec spec) {
        return retentionDays == spec.retentionDays() && java.util.Objects.equals(retentionBytes, spec.retentionBytes());
    }

    /** Retention alone changed: the row changes, the revision (and what ingest sees) does not. */
    Camera changeRetention(CameraSpec spec, Instant now) {
        retentionDays = spec.retentionDays();
        retentionBytes = spec.retentionBytes();
        updatedAt = now;
        return this;
    }

    boolean hasSettings(CameraSpec spec) {
        return name.equals(spec.name()) && url.equals(spec.url()) && mode == spec.mode()
                && rotationSeconds == spec.rotationSeconds() && preRollSeconds == spec.preRollSeconds()
                && postRollSeconds == spec.postRollSeconds() && maxEventSeconds == spec.maxEventSeconds()
                && motion.equals(spec.motion()) && headers.equals(spec.headers())
                && java.util.Objects.equals(variant, spec.variant());
    }

    /**
     * Applies new settings as the next revision. The revision is at least the change's epoch
     * milliseconds, not just one more: a publish that Kafka stored but acknowledged too late is rolled
     * back here, and a plain increment would reuse its revision for different settings, which ingest
     * would then ignore as already seen.
     */
    Camera change(CameraSpec spec, Instant now) {
        name = spec.name();
        url = spec.url();
        mode = spec.mode();
        rotationSeconds = spec.rotationSeconds();
        preRollSeconds = spec.preRollSeconds();
        postRollSeconds = spec.postRollSeconds();
        maxEventSeconds = spec.maxEventSeconds();
        motion = spec.motion();
        headers = spec.headers();
        variant = spec.variant();
        retentionDays = spec.retentionDays();
        retentionBytes = spec.retentionBytes();
        revision = Math.max(revision + 1, now.toEpochMilli());
        updatedAt = now;
        return this;
    }

    public CameraConfig toConfig() {
        return new CameraConfig(CameraConfig.VERSION, id, name, url, mode, rotationSeconds, preRollSeconds,
                postRollSeconds, maxEventSeconds, motion, revision, updatedAt, headers, variant);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The URL with its user-info masked: the only form that leaves the gateway outside Kafka. */
    public String redactedUrl() {
        return CameraUrls.redact(url);
    }

    public boolean hasCredentials() {
        return !redactedUrl().equals(url);
    }

    public CameraMode mode() {
        return mode;
    }

    public int rotationSeconds() {
        return rotationSeconds;
    }

    public int preRollSeconds() {
        return preRollSeconds;
    }

    public int postRollSeconds() {
        return postRollSeconds;
    }

    public int maxEventSeconds() {
        return maxEventSeconds;
    }

    public MotionSettings motion() {
        return motion;
    }

    /** The names of the source headers, each shown as "set". */
    public Map<String, String> shownHeaders() {
        return SourceHeaders.shown(headers == null ? Map.of() : headers);
    }

    public String variant() {
        return variant;
    }

    public long revision() {
        return revision;
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** Null: no byte cap. */
    public Long retentionBytes() {
        return retentionBytes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Camera[id=" + id + ", url=" + redactedUrl() + ", revision=" + revision + "]";
    }
}
