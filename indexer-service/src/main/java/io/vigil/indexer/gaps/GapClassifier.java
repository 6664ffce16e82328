package io.vigil.indexer.gaps;

import io.vigil.contracts.SessionCause;
import io.vigil.indexer.catalog.SessionOrigin;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the hole between two neighbouring recordings of a camera is a gap, and why (docs/catalog.md).
 *
 * <ul>
 *   <li>Only where the camera was meant to record across: both continuous, or both of one event.
 *       Recordings of different events are separated by time on purpose.</li>
 *   <li>Same session, sequence numbers not following each other: {@code sequence_jump}, whatever
 *       the hole's length (lost pieces are lost footage). Same session, following sequences, a hole
 *       beyond the tolerance: the camera itself sent nothing for that long ({@code camera_offline}).</li>
 *   <li>A new session, a hole beyond the tolerance: the later recording's session cause says why:
 *       start → {@code ingest_restart}; config → {@code config_change}; reconnect after refused,
 *       not_found, unauthorized, timeout or silent → {@code camera_offline}; after any other failure
 *       → {@code reconnect}. A session that does not say (recorded before session causes) → {@code reconnect}.</li>
 * </ul>
 */
final class GapClassifier {

    /** Failure kinds (ingest's errorCode) that mean the camera could not be reached or sent nothing. */
    private static final Set<String> OFFLINE = Set.of("refused", "not_found", "unauthorized", "timeout", "silent");

    private final Duration tolerance;

    GapClassifier(Duration tolerance) {
        this.tolerance = tolerance;
    }

    Optional<Gap> between(Neighbour before, Neighbour after) {
        if (!before.sameRecordingAs(after) || !after.start().isAfter(before.end())) {
            return Optional.empty();
        }
        Duration hole = Duration.between(before.end(), after.start());
        String noMedia = String.format(Locale.ROOT, "no media for %.1f s", hole.toNanos() / 1e9);
        boolean sameSession = before.sessionId() != null && before.sessionId().equals(after.sessionId());
        if (sameSession) {
            if (before.lastSequence() != null && after.firstSequence() != null
                    && after.firstSequence() != before.lastSequence() + 1) {
                return gap(before, after, GapCause.SEQUENCE_JUMP, noMedia + "; " + missingPieces(before, after));
            }
            if (hole.compareTo(tolerance) > 0) {
                return gap(before, after, GapCause.CAMERA_OFFLINE, noMedia + " within session " + shortId(before.sessionId())
                        + ": the camera sent no frames");
            }
            return Optional.empty();
        }
        if (hole.compareTo(tolerance) <= 0) {
            return Optional.empty();
        }
        SessionOrigin origin = after.session();
        return switch (origin.cause()) {
            case START -> Optional.of(new Gap(after.cameraId(), before.end(), after.start(), GapCause.INGEST_RESTART,
                    noMedia + "; " + takenOver(before.session(), origin), previousInstance(before.session(), origin)));
            case CONFIG -> gap(before, after, GapCause.CONFIG_CHANGE, noMedia
                    + "; the session restarted for a new camera configuration" + firstAttempts(origin));
            case RECONNECT -> OFFLINE.contains(origin.previousFailure())
                    ? gap(before, after, GapCause.CAMERA_OFFLINE, noMedia + "; reconnected after the camera " + failure(origin.previousFailure()))
                    : gap(before, after, GapCause.RECONNECT, noMedia + "; reconnected after " + failure(origin.previousFailure()));
            // an import's later session follows a segment given up after its retries; its first session
            // follows whatever the camera id had before, which no failure of Vigil's made
            case IMPORT -> origin.previousFailure() == null ? Optional.empty()
                    : gap(before, after, GapCause.RECONNECT, noMedia + "; the import skipped a segment after "
                    + failure(origin.previousFailure()));
            case UNKNOWN -> gap(before, after, GapCause.RECONNECT, noMedia + "; a new session began (its cause was not recorded)");
        };
    }

    private static Optional<Gap> gap(Neighbour before, Neighbour after, GapCause cause, String detail) {
        return Optional.of(new Gap(after.cameraId(), before.end(), after.start(), cause, detail));
    }

    private static String missingPieces(Neighbour before, Neighbour after) {
        long first = before.lastSequence() + 1;
        long last = after.firstSequence() - 1;
        if (last < first) {
            return "session " + shortId(before.sessionId()) + " went on at piece " + after.firstSequence()
                    + " after piece " + before.lastSequence();
        }
        return (first == last ? "piece " + first : "pieces " + first + " to " + last) + " of session "
                + shortId(before.sessionId()) + " are missing";
    }

    /** The instance the camera was taken over from, when another instance took it: a failover. */
    private static String previousInstance(SessionOrigin before, SessionOrigin after) {
        return after.instance() != null && before.instance() != null && !after.instance().equals(before.instance())
                ? before.instance() : null;
    }

    private static String takenOver(SessionOrigin before, SessionOrigin after) {
        String now = after.instance() == null ? "ingest" : "ingest " + after.instance();
        String how;
        if (after.instance() != null && before.instance() != null && !after.instance().equals(before.instance())) {
            how = now + " took over from " + before.instance();
        } else {
            how = now + " started the camera afresh";
        }
        return how + firstAttempts(after);
    }

    /** A first session whose earlier attempts failed says how. */
    private static String firstAttempts(SessionOrigin origin) {
        return origin.previousFailure() == null ? "" : " (the first attempts failed: " + origin.previousFailure() + ")";
    }

    private static String failure(String kind) {
        if (kind == null) {
            return "the stream failed";
        }
        return switch (kind) {
            case "refused" -> "refused connections";
            case "not_found" -> "answered not found";
            case "unauthorized" -> "refused the credentials";
            case "timeout" -> "did not answer in time";
            case "silent" -> "sent no video";
            case "failure" -> "the stream failed";
            default -> "the stream failed (" + kind + ")";
        };
    }

    private static String shortId(String sessionId) {
        return sessionId.length() > 8 ? sessionId.substring(0, 8) : sessionId;
    }
}
