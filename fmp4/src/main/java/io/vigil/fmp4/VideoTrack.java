package io.vigil.fmp4;

import java.util.List;

/**
 * What the fragments need from the init segment: which track is the video, its timescale (ticks
 * per second) and the sample duration fragments fall back to when they state none (trex).
 */
record VideoTrack(long trackId, long timescale, long defaultSampleDuration) {

    static VideoTrack of(BoxView moov) {
        List<BoxView> traks = moov.children("trak");
        if (traks.isEmpty()) {
            throw new Mp4FormatException("moov has no track");
        }
        // the video track times the file; a file without one (audio only) is timed by its first track
        BoxView trak = traks.stream().filter(VideoTrack::isVideo).findFirst().orElse(traks.get(0));
        long trackId = trackId(trak.require("tkhd"));
        long timescale = timescale(trak.require("mdia").require("mdhd"));
        long defaultDuration = moov.child("mvex").stream()
                .flatMap(mvex -> mvex.children("trex").stream())
                .map(BoxView::fullBoxBody)
                .filter(trex -> BoxView.uint32(trex, 0) == trackId)
                .mapToLong(trex -> BoxView.uint32(trex, 8))
                .findFirst()
                .orElse(0);
        return new VideoTrack(trackId, timescale, defaultDuration);
    }

    private static boolean isVideo(BoxView trak) {
        return trak.child("mdia")
                .flatMap(mdia -> mdia.child("hdlr"))
                .map(hdlr -> BoxView.uint32(hdlr.fullBoxBody(), 4) == fourCc("vide"))
                .orElse(false);
    }

    private static long trackId(BoxView tkhd) {
        // creation and modification times are 32-bit in version 0, 64-bit in version 1
        return BoxView.uint32(tkhd.fullBoxBody(), tkhd.version() == 1 ? 16 : 8);
    }

    private static long timescale(BoxView mdhd) {
        long timescale = BoxView.uint32(mdhd.fullBoxBody(), mdhd.version() == 1 ? 16 : 8);
        if (timescale == 0) {
            throw new Mp4FormatException("mdhd timescale is 0");
        }
        return timescale;
    }

    private static long fourCc(String type) {
        return ((long) type.charAt(0) << 24) | (type.charAt(1) << 16) | (type.charAt(2) << 8) | type.charAt(3);
    }
}
