package io.vigil.devstack;

/** What a {@link TestCamera} shows: what the motion-detection tests switch between. */
public enum Scene {
    /** Colour bars: not a pixel changes from one frame to the next. */
    STILL,
    /** A big ball moving across the picture (and a small one in the top-left quarter). */
    MOVING,
    /** Still bars with a ball moving only inside the top-left quarter: x and y below 0.5. */
    CORNER
}
