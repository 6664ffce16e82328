package io.vigil.fmp4;

/**
 * One moof+mdat pair of a file: its bytes and its place on the file's media timeline.
 *
 * @param offset         byte offset of the moof in the file
 * @param size           bytes of the moof and its mdat together
 * @param startMicros    media time of its first sample, relative to the file's first fragment
 * @param durationMicros how long its samples play
 */
public record Fragment(long offset, long size, long startMicros, long durationMicros) {

    public Fragment {
        if (offset < 0 || size <= 0 || durationMicros < 0) {
            throw new IllegalArgumentException("impossible fragment: offset " + offset + ", size " + size
                    + ", duration " + durationMicros + " µs");
        }
    }

    /** The byte offset just past this fragment. */
    public long end() {
        return offset + size;
    }

    /** The media time just past this fragment's last sample. */
    public long endMicros() {
        return startMicros + durationMicros;
    }
}
