package io.vigil.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The two ffmpeg pipelines Vigil's ingest is compared with, one ffmpeg process per camera. */
enum Baseline {

    /** (a) The least any recorder can do: copy the stream into fragmented MP4. */
    COPY("(a) ffmpeg -c copy → fMP4") {
        @Override
        List<String> arguments(String url, Path dir, int camera) {
            return List.of("-rtsp_transport", "tcp", "-i", url,
                    "-c", "copy", "-f", "mp4", "-movflags", "frag_keyframe+empty_moov",
                    "-y", dir.resolve("cam" + camera + ".mp4").toString());
        }
    },

    /**
     * (b) What Frigate runs per camera with its defaults (frigate/ffmpeg_presets.py and config
     * defaults: preset-rtsp-generic input, preset-record-generic output, detect output with
     * {@code -r 5 -vf fps=5,scale=1280:720 -threads 2 -f rawvideo -pix_fmt yuv420p}): 10 s segment
     * copy, and every frame decoded for 5 fps of raw pictures. Frigate pipes those to its detector;
     * here they go to /dev/null, so reading them costs nothing (in Frigate's favour).
     */
    FRIGATE("(b) Frigate-style ffmpeg (segments + decode 5 fps)") {
        @Override
        List<String> arguments(String url, Path dir, int camera) {
            return List.of("-threads", "2",
                    "-avoid_negative_ts", "make_zero", "-fflags", "+genpts+discardcorrupt",
                    "-rtsp_transport", "tcp", "-timeout", "10000000", "-use_wallclock_as_timestamps", "1",
                    "-i", url,
                    // first output: its frame count in -progress is the frames received
                    "-f", "segment", "-segment_time", "10", "-segment_format", "mp4", "-reset_timestamps", "1",
                    "-strftime", "1", "-c", "copy", "-an", dir.resolve("cam" + camera + "@%Y%m%d%H%M%S.mp4").toString(),
                    "-r", "5", "-vf", "fps=5,scale=1280:720", "-threads", "2", "-f", "rawvideo", "-pix_fmt", "yuv420p",
                    "-y", "/dev/null");
        }
    };

    private final String label;

    Baseline(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract List<String> arguments(String url, Path dir, int camera);

    /** The whole command line: quiet, no keyboard, progress (frames received) to a file. */
    List<String> command(Path ffmpeg, String url, Path dir, int camera, Path progress) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin",
                "-loglevel", "warning", "-nostats", "-progress", progress.toString()));
        command.addAll(arguments(url, dir, camera));
        return command;
    }
}
