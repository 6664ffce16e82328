package io.vigil.ingest.event;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The memory all pre-roll buffers of the process share. When a new piece takes the total above the
 * budget, the oldest buffered pieces of all cameras are dropped first (the camera with the oldest
 * footage loses it, whichever camera added), so the process never runs out of memory for pre-roll: it
 * only records a shorter one, counts the drops and says so in a warning at most once a minute.
 *
 * <p>Its monitor is the one lock of every buffer: eviction reads and changes other cameras' buffers,
 * and one lock keeps that simple. It is a leaf lock: nothing else is locked while it is held.
 */
public final class PreRollBudget {

    private static final Logger LOG = Logger.getLogger(PreRollBudget.class);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final long budgetBytes;
    private final LongSupplier nanoTime;
    private final Set<PreRollBuffer> buffers = new LinkedHashSet<>();
    private long totalBytes;
    private long peakBytes;
    private long dropsSinceWarning;
    private long lastWarningNanos;
    private boolean warned;

    /** @param registry where the totals are gauged ({@code vigil_ingest_preroll_total_bytes}...); null for none */
    public PreRollBudget(long budgetBytes, MeterRegistry registry, LongSupplier nanoTime) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the pre-roll budget must not be negative: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
        this.nanoTime = nanoTime;
        if (registry != null) {
            Gauge.builder("vigil.ingest.preroll.total.bytes", this, PreRollBudget::totalBytes)
                    .description("Bytes held by all pre-roll buffers").register(registry);
            Gauge.builder("vigil.ingest.preroll.total.peak.bytes", this, PreRollBudget::peakBytes)
                    .description("The most all pre-roll buffers held together").register(registry);
            Gauge.builder("vigil.ingest.preroll.budget.bytes", this, PreRollBudget::budgetBytes)
                    .description("The memory budget of all pre-roll buffers (vigil.ingest.pre-roll.budget)").register(registry);
        }
    }

    /** A new camera's buffer, holding at most {@code maxBytes} of its own. */
    public PreRollBuffer newBuffer(String cameraId, long maxBytes) {
        PreRollBuffer buffer = new PreRollBuffer(cameraId, this, maxBytes);
        synchronized (this) {
            buffers.add(buffer);
        }
        return buffer;
    }

    public synchronized long totalBytes() {
        return totalBytes;
    }

    public synchronized long peakBytes() {
        return peakBytes;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** Under this lock. */
    void added(long bytes) {
        totalBytes += bytes;
        peakBytes = Math.max(peakBytes, totalBytes);
    }

    /** Under this lock. */
    void removed(long bytes) {
        totalBytes -= bytes;
    }

    /** Under this lock: the buffer is gone with its camera. */
    void release(PreRollBuffer buffer) {
        buffers.remove(buffer);
    }

    /** Under this lock, after a piece was added: drops the globally oldest pieces until the total fits. */
    void enforce() {
        long dropped = 0;
        while (totalBytes > budgetBytes) {
            PreRollBuffer oldest = null;
            Instant oldestStart = null;
            for (PreRollBuffer buffer : buffers) {
                Instant start = buffer.oldestStart();
                if (start != null && (oldestStart == null || start.isBefore(oldestStart))) {
                    oldest = buffer;
                    oldestStart = start;
                }
            }
            if (oldest == null) {
                break;
            }
            dropped += oldest.dropOldest();
        }
        if (dropped > 0) {
            warn(dropped);
        }
    }

    private void warn(long dropped) {
        dropsSinceWarning += dropped;
        long now = nanoTime.getAsLong();
        if (!warned || now - lastWarningNanos >= WARNING_INTERVAL.toNanos()) {
            LOG.warnf("the pre-roll budget of %d bytes is reached: dropped the %d oldest buffered piece(s) of any camera%s;"
                            + " pre-rolls are shorter than configured (raise vigil.ingest.pre-roll.budget)",
                    budgetBytes, dropsSinceWarning, warned ? " in the last minute" : "");
            warned = true;
            lastWarningNanos = now;
            dropsSinceWarning = 0;
        }
    }
}
