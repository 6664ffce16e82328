package io.vigil.fmp4;

/**
 * The video of a fragmented MP4 stream as its init segment describes it: the track its fragments
 * are timed by, and the format a player must be told about.
 *
 * @param codec  RFC 6381 codec string, {@code avc1.64001f} or {@code hvc1.1.6.L93.B0}
 * @param width  pixels, as the sample entry states them
 * @param height pixels, as the sample entry states them
 */
public record VideoTrack(Track track, String codec, int width, int height) {

    /** Where a visual sample entry states its size: after reserved, data reference and pre-defined fields. */
    private static final int WIDTH_AT = 24;
    private static final int HEIGHT_AT = 26;

    /**
     * Reads the init segment's video: {@code init} holds top-level boxes (ftyp and moov, as a muxer
     * writes them), the moov among them.
     *
     * @throws Mp4FormatException if there is no H.264 or H.265 video track set up for fragments
     */
    public static VideoTrack of(byte[] init) {
        BoxView moov = BoxView.topLevel(init).stream()
                .filter(box -> box.type().equals("moov"))
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("the init segment has no moov box"));
        BoxView trak = moov.children("trak").stream()
                .filter(Track::isVideo)
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("the init segment has no video track"));
        Track track = Track.of(moov, trak);
        if (Track.trex(moov, track.id()).isEmpty()) {
            throw new Mp4FormatException("the init segment is not fragmented (no trex for the video track)");
        }
        BoxView stsd = trak.require("mdia").require("minf").require("stbl").require("stsd");
        // stsd: version and flags, entry count, then the sample entries
        BoxView sampleEntry = stsd.children(8).stream()
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("the video track has no sample entry"));
        return new VideoTrack(track, CodecString.of(sampleEntry), sampleEntry.u16(WIDTH_AT), sampleEntry.u16(HEIGHT_AT));
    }
}
