package io.vigil.ingest.hls;

import java.net.URI;
import java.util.Locale;

/**
 * An EXT-X-KEY (or EXT-X-SESSION-KEY): how the segments after it are encrypted.
 *
 * @param method    NONE, AES-128, SAMPLE-AES, SAMPLE-AES-CTR...
 * @param uri       where the key is; null for NONE
 * @param iv        the IV attribute, 16 bytes; null: the segment's media sequence number
 * @param keyFormat KEYFORMAT, "identity" when absent
 */
record SegmentKey(String method, URI uri, byte[] iv, String keyFormat) {

    static final SegmentKey NONE = new SegmentKey("NONE", null, null, "identity");

    /** KEYFORMATs of the DRM systems HLS is used with (Widevine, PlayReady, FairPlay). */
    private static final String[] DRM_KEY_FORMATS = {
            "urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed", "com.widevine",
            "urn:uuid:9a04f079-9840-4286-ab92-e65be0885f95", "com.microsoft.playready",
            "com.apple.streamingkeydelivery"};

    boolean encrypted() {
        return !"NONE".equals(method);
    }

    /** Plain AES-128 of whole segments: FFmpeg-style decryption with the key from {@link #uri()}. */
    boolean aes128() {
        return "AES-128".equals(method) && "identity".equalsIgnoreCase(keyFormat);
    }

    /** Why this key is a DRM scheme Vigil must not record, or null when it is none. */
    String drmScheme() {
        String format = keyFormat.toLowerCase(Locale.ROOT);
        for (String drm : DRM_KEY_FORMATS) {
            if (format.contains(drm)) {
                return "KEYFORMAT " + keyFormat;
            }
        }
        if (method.startsWith("SAMPLE-AES")) {
            return "METHOD=" + method;
        }
        if (encrypted() && !aes128()) {
            return "METHOD=" + method + " with KEYFORMAT " + keyFormat;
        }
        return null;
    }
}
