package io.vigil.ingest.session;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacpp.BytePointer;

import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

/**
 * AAC as MPEG-TS carries it: each frame behind an ADTS header, the stream configuration only in those
 * headers. MP4 wants raw frames and the configuration once, as the AudioSpecificConfig of its sample
 * entry, which the muxer writes into the init segment before any packet. So the configuration is made
 * from what the demuxer probed (profile, sample rate, channels) when the source opens, and each frame's
 * ADTS header is cut off before it is muxed (what FFmpeg's aac_adtstoasc filter does, known in time
 * for the init segment).
 */
final class AdtsAudio {

    /** ISO 14496-3 sampling frequency indexes. */
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    private static final int PADDING = 64;

    private AdtsAudio() {
    }

    /**
     * Gives an AAC stream without codec configuration (ADTS-framed) its AudioSpecificConfig.
     *
     * @return null when done (or not needed); else why the audio cannot be copied
     */
    static String configure(AVCodecParameters audio) {
        if (audio.extradata_size() > 0) {
            return null;
        }
        byte[] config = audioSpecificConfig(audio.profile(), audio.sample_rate(), audio.ch_layout().nb_channels());
        if (config == null) {
            return "AAC audio (profile " + audio.profile() + ", " + audio.sample_rate() + " Hz, "
                    + audio.ch_layout().nb_channels() + " channels) has no MP4 configuration Vigil can make";
        }
        BytePointer data = new BytePointer(av_mallocz(config.length + PADDING)).capacity(config.length + PADDING);
        data.put(config);
        audio.extradata(data);
        audio.extradata_size(config.length);
        return null;
    }

    /** The two-byte AudioSpecificConfig, or null when it cannot be written in two bytes. */
    static byte[] audioSpecificConfig(int profile, int sampleRate, int channels) {
        // an ADTS header names AAC Main, LC, SSR or LTP (object types 1-4); anything else the decoder
        // reported (HE-AAC's implicit SBR) is carried as LC, as ADTS itself does
        int objectType = profile >= 0 && profile <= 3 ? profile + 1 : 2;
        int rate = -1;
        for (int index = 0; index < RATES.length; index++) {
            if (RATES[index] == sampleRate) {
                rate = index;
            }
        }
        int channelConfig = channels >= 1 && channels <= 6 ? channels : channels == 8 ? 7 : -1;
        if (rate < 0 || channelConfig < 0) {
            return null;
        }
        int bits = objectType << 11 | rate << 7 | channelConfig << 3;
        return new byte[] {(byte) (bits >>> 8), (byte) bits};
    }

    /** Cuts the ADTS header off the packet's frame, in place; a raw frame stays as it is. */
    static void strip(AVPacket packet) {
        int size = packet.size();
        BytePointer data = packet.data();
        if (size < 7 || data == null || data.isNull()) {
            return;
        }
        int first = data.get(0) & 0xff;
        int second = data.get(1) & 0xff;
        if (first != 0xff || (second & 0xf0) != 0xf0) {
            return;
        }
        // protection_absent 0: a 16-bit CRC follows the 7-byte header
        int header = (second & 0x01) == 1 ? 7 : 9;
        if (size <= header) {
            return;
        }
        packet.data(new BytePointer(data).position(header));
        packet.size(size - header);
    }
}
