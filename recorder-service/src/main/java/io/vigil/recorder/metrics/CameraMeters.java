package io.vigil.recorder.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vigil.recorder.file.CloseReason;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** One camera's meters, removed again when the camera leaves this replica. */
public final class CameraMeters {

    private final MeterRegistry registry;
    private final Tags tags;
    private final InstantSource clock;
    private final Counter bytes;
    private final Counter pieces;
    private final Counter duplicates;
    private final Counter writeFailures;
    private final Counter refused;
    private final Counter fenced;
    /** Wall-clock end of the last piece written to the open file; null while no file is open. */
    private volatile Instant lastPieceEnd;

    CameraMeters(MeterRegistry registry, String cameraId, InstantSource clock) {
        this.registry = registry;
        this.tags = Tags.of("camera", cameraId);
        this.clock = clock;
        this.bytes = Counter.builder("vigil.recorder.bytes.written").baseUnit("bytes").tags(tags)
                .description("Bytes written to recording files").register(registry);
        this.pieces = Counter.builder("vigil.recorder.pieces.written").tags(tags)
                .description("Pieces written to recording files").register(registry);
        this.duplicates = Counter.builder("vigil.recorder.duplicates.skipped").tags(tags)
                .description("Pieces seen again (replay after a restart or rebalance) and skipped").register(registry);
        this.writeFailures = Counter.builder("vigil.recorder.write.failures").tags(tags)
                .description("Failed attempts to write a piece (each is retried)").register(registry);
        this.refused = Counter.builder("vigil.recorder.pieces.refused").tags(tags)
                .description("Pieces acknowledged without being written because the volume was at block").register(registry);
        this.fenced = Counter.builder("vigil.recorder.pieces.fenced").tags(tags)
                .description("Pieces refused because a newer ingest owner of the camera (higher ownerEpoch) already sent some")
                .register(registry);
        Gauge.builder("vigil.recorder.lag.seconds", this, CameraMeters::lagSeconds).tags(tags)
                .description("Now minus the wall-clock end of the last piece written; NaN while no file is open")
                .register(registry);
    }

    public void pieceWritten(long byteCount, Instant pieceEnd) {
        bytes.increment(byteCount);
        pieces.increment();
        lastPieceEnd = pieceEnd;
    }

    public void duplicateSkipped() {
        duplicates.increment();
    }

    public void pieceRefused() {
        refused.increment();
    }

    public void pieceFenced() {
        fenced.increment();
    }

    public void writeFailed() {
        writeFailures.increment();
    }

    public void fileClosed(CloseReason reason) {
        Counter.builder("vigil.recorder.files.closed").tags(tags.and("reason", reason.wireName()))
                .description("Recording files closed and announced").register(registry).increment();
        lastPieceEnd = null;
    }

    double lagSeconds() {
        Instant end = lastPieceEnd;
        return end == null ? Double.NaN : Duration.between(end, clock.instant()).toMillis() / 1000.0;
    }

    /** Removes this camera's meters: a camera that moved to another replica is reported there. */
    public void remove() {
        List<Meter> mine = registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("vigil.recorder.")
                        && tags.stream().allMatch(tag -> tag.getValue().equals(meter.getId().getTag(tag.getKey()))))
                .toList();
        mine.forEach(registry::remove);
    }
}
