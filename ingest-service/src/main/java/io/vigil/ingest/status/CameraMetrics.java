package io.vigil.ingest.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One camera's meters, tagged {@code camera=<id>}; removed with the camera so a deleted camera leaves no series behind. */
final class CameraMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger up = new AtomicInteger();
    /** Seconds as the bits of a double; NaN (no sample) while the camera does not stream. */
    private final AtomicLong clockSkew = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private final Counter reconnects;
    private final Counter bytesPublished;
    private final Counter piecesPublished;
    private final Counter piecesFailed;
    private final Counter tlsRefused;
    private final List<Meter> meters;

    CameraMetrics(MeterRegistry registry, String cameraId, String instance) {
        this.registry = registry;
        Tags tags = Tags.of("camera", cameraId);
        // which replica runs the camera: the series moves with the camera (a failover, a rebalance)
        Gauge runningGauge = Gauge.builder("vigil.ingest.camera.running", () -> 1)
                .description("1 on the ingest instance that runs the camera; gone from the others")
                .tags(tags.and("instance", instance)).register(registry);
        Gauge upGauge = Gauge.builder("vigil.ingest.stream.up", up, AtomicInteger::get)
                .description("1 while the camera's stream delivers media, else 0")
                .tags(tags).register(registry);
        reconnects = Counter.builder("vigil.ingest.reconnects")
                .description("Attempts to reopen the camera's stream after a failure")
                .tags(tags).register(registry);
        bytesPublished = Counter.builder("vigil.ingest.published.bytes")
                .description("Media bytes (init and fragments) acknowledged by Kafka")
                .baseUnit("bytes").tags(tags).register(registry);
        piecesPublished = Counter.builder("vigil.ingest.published.pieces")
                .description("Media pieces acknowledged by Kafka")
                .tags(tags).register(registry);
        piecesFailed = Counter.builder("vigil.ingest.failed.pieces")
                .description("Media pieces Kafka did not take (lost)")
                .tags(tags).register(registry);
        Gauge skewGauge = Gauge.builder("vigil.ingest.clock.skew", clockSkew, bits -> Double.longBitsToDouble(bits.get()))
                .description("The camera clock's measured drift against the ingest clock in the running session (positive: ahead)")
                .baseUnit("seconds").tags(tags).register(registry);
        tlsRefused = Counter.builder("vigil.ingest.tls.refused")
                .description("Sessions refused because the camera's TLS certificate is not trusted (rtsps)")
                .tags(tags).register(registry);
        meters = List.of(runningGauge, upGauge, reconnects, bytesPublished, piecesPublished, piecesFailed, skewGauge, tlsRefused);
    }

    void up(boolean streaming) {
        up.set(streaming ? 1 : 0);
    }

    void clockSkew(Double seconds) {
        clockSkew.set(Double.doubleToLongBits(seconds == null ? Double.NaN : seconds));
    }

    void reconnect() {
        reconnects.increment();
    }

    void published(long bytes) {
        piecesPublished.increment();
        bytesPublished.increment(bytes);
    }

    void failed() {
        piecesFailed.increment();
    }

    void tlsRefused() {
        tlsRefused.increment();
    }

    void remove() {
        meters.forEach(registry::remove);
    }
}
