package io.vigil.fmp4;

import java.util.Locale;

/**
 * The RFC 6381 codec string of a video sample entry (ISO/IEC 14496-15 annex E), the form players
 * and HLS playlists expect: {@code avc1.64001f}, {@code hvc1.1.6.L93.B0}.
 */
final class CodecString {

    /** A visual sample entry's own fields take 78 bytes before its child boxes (avcC, hvcC, pasp...). */
    private static final int VISUAL_SAMPLE_ENTRY_FIELDS = 78;

    private CodecString() {
    }

    static String of(BoxView sampleEntry) {
        String type = sampleEntry.type();
        return switch (type) {
            case "avc1", "avc3" -> avc(type, configuration(sampleEntry, "avcC"));
            case "hvc1", "hev1" -> hevc(type, configuration(sampleEntry, "hvcC"));
            default -> throw new Mp4FormatException("video codec '" + type + "' is not supported: cameras must send H.264 or H.265");
        };
    }

    private static BoxView configuration(BoxView sampleEntry, String type) {
        return sampleEntry.children(VISUAL_SAMPLE_ENTRY_FIELDS).stream()
                .filter(child -> child.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException(sampleEntry.type() + " sample entry has no " + type));
    }

    /** avcC: version, then profile, constraint flags and level, one byte each. */
    private static String avc(String type, BoxView avcC) {
        return String.format(Locale.ROOT, "%s.%02x%02x%02x", type, avcC.u8(1), avcC.u8(2), avcC.u8(3));
    }

    /**
     * hvcC: version; profile space (2 bits), tier (1), profile (5); 32 profile compatibility flags;
     * 6 bytes of constraint flags; level.
     */
    private static String hevc(String type, BoxView hvcC) {
        int profileByte = hvcC.u8(1);
        int profileSpace = profileByte >> 6;
        boolean highTier = (profileByte & 0x20) != 0;
        int profile = profileByte & 0x1F;
        long compatibility = Integer.reverse((int) hvcC.u32(2)) & 0xFFFF_FFFFL;
        StringBuilder codec = new StringBuilder(type).append('.');
        if (profileSpace > 0) {
            codec.append((char) ('A' + profileSpace - 1));
        }
        codec.append(profile)
                .append('.').append(Long.toHexString(compatibility).toUpperCase(Locale.ROOT))
                .append('.').append(highTier ? 'H' : 'L').append(hvcC.u8(12));
        int lastConstraint = 11;
        while (lastConstraint >= 6 && hvcC.u8(lastConstraint) == 0) {
            lastConstraint--;
        }
        for (int at = 6; at <= lastConstraint; at++) {
            codec.append('.').append(String.format(Locale.ROOT, "%02X", hvcC.u8(at)));
        }
        return codec.toString();
    }
}
