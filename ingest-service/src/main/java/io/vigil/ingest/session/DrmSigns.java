package io.vigil.ingest.session;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVEncryptionInfo;
import org.bytedeco.ffmpeg.avutil.AVEncryptionInitInfo;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.SizeTPointer;

import java.util.HexFormat;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_ENCRYPTION_INFO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_ENCRYPTION_INIT_INFO;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_get_side_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avutil.av_encryption_info_free;
import static org.bytedeco.ffmpeg.global.avutil.av_encryption_info_get_side_data;
import static org.bytedeco.ffmpeg.global.avutil.av_encryption_init_info_free;
import static org.bytedeco.ffmpeg.global.avutil.av_encryption_init_info_get_side_data;

/**
 * Common-encryption DRM in MP4 (a progressive file, an HTTP stream, fMP4 HLS segments), as FFmpeg's mov
 * demuxer reports it: a {@code pssh} box becomes the stream's encryption init data (with the DRM
 * system's id), and samples of an {@code encv}/{@code enca} entry protected by {@code sinf/schm}
 * (cenc, cbcs...) arrive with encryption info (with the scheme). FFmpeg would hand such samples on
 * still encrypted: copied, they would be a recording nothing can play.
 */
final class DrmSigns {

    private static final Map<String, String> SYSTEMS = Map.of(
            "edef8ba979d64acea3c827dcd51d21ed", "Widevine",
            "9a04f07998404286ab92e65be0885f95", "PlayReady",
            "94ce86fb07ff4f43adb893d2fa968ca2", "FairPlay",
            "1077efecc0b24d02ace33c1e52e2fb4b", "W3C Common PSSH");

    private DrmSigns() {
    }

    /** What DRM the streams declare (a pssh box), or null when none. */
    static String ofStreams(AVFormatContext context) {
        for (int index = 0; index < context.nb_streams(); index++) {
            AVCodecParameters parameters = context.streams(index).codecpar();
            if (parameters.nb_coded_side_data() <= 0) {
                continue;
            }
            AVPacketSideData data = av_packet_side_data_get(parameters.coded_side_data(),
                    parameters.nb_coded_side_data(), AV_PKT_DATA_ENCRYPTION_INIT_INFO);
            if (data != null && !data.isNull()) {
                return "a pssh box of " + system(data);
            }
        }
        return null;
    }

    /** The encryption scheme of the packet's sample (cenc, cbcs...), or null when it is in the clear. */
    static String ofPacket(AVPacket packet) {
        // the common case, a clear packet, allocates nothing
        BytePointer found = av_packet_get_side_data(packet, AV_PKT_DATA_ENCRYPTION_INFO, (SizeTPointer) null);
        if (found == null || found.isNull()) {
            return null;
        }
        try (SizeTPointer size = new SizeTPointer(1)) {
            BytePointer data = av_packet_get_side_data(packet, AV_PKT_DATA_ENCRYPTION_INFO, size);
            if (data == null || data.isNull()) {
                return null;
            }
            AVEncryptionInfo info = av_encryption_info_get_side_data(data, size.get());
            if (info == null || info.isNull()) {
                return "encrypted samples";
            }
            try {
                return "samples encrypted with " + fourCc(info.scheme());
            } finally {
                av_encryption_info_free(info);
            }
        }
    }

    private static String system(AVPacketSideData data) {
        AVEncryptionInitInfo info = av_encryption_init_info_get_side_data(data.data(), data.size());
        if (info == null || info.isNull()) {
            return "an unknown DRM system";
        }
        try {
            byte[] id = new byte[info.system_id_size()];
            info.system_id().get(id);
            String hex = HexFormat.of().formatHex(id);
            return SYSTEMS.getOrDefault(hex, "DRM system " + hex);
        } finally {
            av_encryption_init_info_free(info);
        }
    }

    private static String fourCc(int scheme) {
        char[] text = {(char) (scheme >>> 24 & 0xff), (char) (scheme >>> 16 & 0xff), (char) (scheme >>> 8 & 0xff),
                (char) (scheme & 0xff)};
        for (char c : text) {
            if (c < 0x20 || c > 0x7e) {
                return String.format("scheme 0x%08x", scheme);
            }
        }
        return new String(text);
    }
}
