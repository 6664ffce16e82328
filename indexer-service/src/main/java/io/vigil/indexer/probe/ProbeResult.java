package io.vigil.indexer.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * What ffprobe tells about a recording's video.
 *
 * @param codec          FFmpeg's codec name ({@code h264}, {@code hevc})
 * @param fps            average frame rate; null when the stream does not say
 * @param durationMicros null when the container does not say
 */
public record ProbeResult(String codec, Integer width, Integer height, Double fps, Long durationMicros) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads ffprobe's {@code -print_format json} output of the first video stream and the format. */
    static ProbeResult parse(byte[] json) throws ProbeException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ProbeException("ffprobe printed no JSON: " + e.getMessage());
        }
        JsonNode stream = root == null ? null : root.path("streams").path(0);
        if (stream == null || !stream.isObject()) {
            throw new ProbeException("no video stream");
        }
        Double fps = rate(stream.path("avg_frame_rate").asText());
        return new ProbeResult(
                stream.path("codec_name").asText(null),
                positive(stream.path("width")),
                positive(stream.path("height")),
                fps != null ? fps : rate(stream.path("r_frame_rate").asText()),
                micros(root.path("format").path("duration").asText()).stream().boxed().findFirst().orElse(null));
    }

    private static Integer positive(JsonNode value) {
        return value.isInt() && value.asInt() > 0 ? value.asInt() : null;
    }

    /** "25/1" → 25.0, "30000/1001" → 29.97; "0/0" (unknown) → null. */
    private static Double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length == 2 ? Double.parseDouble(parts[1]) : 1;
            return numerator > 0 && denominator > 0 ? numerator / denominator : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "5.000000" seconds → 5 000 000 µs; "N/A" → empty. */
    private static OptionalLong micros(String seconds) {
        try {
            double value = Double.parseDouble(seconds);
            return value >= 0 && Double.isFinite(value) ? OptionalLong.of(Math.round(value * 1_000_000)) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
