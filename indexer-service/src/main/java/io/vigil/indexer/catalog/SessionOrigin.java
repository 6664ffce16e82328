package io.vigil.indexer.catalog;

import io.vigil.contracts.SessionCause;

/**
 * Why the ingest session of a recording began, as the recorder announced it (RecordingClosed v3)
 * or its journal says; what the gap detection names the cause of a gap by.
 *
 * @param previousFailure the failure kind before a reconnect (refused, timeout…); null when none
 * @param instance        the ingest instance that ran the session; null when not known
 */
public record SessionOrigin(SessionCause cause, String previousFailure, String instance) {

    /** Nothing known: a recording announced or journalled before session causes. */
    public static final SessionOrigin UNKNOWN = new SessionOrigin(SessionCause.UNKNOWN, null, null);

    public SessionOrigin {
        if (cause == null) {
            cause = SessionCause.UNKNOWN;
        }
    }
}
