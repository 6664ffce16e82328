package io.vigil.ingest.fragment;

import io.vigil.fmp4.Mp4FormatException;

/**
 * A session's init segment (ftyp+moov) and what its fragments need from it: which track is the
 * video, its timescale, the defaults fragments fall back to (trex), and the codec string.
 *
 * @param timescale             ticks per second of the video track
 * @param defaultSampleDuration trex default, used when a fragment states no durations
 * @param defaultSampleFlags    trex default, used when a fragment states no sample flags
 */
public record InitSegment(byte[] bytes, long videoTrackId, long timescale, long defaultSampleDuration,
                          int defaultSampleFlags, String codec) {

    /** Reads ftyp+moov as the muxer wrote them. */
    static InitSegment of(byte[] ftyp, byte[] moovBytes) {
        Mp4Box moov = Mp4Box.of(moovBytes);
        Mp4Box trak = moov.all("trak").stream()
                .filter(InitSegment::isVideo)
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("the init segment has no video track"));
        Mp4Box tkhd = trak.require("tkhd");
        long trackId = tkhd.u32(tkhd.version() == 1 ? 20 : 12);
        Mp4Box mdia = trak.require("mdia");
        Mp4Box mdhd = mdia.require("mdhd");
        long timescale = mdhd.u32(mdhd.version() == 1 ? 20 : 12);
        if (timescale == 0) {
            throw new Mp4FormatException("the video track's timescale is 0");
        }
        Mp4Box stsd = mdia.require("minf").require("stbl").require("stsd");
        // stsd: version and flags, entry count, then the sample entries
        Mp4Box sampleEntry = stsd.children(8).stream()
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("the video track has no sample entry"));
        Mp4Box trex = moov.child("mvex").stream()
                .flatMap(mvex -> mvex.all("trex").stream())
                .filter(candidate -> candidate.u32(4) == trackId)
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("the init segment is not fragmented (no trex for the video track)"));
        byte[] bytes = new byte[ftyp.length + moovBytes.length];
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        System.arraycopy(moovBytes, 0, bytes, ftyp.length, moovBytes.length);
        return new InitSegment(bytes, trackId, timescale, trex.u32(12), (int) trex.u32(20), CodecString.of(sampleEntry));
    }

    private static boolean isVideo(Mp4Box trak) {
        return trak.child("mdia")
                .flatMap(mdia -> mdia.child("hdlr"))
                .map(hdlr -> hdlr.u32(8) == 0x76696465L) // 'vide'
                .orElse(false);
    }
}
