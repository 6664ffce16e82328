package io.vigil.gateway.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an audit entry records (docs/audit.md). A footage action is served only once its entry is
 * written: an NVR must not hand out footage it cannot account for.
 */
public enum AuditAction {
    /** A recording's file, whole or a byte range (once per client and recording within the view window). */
    FOOTAGE_MEDIA("footage.media", Target.RECORDING, true),
    /** An HLS playlist over a camera's span. */
    FOOTAGE_PLAYLIST("footage.playlist", Target.CAMERA, true),
    /** A clip of a camera's span downloaded as one MP4: an export, with its id and SHA-256. */
    FOOTAGE_EXPORT("footage.export", Target.CAMERA, true),
    RECORDING_LOCK("recording.lock", Target.RECORDING, false),
    RECORDING_UNLOCK("recording.unlock", Target.RECORDING, false),
    RECORDING_DELETE("recording.delete", Target.RECORDING, false),
    /** A manual recording started or stopped on a camera (POST/DELETE /api/cameras/{id}/recording). */
    RECORDING_START("recording.start", Target.CAMERA, false),
    RECORDING_STOP("recording.stop", Target.CAMERA, false),
    CAMERA_CREATE("camera.create", Target.CAMERA, false),
    CAMERA_UPDATE("camera.update", Target.CAMERA, false),
    CAMERA_DELETE("camera.delete", Target.CAMERA, false),
    IMPORT_START("import.start", Target.IMPORT, false),
    IMPORT_CANCEL("import.cancel", Target.IMPORT, false),
    /** A login attempt, reported by the authentication (AuditEntry.login). */
    LOGIN("login", Target.NONE, false);

    /** Where the request names what the action is about. */
    public enum Target { CAMERA, RECORDING, IMPORT, NONE }

    private final String code;
    private final Target target;
    private final boolean footage;

    AuditAction(String code, Target target, boolean footage) {
        this.code = code;
        this.target = target;
        this.footage = footage;
    }

    /** The name stored and published, e.g. {@code footage.export}. */
    public String code() {
        return code;
    }

    public Target target() {
        return target;
    }

    public boolean footage() {
        return footage;
    }

    public static Optional<AuditAction> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(AuditAction::code).toList());
    }
}
