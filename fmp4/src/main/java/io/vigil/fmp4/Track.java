package io.vigil.fmp4;

import java.util.List;
import java.util.Optional;

/**
 * What a track's fragments need from the init segment to be timed: its id, its timescale (ticks
 * per second) and the sample defaults a fragment falls back to when it states none (trex; 0 when
 * the moov has no trex for the track).
 */
public record Track(long id, long timescale, long defaultSampleDuration, int defaultSampleFlags) {

    private static final long VIDE = 0x76696465L; // the 'vide' handler type

    public Track {
        if (timescale <= 0) {
            throw new IllegalArgumentException("a track's timescale must be positive, not " + timescale);
        }
    }

    /** Ticks of this track to microseconds, without overflowing for any tick count a file can hold. */
    public long micros(long ticks) {
        return ticks / timescale * 1_000_000 + ticks % timescale * 1_000_000 / timescale;
    }

    /** The track that times a file: its video, or its first track when it has none (audio only). */
    static Track timing(BoxView moov) {
        List<BoxView> traks = moov.children("trak");
        if (traks.isEmpty()) {
            throw new Mp4FormatException("moov has no track");
        }
        return of(moov, traks.stream().filter(Track::isVideo).findFirst().orElse(traks.get(0)));
    }

    static Track of(BoxView moov, BoxView trak) {
        BoxView tkhd = trak.require("tkhd");
        // creation and modification times are 32-bit in version 0, 64-bit in version 1
        long id = tkhd.u32(tkhd.version() == 1 ? 20 : 12);
        BoxView mdhd = trak.require("mdia").require("mdhd");
        long timescale = mdhd.u32(mdhd.version() == 1 ? 20 : 12);
        if (timescale == 0) {
            throw new Mp4FormatException("mdhd timescale is 0");
        }
        Optional<BoxView> trex = trex(moov, id);
        return new Track(id, timescale, trex.map(box -> box.u32(12)).orElse(0L),
                trex.map(box -> (int) box.u32(20)).orElse(0));
    }

    static boolean isVideo(BoxView trak) {
        return trak.child("mdia")
                .flatMap(mdia -> mdia.child("hdlr"))
                .map(hdlr -> hdlr.u32(8) == VIDE)
                .orElse(false);
    }

    /** The track's fragment defaults; only a fragmented file's moov has them (in mvex). */
    static Optional<BoxView> trex(BoxView moov, long trackId) {
        return moov.child("mvex").stream()
                .flatMap(mvex -> mvex.children("trex").stream())
                .filter(trex -> trex.u32(4) == trackId)
                .findFirst();
    }
}
