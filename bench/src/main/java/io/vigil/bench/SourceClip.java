package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The pre-made stream every bench camera serves: 20 s of a moving test pattern, H.264 High profile
 * 1280x720 at 25 fps, a keyframe every second, CBR 2 Mbit/s (x264's filler keeps it constant),
 * in MPEG-TS (which the looping source needs, see {@link LoopedCameras}). Made once by GStreamer's
 * x264 (the bundled LGPL ffmpeg has no x264), kept in {@code dir}.
 *
 * @param bitrate the H.264 payload's bits per second (packet bytes, no container), the "bitrate"
 *                pre-roll memory is compared with
 */
record SourceClip(Path file, double seconds, double bitrate) {

    static final int FRAMES = 500;
    static final int FPS = 25;

    /**
     * Colour bars whose noise patch (bottom right, like leaves or sensor noise) changes every frame,
     * and a big ball moving in a box (drawn at 320x180, shown at 640x360). The noise makes the 2 Mbit/s
     * real picture data, as a camera's are: a plain ball on black codes to 0.5 Mbit/s and the rest
     * would be filler, which a decoder skips, and decoding would look half as costly as it is.
     * veryfast + zerolatency: CABAC and no B-frames, like a camera's main stream; scenecut=0: a
     * keyframe every second and only then (the noise would make x264 insert many more).
     */
    private static final String PIPELINE = "compositor name=mix sink_1::xpos=320 sink_1::ypos=90"
            + " ! video/x-raw,width=1280,height=720,framerate=" + FPS + "/1 ! videoconvert ! video/x-raw,format=I420"
            + " ! x264enc speed-preset=veryfast tune=zerolatency key-int-max=" + FPS
            + " bitrate=2000 pass=cbr option-string=nal-hrd=cbr:filler=1:scenecut=0"
            + " ! video/x-h264,profile=high ! h264parse ! mpegtsmux ! filesink location=%s"
            + " videotestsrc pattern=smpte num-buffers=" + FRAMES + " ! video/x-raw,width=1280,height=720,framerate=" + FPS + "/1 ! mix.sink_0"
            + " videotestsrc pattern=ball num-buffers=" + FRAMES + " ! video/x-raw,width=320,height=180,framerate=" + FPS + "/1"
            + " ! videoscale ! video/x-raw,width=640,height=360 ! mix.sink_1";

    static SourceClip make(Path dir, Path ffprobe) throws Exception {
        Path file = dir.resolve("loop-720p25-2mbit-bars.ts");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(dir);
            Path partial = dir.resolve("loop.partial.ts");
            List<String> command = new java.util.ArrayList<>(List.of("gst-launch-1.0", "-q", "-e"));
            command.addAll(List.of(String.format(PIPELINE, partial).split(" ")));
            Commands.run(command, dir.resolve("make-clip.log"), Duration.ofMinutes(5));
            Files.move(partial, file);
        }
        // packet sizes and count: the payload bitrate, without MPEG-TS overhead
        String csv = Commands.output(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=size", "-of", "csv=p=0", file.toString()), Map.of(), Duration.ofMinutes(1));
        long bytes = 0;
        int packets = 0;
        for (String line : csv.split("\n")) {
            if (!line.isBlank()) {
                bytes += Long.parseLong(line.trim().replace(",", ""));
                packets++;
            }
        }
        double seconds = (double) packets / FPS;
        return new SourceClip(file, seconds, bytes * 8 / seconds);
    }
}
