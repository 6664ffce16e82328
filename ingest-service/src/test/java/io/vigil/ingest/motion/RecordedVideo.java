package io.vigil.ingest.motion;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

/** A media file opened with avformat, read packet by packet the way a camera session reads its stream. */
final class RecordedVideo implements AutoCloseable {

    private final AVFormatContext format;
    private final int videoStream;

    private RecordedVideo(AVFormatContext format, int videoStream) {
        this.format = format;
        this.videoStream = videoStream;
    }

    static RecordedVideo open(Path file) {
        AVFormatContext format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, (AVDictionary) null) < 0) {
            throw new IllegalStateException("cannot open " + file);
        }
        if (avformat_find_stream_info(format, (AVDictionary) null) < 0) {
            avformat_close_input(format);
            throw new IllegalStateException("cannot probe " + file);
        }
        for (int index = 0; index < format.nb_streams(); index++) {
            if (format.streams(index).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                return new RecordedVideo(format, index);
            }
        }
        avformat_close_input(format);
        throw new IllegalStateException(file + " has no video");
    }

    AVCodecParameters video() {
        return format.streams(videoStream).codecpar();
    }

    /** Hands each video packet, in file order, to {@code action}; the packet is unreferenced after it. */
    void forEachVideoPacket(Consumer<AVPacket> action) {
        AVPacket packet = av_packet_alloc();
        try {
            while (av_read_frame(format, packet) >= 0) {
                try {
                    if (packet.stream_index() == videoStream) {
                        action.accept(packet);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
        } finally {
            av_packet_free(packet);
        }
    }

    @Override
    public void close() {
        avformat_close_input(format);
    }
}
