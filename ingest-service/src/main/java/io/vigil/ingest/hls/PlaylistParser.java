package io.vigil.ingest.hls;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of an M3U8 playlist (RFC 8216) that recording needs: a master playlist's variants and
 * session keys, or a media playlist's segments with their sequence numbers, keys, init maps and dates.
 */
final class PlaylistParser {

    /** A master playlist (variants) or a media playlist (segments). */
    record Parsed(List<Variant> variants, List<SegmentKey> sessionKeys, MediaPlaylist media) {
        boolean master() {
            return media == null;
        }
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)");

    private PlaylistParser() {
    }

    /** @throws IllegalArgumentException when the text is not an M3U8 playlist */
    static Parsed parse(URI base, String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("not an M3U8 playlist (no #EXTM3U)");
        }
        boolean master = lines.stream().anyMatch(line -> line.startsWith("#EXT-X-STREAM-INF"));
        return master ? master(base, lines) : new Parsed(List.of(), List.of(), media(base, lines));
    }

    private static Parsed master(URI base, List<String> lines) {
        List<Variant> variants = new ArrayList<>();
        List<SegmentKey> keys = new ArrayList<>();
        Map<String, String> pending = null;
        for (String line : lines) {
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                pending = attributes(line);
            } else if (line.startsWith("#EXT-X-SESSION-KEY:")) {
                keys.add(key(base, attributes(line)));
            } else if (!line.startsWith("#") && pending != null) {
                variants.add(new Variant(base.resolve(line), line, parseLong(pending.get("BANDWIDTH")),
                        pending.get("RESOLUTION")));
                pending = null;
            }
        }
        return new Parsed(variants, keys, null);
    }

    private static MediaPlaylist media(URI base, List<String> lines) {
        List<Segment> segments = new ArrayList<>();
        long sequence = 0;
        double target = 0;
        boolean endList = false;
        SegmentKey key = SegmentKey.NONE;
        URI map = null;
        Double duration = null;
        Instant date = null;
        for (String line : lines) {
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = parseLong(value(line));
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Double.parseDouble(value(line));
            } else if (line.startsWith("#EXT-X-ENDLIST")) {
                endList = true;
            } else if (line.startsWith("#EXT-X-KEY:")) {
                key = key(base, attributes(line));
            } else if (line.startsWith("#EXT-X-MAP:")) {
                String uri = attributes(line).get("URI");
                map = uri == null ? null : base.resolve(uri);
            } else if (line.startsWith("#EXTINF:")) {
                String value = value(line);
                int comma = value.indexOf(',');
                duration = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                date = instant(value(line));
            } else if (!line.startsWith("#")) {
                segments.add(new Segment(sequence++, base.resolve(line), duration == null ? 0 : duration, key, map, date));
                duration = null;
                date = null;
            }
        }
        return new MediaPlaylist(base, target, List.copyOf(segments), endList);
    }

    private static SegmentKey key(URI base, Map<String, String> attributes) {
        String method = attributes.getOrDefault("METHOD", "NONE");
        String uri = attributes.get("URI");
        String iv = attributes.get("IV");
        byte[] ivBytes = null;
        if (iv != null && (iv.startsWith("0x") || iv.startsWith("0X"))) {
            String hex = iv.substring(2);
            ivBytes = HexFormat.of().parseHex("0".repeat(Math.max(0, 32 - hex.length())) + hex);
        }
        return new SegmentKey(method, uri == null ? null : base.resolve(uri), ivBytes,
                attributes.getOrDefault("KEYFORMAT", "identity"));
    }

    static Map<String, String> attributes(String line) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(value(line));
        while (matcher.find()) {
            String value = matcher.group(2);
            attributes.put(matcher.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
        return attributes;
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1);
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
