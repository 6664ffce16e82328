package io.vigil.recorder.camera;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.recorder.file.CloseReason;
import io.vigil.recorder.file.RecordingKey;
import io.vigil.recorder.file.SegmentWriter;

import java.util.Optional;

/** Decides whether a new piece may go on in the camera's open file, or why that file must end first. */
final class RotationRule {

    private RotationRule() {
    }

    /** Empty when the piece continues the file; otherwise the reason to close it and begin a new one. */
    static Optional<CloseReason> reasonToEnd(SegmentWriter file, MediaPiece piece) {
        PieceHeader h = piece.header();
        if (!file.sessionId().equals(h.sessionId())) {
            return Optional.of(CloseReason.SESSION);
        }
        if (!file.hasInit(piece.init())) {
            return Optional.of(CloseReason.CODEC);
        }
        // a file must begin with a keyframe to play on its own, so a new event's file and rotation wait
        // for one: a piece split from a GOP (keyframe false) goes on after the GOP's start, whatever it is stamped
        if (!h.keyframe()) {
            return Optional.empty();
        }
        if (!file.key().equals(RecordingKey.of(h))) {
            return Optional.of(CloseReason.EVENT);
        }
        if (!h.start().isBefore(file.start().plusSeconds(rotationSeconds(h)))) {
            return Optional.of(CloseReason.ROTATION);
        }
        return Optional.empty();
    }

    /**
     * The piece's rotation, kept within the bounds the gateway enforces in case a producer does not.
     * An event's pieces carry min(rotation, maxEventSeconds); both are at least 10 s
     * ({@link CameraConfig#MIN_ROTATION_SECONDS}, {@link CameraConfig#MIN_MAX_EVENT_SECONDS}), so the
     * clamp never lengthens an event's files.
     */
    static int rotationSeconds(PieceHeader h) {
        if (h.rotationSeconds() <= 0) {
            return CameraConfig.DEFAULT_ROTATION_SECONDS;
        }
        return Math.max(CameraConfig.MIN_ROTATION_SECONDS, Math.min(CameraConfig.MAX_ROTATION_SECONDS, h.rotationSeconds()));
    }
}
