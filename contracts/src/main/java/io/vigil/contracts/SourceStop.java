package io.vigil.contracts;

import java.util.Set;

/**
 * Why a source session (a camera's or an import's) stopped, and for errors which one: the values of
 * {@code stopReason}/{@code reason} and {@code errorId}/{@code error} in {@link CameraStatus} and
 * {@link ImportStatus}.
 */
public final class SourceStop {

    /** The media ended: a VOD source copied to its end, a live playlist that announced its end. */
    public static final String COMPLETE = "complete";
    public static final String ERROR = "error";
    /** Someone stopped it: an import cancelled, a camera set to mode off or removed. */
    public static final String USER = "user";

    public static final String FAILURE = "failure";
    public static final String TIMEOUT = "timeout";
    /** The source answered 401 or 403. */
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    /** The playlist or its segments are protected by a DRM scheme (SAMPLE-AES, Widevine, PlayReady, FairPlay). */
    public static final String DRM_PROTECTED = "drm_protected";

    public static final Set<String> REASONS = Set.of(COMPLETE, ERROR, USER);
    public static final Set<String> ERRORS = Set.of(FAILURE, TIMEOUT, FORBIDDEN, NOT_FOUND, DRM_PROTECTED);

    private SourceStop() {
    }
}
