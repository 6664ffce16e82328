package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a client really receives from a bench camera, read by the bundled ffprobe over RTSP/TCP for
 * {@code length}: codec, size, frame rate, a keyframe every second, bitrate. The keyframe check
 * crosses the clip's loop points, where a broken loop would show as a jump or a stall.
 */
record SourceCheck(String codec, int width, int height, String frameRate, int frames, double seconds,
                   double fps, int keyframes, double minKeyGap, double maxKeyGap, double bitrate, List<String> problems) {

    static SourceCheck run(Path ffprobe, String url, Duration length) throws Exception {
        String json = Commands.output(List.of(ffprobe.toString(), "-v", "error", "-rtsp_transport", "tcp",
                "-read_intervals", "%+" + length.toSeconds(), "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,r_frame_rate:packet=pts_time,flags,size",
                "-of", "json", url), Map.of(), length.plusSeconds(30));
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode stream = root.path("streams").path(0);
        List<Double> keys = new ArrayList<>();
        double first = Double.NaN;
        double last = Double.NaN;
        long bytes = 0;
        int frames = 0;
        for (JsonNode packet : root.path("packets")) {
            String pts = packet.path("pts_time").asText("N/A");
            if (pts.equals("N/A")) {
                continue; // the first RTSP packet often has no time yet
            }
            double time = Double.parseDouble(pts);
            first = Double.isNaN(first) ? time : first;
            last = time;
            frames++;
            bytes += packet.path("size").asLong();
            if (packet.path("flags").asText().startsWith("K")) {
                keys.add(time);
            }
        }
        double seconds = last - first;
        double minGap = Double.MAX_VALUE;
        double maxGap = 0;
        for (int i = 1; i < keys.size(); i++) {
            double gap = keys.get(i) - keys.get(i - 1);
            minGap = Math.min(minGap, gap);
            maxGap = Math.max(maxGap, gap);
        }
        SourceCheck check = new SourceCheck(stream.path("codec_name").asText(), stream.path("width").asInt(),
                stream.path("height").asInt(), stream.path("r_frame_rate").asText(), frames, seconds,
                frames > 1 ? (frames - 1) / seconds : 0, keys.size(), keys.size() > 1 ? minGap : 0, maxGap,
                seconds > 0 ? bytes * 8 / seconds : 0, new ArrayList<>());
        check.verify(length);
        return check;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    private void verify(Duration length) {
        if (!codec.equals("h264")) {
            problems.add("codec " + codec);
        }
        if (width != 1280 || height != 720) {
            problems.add("size " + width + "x" + height);
        }
        if (!frameRate.equals("25/1") || Math.abs(fps - 25) > 0.5) {
            problems.add("frame rate " + frameRate + " (measured " + fps + ")");
        }
        if (seconds < length.toSeconds() - 2) {
            problems.add("only " + seconds + " s received");
        }
        // one loop seam adds a frame's worth of gap (see README): 1.0 s +- 0.1
        if (keyframes < seconds - 1 || minKeyGap < 0.9 || maxKeyGap > 1.1) {
            problems.add("keyframes " + keyframes + " with gaps " + minKeyGap + "-" + maxKeyGap + " s");
        }
    }
}
