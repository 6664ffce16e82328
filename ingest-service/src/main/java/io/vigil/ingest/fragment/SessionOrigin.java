package io.vigil.ingest.fragment;

import io.vigil.contracts.SessionCause;

/**
 * Why a session began and who runs it, stamped on every piece of the session so the indexer can
 * name the cause of a gap before it (docs/catalog.md).
 *
 * @param previousFailure for a reconnect, the failure kind code that ended the attempt before; for a
 *                        first session (start, config) whose earlier attempts never streamed, their
 *                        latest failure; else null
 * @param instance        the ingest instance running the session
 * @param ownerEpoch      the fencing token: the group generation in which this instance was assigned the
 *                        camera's partition (docs/delivery.md); null when no assignment owns the session (imports)
 */
public record SessionOrigin(SessionCause cause, String previousFailure, String instance, Long ownerEpoch) {

    /** A session no partition assignment owns: its pieces are never fenced. */
    public SessionOrigin(SessionCause cause, String previousFailure, String instance) {
        this(cause, previousFailure, instance, null);
    }

    public SessionOrigin {
        if (cause == null) {
            throw new IllegalArgumentException("a session has a cause");
        }
        if (cause == SessionCause.RECONNECT && previousFailure == null) {
            throw new IllegalArgumentException("a reconnect follows a failure");
        }
    }
}
