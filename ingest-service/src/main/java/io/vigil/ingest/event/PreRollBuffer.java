package io.vigil.ingest.event;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PreRollStats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One camera's latest pieces, not yet published, for the pre-roll of its next event (mode events).
 * Bounded by time: the latest keyframe piece that starts at or before (newest end - preRoll) and
 * everything after it, so it holds the pre-roll plus at most one GOP; by bytes, per camera; and by
 * the process-wide {@link PreRollBudget}. It never starts with a piece that has no keyframe: such a
 * piece cannot begin a recording.
 *
 * <p>Guarded by the budget's monitor (see {@link PreRollBudget}).
 */
public final class PreRollBuffer {

    private final String cameraId;
    private final PreRollBudget budget;
    private final long maxBytes;
    private final ArrayDeque<MediaPiece> pieces = new ArrayDeque<>();
    private long bytes;
    private long peakBytes;
    private long drops;
    private boolean closed;

    PreRollBuffer(String cameraId, PreRollBudget budget, long maxBytes) {
        this.cameraId = cameraId;
        this.budget = budget;
        this.maxBytes = maxBytes;
    }

    public String cameraId() {
        return cameraId;
    }

    /** Adds the camera's newest piece, then trims to the pre-roll, to the camera's bytes and to the budget. */
    public void add(MediaPiece piece, Duration preRoll) {
        synchronized (budget) {
            if (closed) {
                return;
            }
            pieces.addLast(piece);
            long size = piece.mediaBytes();
            bytes += size;
            budget.added(size);
            peakBytes = Math.max(peakBytes, bytes);
            trimToTime(preRoll);
            while (bytes > maxBytes && pieces.size() > 1) {
                dropOldest();
            }
            budget.enforce();
        }
    }

    /**
     * Takes out the pieces a recording that must show {@code from} on begins with: from the latest
     * keyframe piece starting at or before it (the oldest keyframe piece when the buffer is shorter)
     * to the newest. The buffer is empty afterwards; older pieces are discarded.
     */
    public List<MediaPiece> takeFrom(Instant from) {
        synchronized (budget) {
            MediaPiece first = null;
            for (MediaPiece piece : pieces) {
                if (!piece.header().keyframe()) {
                    continue;
                }
                if (first == null || !piece.header().start().isAfter(from)) {
                    first = piece;
                }
                if (piece.header().start().isAfter(from)) {
                    break;
                }
            }
            List<MediaPiece> taken = new ArrayList<>();
            boolean taking = false;
            for (MediaPiece piece : pieces) {
                taking |= piece == first;
                if (taking) {
                    taken.add(piece);
                }
            }
            clear();
            return taken;
        }
    }

    /** Forgets everything (a new session, or another mode); not counted as drops. */
    public void clear() {
        synchronized (budget) {
            budget.removed(bytes);
            pieces.clear();
            bytes = 0;
        }
    }

    /** The camera is gone: its memory goes back to the budget and nothing is buffered any more. */
    public void close() {
        synchronized (budget) {
            clear();
            closed = true;
            budget.release(this);
        }
    }

    public PreRollStats stats() {
        synchronized (budget) {
            double seconds = pieces.isEmpty() ? 0
                    : Duration.between(pieces.peekFirst().header().start(), pieces.peekLast().header().end()).toMillis() / 1000.0;
            return new PreRollStats(seconds, bytes, pieces.size(), peakBytes, drops);
        }
    }

    /** The start of the oldest piece held; empty when none is. */
    public Optional<Instant> heldFrom() {
        synchronized (budget) {
            return Optional.ofNullable(oldestStart());
        }
    }

    /** Under the budget's lock: the start of the oldest piece held, or null. */
    Instant oldestStart() {
        return pieces.isEmpty() ? null : pieces.peekFirst().header().start();
    }

    /**
     * Under the budget's lock: drops the oldest piece, and the pieces after it without a keyframe
     * (a later part of the same GOP cannot begin a recording). Counted as drops.
     *
     * @return how many pieces were dropped
     */
    int dropOldest() {
        int dropped = 0;
        if (!pieces.isEmpty()) {
            bytesRemoved(pieces.pollFirst());
            dropped++;
        }
        while (!pieces.isEmpty() && !pieces.peekFirst().header().keyframe()) {
            bytesRemoved(pieces.pollFirst());
            dropped++;
        }
        drops += dropped;
        return dropped;
    }

    /** Keeps the latest keyframe piece at or before (newest end - preRoll) and everything after it. */
    private void trimToTime(Duration preRoll) {
        Instant cutoff = pieces.peekLast().header().end().minus(preRoll);
        MediaPiece keep = null;
        for (MediaPiece piece : pieces) {
            if (piece.header().start().isAfter(cutoff)) {
                break;
            }
            if (piece.header().keyframe()) {
                keep = piece;
            }
        }
        Iterator<MediaPiece> oldestFirst = pieces.iterator();
        while (oldestFirst.hasNext()) {
            MediaPiece piece = oldestFirst.next();
            if (piece == keep || (keep == null && piece.header().keyframe())) {
                break;
            }
            oldestFirst.remove();
            bytesRemoved(piece);
        }
    }

    private void bytesRemoved(MediaPiece piece) {
        long size = piece.mediaBytes();
        bytes -= size;
        budget.removed(size);
    }
}
