package io.vigil.contracts;

import java.util.regex.Pattern;

/** Camera URLs carry credentials ({@code rtsp://user:pass@host/...}); these helpers keep them out of sight. */
public final class CameraUrls {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@");
    /** Many cameras take credentials in the query string instead ({@code snapshot.cgi?user=admin&pwd=...}). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:user|username|usr|login|pass|password|passwd|pwd|token|access_token|key|apikey|api_key|auth|secret|signature|sig)=)[^&#\\s]*");

    private CameraUrls() {
    }

    /**
     * The URL, or any text containing URLs (an FFmpeg error, say), with every user-info part and every
     * password-like query parameter masked.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1***@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
    }
}
