package io.vigil.recorder.camera;

import io.vigil.contracts.PieceHeader;

import java.time.Duration;
import java.time.Instant;

/**
 * The fencing token of one camera: the newest {@code ownerEpoch} its pieces carried. A piece of an older
 * epoch comes from an ingest replica that lost the camera without knowing it yet (cut off from the
 * group coordinator) while the new owner already records it, so it is refused. The newest epoch is held
 * against older ones only while its owner keeps sending: after {@code hold} without one of its pieces
 * (every replica gone, and the group recreated with its generation starting again) an older epoch is
 * taken as the new newest, so a camera is never refused for good.
 *
 * <p>Not thread-safe: used under its camera recorder's lock.
 */
final class OwnerFence {

    private final Duration hold;
    private Long newest;
    private String newestInstance;
    private Instant lastSeen;

    OwnerFence(Duration hold) {
        this.hold = hold;
    }

    /** What the fence says of a piece arriving at {@code now}. */
    sealed interface Verdict {
    }

    /** The piece may be written. {@code liftedFrom} is the epoch no longer held against it after its hold ran out, or null. */
    record Admitted(Long liftedFrom) implements Verdict {
    }

    /** The piece is of an older owner than {@code newest}, which {@code newestInstance} runs. */
    record Fenced(long newest, String newestInstance) implements Verdict {
    }

    Verdict check(PieceHeader piece, Instant now) {
        Long epoch = piece.ownerEpoch();
        if (epoch == null) {
            return new Admitted(null); // not owned through the group (an import, a v3 header): nothing to compare
        }
        Long lifted = null;
        if (newest != null && epoch < newest) {
            if (lastSeen.plus(hold).isAfter(now)) {
                return new Fenced(newest, newestInstance);
            }
            lifted = newest;
            newest = null;
        }
        if (newest == null || epoch > newest) {
            newest = epoch;
            newestInstance = piece.instance();
        }
        lastSeen = now;
        return new Admitted(lifted);
    }
}
