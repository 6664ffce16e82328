package io.vigil.fmp4;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites moof boxes so that fragments taken from several files, and from several sessions, play
 * as one fragmented MP4 behind one init segment: the first fragment starts at decode time 0, every
 * fragment of a timeline keeps its distance to the one before (a real gap inside a session stays),
 * a new timeline (a later session, whose decode times restart at 0) continues where the previous one
 * ended, and the mfhd sequence numbers count 1, 2, 3... Only fixed-size fields are patched, so a
 * moof keeps its size and its trun data offsets stay valid.
 *
 * <p>All tracks move together: a timeline is shifted by one amount of time, the least that keeps
 * every track's decode time from going back, so audio stays in sync with video. Fragments must
 * address their samples relative to the moof (default-base-is-moof, as FFmpeg and the recorder
 * write them); one with an absolute base data offset cannot be moved and is refused.
 */
public final class FragmentRetimer {

    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    private final Map<Long, Track> tracks = new LinkedHashMap<>();
    /** Per track: ticks added to the decode times of the current timeline. */
    private final Map<Long, Long> shift = new HashMap<>();
    /** Per track: the rewritten decode time just past its last sample so far. */
    private final Map<Long, Long> end = new HashMap<>();
    private long sequence;

    /** For fragments played behind {@code init} (ftyp and moov, as at the start of a recording). */
    public FragmentRetimer(byte[] init) {
        BoxView moov = BoxView.topLevel(init).stream()
                .filter(box -> box.type().equals("moov"))
                .findFirst()
                .orElseThrow(() -> new Mp4FormatException("the init segment has no moov box"));
        for (BoxView trak : moov.children("trak")) {
            Track track = Track.of(moov, trak);
            tracks.put(track.id(), track);
        }
        if (tracks.isEmpty()) {
            throw new Mp4FormatException("moov has no track");
        }
    }

    /**
     * The next fragment's moof, rewritten (a new array; {@code moof} is left as it is).
     *
     * @param newTimeline whether its decode times start a timeline of their own (a new session);
     *                    a fragment whose decode times would go back is treated as one anyway
     */
    public byte[] retime(byte[] moof, boolean newTimeline) {
        byte[] out = moof.clone();
        BoxView box = BoxView.of(out);
        if (!box.type().equals("moof")) {
            throw new Mp4FormatException("expected a moof box, found " + box.type());
        }
        List<Traf> trafs = box.children("traf").stream().map(this::traf).toList();
        if (trafs.isEmpty()) {
            throw new Mp4FormatException("moof has no traf");
        }
        if (newTimeline || shift.isEmpty() || goesBack(trafs)) {
            startTimeline(trafs);
        }
        for (Traf traf : trafs) {
            long decodeTime = traf.decodeTime + shift.get(traf.track.id());
            writeDecodeTime(out, traf, decodeTime);
            end.put(traf.track.id(), decodeTime + traf.duration);
        }
        sequence++;
        if (sequence > MAX_UINT32) {
            throw new Mp4FormatException("more than 2^32 fragments");
        }
        writeUint32(out, box.require("mfhd").arrayIndex(4), sequence);
        return out;
    }

    private Traf traf(BoxView traf) {
        BoxView tfhd = traf.require("tfhd");
        long trackId = tfhd.u32(4);
        Track track = tracks.get(trackId);
        if (track == null) {
            throw new Mp4FormatException("traf for track " + trackId + ", which the init segment does not have");
        }
        if ((tfhd.flags() & TFHD_BASE_DATA_OFFSET) != 0) {
            throw new Mp4FormatException("track " + trackId + " addresses its samples by absolute file offset"
                    + " (tfhd base-data-offset); such a fragment cannot be moved");
        }
        BoxView tfdt = traf.require("tfdt");
        TrackFragment fragment = TrackFragment.of(traf, track);
        return new Traf(track, tfdt, fragment.decodeTime(), fragment.duration());
    }

    private boolean goesBack(List<Traf> trafs) {
        return trafs.stream().anyMatch(traf -> traf.decodeTime + shift.get(traf.track.id()) < end.getOrDefault(traf.track.id(), 0L));
    }

    /**
     * Picks the one shift in time that puts the earliest track of this fragment right after
     * everything written so far, then expresses it in each track's ticks.
     */
    private void startTimeline(List<Traf> trafs) {
        Traf leading = null;
        double leadingSeconds = Double.NEGATIVE_INFINITY;
        for (Traf traf : trafs) {
            double needed = (end.getOrDefault(traf.track.id(), 0L) - traf.decodeTime) / (double) traf.track.timescale();
            if (needed > leadingSeconds) {
                leading = traf;
                leadingSeconds = needed;
            }
        }
        for (Track track : tracks.values()) {
            shift.put(track.id(), Math.round(leadingSeconds * track.timescale()));
        }
        // exact in the ticks of the track that decided, and never backwards for any track here
        shift.put(leading.track.id(), end.getOrDefault(leading.track.id(), 0L) - leading.decodeTime);
        for (Traf traf : trafs) {
            long least = end.getOrDefault(traf.track.id(), 0L) - traf.decodeTime;
            shift.merge(traf.track.id(), least, Math::max);
        }
    }

    private static void writeDecodeTime(byte[] out, Traf traf, long decodeTime) {
        if (decodeTime < 0) {
            throw new Mp4FormatException("decode time of track " + traf.track.id() + " would become negative");
        }
        if (traf.tfdt.version() == 1) {
            writeUint32(out, traf.tfdt.arrayIndex(4), decodeTime >>> 32);
            writeUint32(out, traf.tfdt.arrayIndex(8), decodeTime & MAX_UINT32);
        } else if (decodeTime <= MAX_UINT32) {
            writeUint32(out, traf.tfdt.arrayIndex(4), decodeTime);
        } else {
            throw new Mp4FormatException("decode time " + decodeTime + " of track " + traf.track.id()
                    + " does not fit the fragment's 32-bit tfdt");
        }
    }

    private static void writeUint32(byte[] out, int at, long value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    private record Traf(Track track, BoxView tfdt, long decodeTime, long duration) {
    }
}
