package io.vigil.devstack;

/** What a {@link TestCamera} shows: what the motion-detection tests switch between. */
public enum Scene {
    /** Colour bars: not a pixel changes from one frame to the next. */
    STILL,
    /** A big ball moving across the picture. */
    MOVING
}
