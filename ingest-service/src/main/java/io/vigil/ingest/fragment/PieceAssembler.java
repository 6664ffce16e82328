package io.vigil.ingest.fragment;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.fmp4.Box;
import io.vigil.fmp4.BoxSplitter;
import io.vigil.fmp4.Mp4FormatException;
import io.vigil.ingest.time.SessionClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Turns one session's fragmented-MP4 byte stream into media pieces: ftyp+moov is the init, each
 * moof with the mdat after it is one piece. A piece's wall-clock start is the session's anchor plus
 * its media time from the fragment's tfdt, so piece n+1 starts exactly where piece n ends. Anything
 * else the muxer writes (the closing mfra) is left out.
 */
public final class PieceAssembler {

    private final String cameraId;
    private final String sessionId;
    private final IntSupplier rotationSeconds;
    private final SessionClock clock;
    private final BoxSplitter splitter = new BoxSplitter();

    private byte[] ftyp;
    private InitSegment init;
    private byte[] pendingMoof;
    private long sequence;
    private long firstDecodeTime = -1;
    /** End of the latest piece, in video ticks since the first piece. */
    private long endTicks;

    /** @param rotationSeconds read per piece: a rotation change applies without restarting the session */
    public PieceAssembler(String cameraId, String sessionId, IntSupplier rotationSeconds, SessionClock clock) {
        this.cameraId = cameraId;
        this.sessionId = sessionId;
        this.rotationSeconds = rotationSeconds;
        this.clock = clock;
    }

    /**
     * Adds bytes written by the muxer and returns the pieces they complete, in order.
     *
     * @throws Mp4FormatException if the bytes are not a fragmented MP4 stream with a video track
     */
    public List<MediaPiece> feed(byte[] data) {
        List<MediaPiece> pieces = new ArrayList<>();
        for (Box box : splitter.feed(data, 0, data.length)) {
            switch (box.type()) {
                case "ftyp" -> ftyp = box.bytes();
                case "moov" -> {
                    if (ftyp == null) {
                        throw new Mp4FormatException("moov without a preceding ftyp");
                    }
                    init = InitSegment.of(ftyp, box.bytes());
                }
                case "moof" -> {
                    if (init == null || pendingMoof != null) {
                        throw new Mp4FormatException(init == null ? "moof before the init segment" : "moof without its mdat");
                    }
                    pendingMoof = box.bytes();
                }
                case "mdat" -> {
                    if (pendingMoof == null) {
                        throw new Mp4FormatException("mdat without a moof");
                    }
                    pieces.add(piece(pendingMoof, box.bytes()));
                    pendingMoof = null;
                }
                default -> {
                    // mfra (written on close), free, sidx: not part of any piece
                }
            }
        }
        return pieces;
    }

    /** The session's init segment, once the muxer has written it. */
    public Optional<InitSegment> init() {
        return Optional.ofNullable(init);
    }

    private MediaPiece piece(byte[] moof, byte[] mdat) {
        Optional<FragmentTiming> timing = FragmentTiming.of(moof, init);
        long startTicks = endTicks;
        long durationTicks = 0;
        boolean keyframe = false;
        if (timing.isPresent()) {
            if (firstDecodeTime < 0) {
                firstDecodeTime = timing.get().decodeTime();
            }
            startTicks = timing.get().decodeTime() - firstDecodeTime;
            durationTicks = timing.get().duration();
            keyframe = timing.get().keyframe();
        }
        endTicks = startTicks + durationTicks;
        long startMicros = micros(startTicks);
        long durationMicros = micros(endTicks) - startMicros;
        byte[] fragment = new byte[moof.length + mdat.length];
        System.arraycopy(moof, 0, fragment, 0, moof.length);
        System.arraycopy(mdat, 0, fragment, moof.length, mdat.length);
        PieceHeader header = new PieceHeader(PieceHeader.VERSION, cameraId, sessionId, sequence++,
                clock.at(startMicros), durationMicros, init.codec(), keyframe, rotationSeconds.getAsInt());
        return new MediaPiece(header, init.bytes(), fragment);
    }

    /** Ticks to microseconds without overflow; rounding the ends, not the durations, keeps pieces contiguous. */
    private long micros(long ticks) {
        long timescale = init.timescale();
        return ticks / timescale * 1_000_000 + ticks % timescale * 1_000_000 / timescale;
    }
}
