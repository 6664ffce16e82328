package io.vigil.ingest.session;

import io.vigil.ingest.motion.MotionChange;

/** Where a session's motion detector reports to; called on the camera's thread. */
public interface MotionListener {

    MotionListener NONE = new MotionListener() {
        @Override
        public void motionChanged(MotionChange change) {
        }
    };

    /** Motion started or ended; an end is also reported when detection stops (disabled, session over) during motion. */
    void motionChanged(MotionChange change);

    /** The detector analysed a picture and scored it (0..1, the share of the unmasked picture that changed). */
    default void motionScored(double score) {
    }
}
