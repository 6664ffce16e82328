package io.vigil.ingest.session;

import io.vigil.contracts.MotionSettings;
import io.vigil.ingest.fragment.SessionOrigin;
import io.vigil.ingest.status.FailureKind;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One session of an import: the VOD source copied, as fast as it can be read, into pieces exactly as a
 * camera's (codec copy, one GOP of fragmented MP4 each), without motion detection, on a clock anchored
 * on the import's wall-clock start instead of the moment the packets arrive.
 */
public final class VodCopy {

    private static final MotionSettings NO_MOTION = new MotionSettings(false, MotionSettings.DEFAULT_SENSITIVITY,
            MotionSettings.DEFAULT_MIN_AREA_PERCENT, List.of());

    private VodCopy() {
    }

    /**
     * Copies until the source ends, fails or {@code stopping} says so; the last partial fragment is still handed on.
     *
     * @return why it ended: {@link StreamFailure#complete()} at the end of the media; null when stopped
     */
    public static StreamFailure run(String cameraId, String sessionId, int rotationSeconds, SourceInput source,
                                    SessionSettings settings, CopyObserver observer, PieceSink sink,
                                    BooleanSupplier stopping, SessionClocks clocks, SessionOrigin origin) {
        CameraMotion motion = new CameraMotion(NO_MOTION, settings.motionTuning(), MotionListener.NONE);
        StreamCopy copy = new StreamCopy(cameraId, sessionId, () -> rotationSeconds, settings, observer, sink, motion,
                stopping, clocks, origin);
        try {
            copy.run(source.input());
            return null;
        } catch (StreamFailure failure) {
            if (stopping.getAsBoolean()) {
                return null;
            }
            // a file read to its end ends like a camera closing its stream: the caller tells them apart by the media time reached
            return source.outcome(failure);
        } catch (RuntimeException e) {
            return new StreamFailure(FailureKind.FAILURE, "internal error: " + e, e);
        }
    }
}
