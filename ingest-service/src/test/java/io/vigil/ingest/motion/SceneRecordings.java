package io.vigil.ingest.motion;

import io.vigil.devstack.RtspCameraServer;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A few seconds of each test-camera scene, recorded once from the live RTSP cameras by stream copy
 * (no re-encoding: the very packets a camera session sees) into MPEG-TS, which keeps H.264 in Annex B
 * with SPS/PPS in-band, as RTSP delivers it. All scenes are recorded at the same time.
 *
 * <p>The first second is left out: a test camera's pipeline, started by the recording's connection,
 * sometimes shows a half-drawn picture first (seen about once in a dozen starts when two cameras start
 * together), which would be motion against the next keyframe.
 */
final class SceneRecordings {

    /** Copying starts at the first keyframe after this. */
    private static final String SKIPPED_SECONDS = "1";

    private final Map<Scene, Path> files;

    private SceneRecordings(Map<Scene, Path> files) {
        this.files = files;
    }

    static SceneRecordings record(Path dir, int seconds) throws IOException, InterruptedException {
        List<TestCamera> cameras = new ArrayList<>();
        for (Scene scene : Scene.values()) {
            cameras.add(TestCamera.open(name(scene), scene));
        }
        Map<Scene, Path> files = new EnumMap<>(Scene.class);
        try (RtspCameraServer server = RtspCameraServer.start(dir, cameras)) {
            Map<Scene, Process> recorders = new EnumMap<>(Scene.class);
            for (Scene scene : Scene.values()) {
                Path file = dir.resolve(name(scene) + ".ts");
                files.put(scene, file);
                recorders.put(scene, new ProcessBuilder(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
                        "-v", "error", "-rtsp_transport", "tcp", "-i", server.url(name(scene)),
                        "-an", "-c", "copy", "-ss", SKIPPED_SECONDS, "-t", String.valueOf(seconds), "-f", "mpegts", "-y", file.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve(name(scene) + ".log").toFile()).start());
            }
            for (Map.Entry<Scene, Process> recorder : recorders.entrySet()) {
                Process process = recorder.getValue();
                if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("recording the " + recorder.getKey() + " scene took too long");
                }
                if (process.exitValue() != 0) {
                    throw new IOException("recording the " + recorder.getKey() + " scene failed: "
                            + Files.readString(dir.resolve(name(recorder.getKey()) + ".log")));
                }
            }
        }
        return new SceneRecordings(files);
    }

    Path file(Scene scene) {
        return files.get(scene);
    }

    private static String name(Scene scene) {
        return scene.name().toLowerCase(Locale.ROOT);
    }
}
