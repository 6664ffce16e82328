package io.vigil.bench;

import org.bytedeco.javacpp.Loader;

import java.nio.file.Path;

/** JavaCV's bundled FFmpeg 8 executables (the ffmpeg the services load), extracted to the JavaCPP cache. */
final class FfmpegTools {

    private FfmpegTools() {
    }

    static Path ffmpeg() {
        return Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
    }

    static Path ffprobe() {
        return Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
    }
}
