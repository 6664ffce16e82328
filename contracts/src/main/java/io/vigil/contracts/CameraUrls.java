package io.vigil.contracts;

import java.util.regex.Pattern;

/** Camera URLs carry credentials ({@code rtsp://user:pass@host/...}); these helpers keep them out of sight. */
public final class CameraUrls {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@");

    private CameraUrls() {
    }

    /** The URL, or any text containing URLs (an FFmpeg error, say), with every user-info part masked. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return USER_INFO.matcher(text).replaceAll("$1***@");
    }
}
