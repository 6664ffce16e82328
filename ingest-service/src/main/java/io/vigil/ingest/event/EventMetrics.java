package io.vigil.ingest.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vigil.contracts.RecordingReason;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One camera's event-recording meters, tagged {@code camera=<id>}: what its pre-roll buffer holds
 * and dropped, its motion score, the events it started by reason. Removed with the camera.
 */
final class EventMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<RecordingReason, Counter> started = new EnumMap<>(RecordingReason.class);
    private volatile double motionScore;

    EventMetrics(MeterRegistry registry, String cameraId, PreRollBuffer buffer) {
        this.registry = registry;
        this.tags = Tags.of("camera", cameraId);
        meters.add(Gauge.builder("vigil.ingest.preroll.bytes", buffer, b -> b.stats().bytes())
                .description("Bytes held by the camera's pre-roll buffer").tags(tags).register(registry));
        meters.add(Gauge.builder("vigil.ingest.preroll.pieces", buffer, b -> b.stats().pieces())
                .description("Pieces held by the camera's pre-roll buffer").tags(tags).register(registry));
        meters.add(Gauge.builder("vigil.ingest.preroll.seconds", buffer, b -> b.stats().seconds())
                .description("Media seconds held by the camera's pre-roll buffer").tags(tags).register(registry));
        meters.add(Gauge.builder("vigil.ingest.preroll.peak.bytes", buffer, b -> b.stats().peakBytes())
                .description("The most the camera's pre-roll buffer held").tags(tags).register(registry));
        meters.add(FunctionCounter.builder("vigil.ingest.preroll.dropped.pieces", buffer, b -> b.stats().drops())
                .description("Pre-roll pieces dropped before their time (camera cap or process budget reached)")
                .tags(tags).register(registry));
        meters.add(Gauge.builder("vigil.ingest.motion.score", this, metrics -> metrics.motionScore)
                .description("Share of the unmasked picture that changed in the last analysed picture (0..1)")
                .tags(tags).register(registry));
    }

    void motionScored(double score) {
        motionScore = score;
    }

    synchronized void eventStarted(RecordingReason reason) {
        started.computeIfAbsent(reason, r -> {
            Counter counter = Counter.builder("vigil.ingest.events.started")
                    .description("Events started, by what started them")
                    .tags(tags.and("reason", r.wireName())).register(registry);
            meters.add(counter);
            return counter;
        }).increment();
    }

    synchronized void remove() {
        meters.forEach(registry::remove);
        meters.clear();
        started.clear();
    }
}
