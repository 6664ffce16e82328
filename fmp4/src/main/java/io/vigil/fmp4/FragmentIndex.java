package io.vigil.fmp4;

import java.util.List;

/**
 * Where each fragment of a fragmented MP4 file lies, in bytes and in time, so a player can be
 * handed the init segment and then exactly the fragments covering the moment it asked for.
 *
 * @param initSize  bytes of the init segment (ftyp+moov) at the start of the file
 * @param fragments complete fragments in file order
 */
public record FragmentIndex(long initSize, List<Fragment> fragments) {

    public FragmentIndex {
        if (initSize <= 0) {
            throw new IllegalArgumentException("init segment size must be positive, not " + initSize);
        }
        fragments = List.copyOf(fragments);
        long previousEnd = initSize;
        for (Fragment fragment : fragments) {
            if (fragment.offset() < previousEnd) {
                throw new IllegalArgumentException("fragment at " + fragment.offset()
                        + " overlaps the bytes before it (which end at " + previousEnd + ")");
            }
            previousEnd = fragment.end();
        }
    }

    /** Media time from the first fragment's start to the last one's end; 0 without fragments. */
    public long durationMicros() {
        return fragments.isEmpty() ? 0 : fragments.get(fragments.size() - 1).endMicros();
    }

    /** The compact binary form stored in the catalog (docs/catalog.md). */
    public byte[] encode() {
        return FragmentIndexCodec.encode(this);
    }

    /** Reads what {@link #encode()} wrote; throws {@link Mp4FormatException} for anything else. */
    public static FragmentIndex decode(byte[] bytes) {
        return FragmentIndexCodec.decode(bytes);
    }
}
