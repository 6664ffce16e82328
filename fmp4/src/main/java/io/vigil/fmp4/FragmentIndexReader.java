package io.vigil.fmp4;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link FragmentIndex} of a fragmented MP4 file by walking its top-level boxes: the
 * moov gives the video track's timescale, each moof its fragment's start (tfdt) and duration
 * (trun), and the mdat after it completes the fragment. Media data is skipped, never read, so a
 * large file costs a few reads per fragment.
 *
 * <p>A file cut short (the recorder crashed mid-write) is indexed up to its last complete
 * fragment; the torn remainder is left out.
 */
public final class FragmentIndexReader {

    /** moov and moof boxes are read whole; real ones are kilobytes, this only stops a corrupt size. */
    private static final long MAX_METADATA_BOX_BYTES = 64L * 1024 * 1024;

    private FragmentIndexReader() {
    }

    public static FragmentIndex read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        }
    }

    public static FragmentIndex read(FileChannel file) throws IOException {
        long fileSize = file.size();
        Track track = null;
        long initSize = 0;
        List<Timed> timed = new ArrayList<>();
        BoxHeader moof = null;
        Timing moofTiming = null;
        long position = 0;
        Optional<BoxHeader> next;
        while ((next = BoxHeader.read(file, position, fileSize)).isPresent()) {
            BoxHeader box = next.get();
            if (moof != null && !box.type().equals("mdat")) {
                throw new Mp4FormatException("moof at byte " + moof.offset() + " is followed by " + box.type() + ", not mdat");
            }
            switch (box.type()) {
                case "moov" -> {
                    track = Track.timing(BoxView.of(box.readAll(file, MAX_METADATA_BOX_BYTES)));
                    initSize = box.end();
                }
                case "moof" -> {
                    if (track == null) {
                        throw new Mp4FormatException("moof at byte " + box.offset() + " comes before any moov");
                    }
                    moof = box;
                    moofTiming = Timing.of(box.readAll(file, MAX_METADATA_BOX_BYTES), track);
                }
                case "mdat" -> {
                    if (moof != null) {
                        timed.add(new Timed(moof.offset(), box.end() - moof.offset(), moofTiming));
                        moof = null;
                    }
                }
                default -> {
                    // ftyp, free, sidx, mfra…: nothing to index
                }
            }
            position = box.end();
        }
        if (track == null) {
            throw new Mp4FormatException("no complete moov box: not an MP4 file, or cut inside its init segment");
        }
        return new FragmentIndex(initSize, toMicros(timed, track));
    }

    private static List<Fragment> toMicros(List<Timed> timed, Track track) {
        List<Fragment> fragments = new ArrayList<>(timed.size());
        for (Timed fragment : timed) {
            // relative to the first fragment before scaling: absolute tfdt values may be huge
            long start = fragment.timing.decodeTime() - timed.get(0).timing.decodeTime();
            fragments.add(new Fragment(fragment.offset, fragment.size,
                    track.micros(start), track.micros(fragment.timing.duration())));
        }
        return fragments;
    }

    /** A moof's timing for the timing track, read as soon as the moof is: a corrupt one fails the file. */
    private record Timing(long decodeTime, long duration) {

        static Timing of(byte[] moof, Track track) {
            TrackFragment fragment = TrackFragment.of(moof, track)
                    .orElseThrow(() -> new Mp4FormatException("moof has no traf for track " + track.id()));
            return new Timing(fragment.decodeTime(), fragment.duration());
        }
    }

    private record Timed(long offset, long size, Timing timing) {
    }
}
