package io.vigil.ingest.session;

/** Who hears how a copy goes: a camera's status tracker, an import's progress. Called on the session's thread. */
public interface CopyObserver {

    /** A packet arrived (counted before it is placed: rates measure what the source sends). */
    void packet(int size, boolean video);

    /** Media flows: the session's first keyframe went into the muxer. */
    void streaming(String codec, int width, int height);

    /** The session's measured clock drift, once per piece; null while none. */
    default void clockSkew(Double seconds) {
    }
}
