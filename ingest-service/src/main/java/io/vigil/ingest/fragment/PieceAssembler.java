package io.vigil.ingest.fragment;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;
import io.vigil.fmp4.Box;
import io.vigil.fmp4.BoxSplitter;
import io.vigil.fmp4.Mp4FormatException;
import io.vigil.fmp4.TrackFragment;
import io.vigil.fmp4.VideoTrack;
import io.vigil.ingest.time.SessionClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Turns one session's fragmented-MP4 byte stream into media pieces: ftyp+moov is the init, each
 * moof with the mdat after it is one piece. A piece's wall-clock start is the session's anchor plus
 * its media time from the fragment's tfdt (slewed for the camera's drift by the {@link SessionClock}),
 * so piece n+1 starts exactly where piece n ends. Anything
 * else the muxer writes (the closing mfra) is left out. Pieces leave as continuous recording without an
 * event; the camera's event recorder stamps the ones it publishes for an event.
 */
public final class PieceAssembler {

    private final String cameraId;
    private final String sessionId;
    private final IntSupplier rotationSeconds;
    private final SessionClock clock;
    private final SessionOrigin origin;
    private final BoxSplitter splitter = new BoxSplitter();

    private byte[] ftyp;
    /** ftyp+moov, handed on with every piece so each one plays on its own. */
    private byte[] init;
    private VideoTrack video;
    private byte[] pendingMoof;
    private long sequence;
    private long firstDecodeTime = -1;
    /** End of the latest piece, in video ticks since the first piece. */
    private long endTicks;

    /**
     * @param rotationSeconds read per piece: a rotation change applies without restarting the session
     * @param clock           turns media time into wall-clock time, slewing the camera's drift off
     * @param origin          why the session began, stamped on every piece
     */
    public PieceAssembler(String cameraId, String sessionId, IntSupplier rotationSeconds, SessionClock clock,
                          SessionOrigin origin) {
        this.cameraId = cameraId;
        this.sessionId = sessionId;
        this.rotationSeconds = rotationSeconds;
        this.clock = clock;
        this.origin = origin;
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
                    byte[] segment = concat(ftyp, box.bytes());
                    video = VideoTrack.of(segment);
                    init = segment;
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

    /** The session's video as its init segment describes it, once the muxer has written it. */
    public Optional<VideoTrack> video() {
        return Optional.ofNullable(video);
    }

    private MediaPiece piece(byte[] moof, byte[] mdat) {
        // a fragment without video samples (audio only) takes no time and starts where the last one ended
        Optional<TrackFragment> timing = TrackFragment.of(moof, video.track()).filter(TrackFragment::hasSamples);
        long startTicks = endTicks;
        long durationTicks = 0;
        boolean keyframe = false;
        if (timing.isPresent()) {
            if (firstDecodeTime < 0) {
                firstDecodeTime = timing.get().decodeTime();
            }
            startTicks = timing.get().decodeTime() - firstDecodeTime;
            durationTicks = timing.get().duration();
            keyframe = timing.get().startsWithSyncSample();
        }
        endTicks = startTicks + durationTicks;
        // rounding the ends, not the durations, keeps pieces contiguous; the clock's slew changes only across a piece
        SessionClock.Span wall = clock.piece(video.track().micros(startTicks), video.track().micros(endTicks));
        PieceHeader header = new PieceHeader(PieceHeader.VERSION, cameraId, sessionId, sequence++,
                wall.start(), wall.durationMicros(), video.codec(), keyframe, rotationSeconds.getAsInt(),
                RecordingReason.CONTINUOUS, null, origin.cause(), origin.previousFailure(), origin.instance(),
                origin.ownerEpoch());
        return new MediaPiece(header, init, concat(moof, mdat));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
