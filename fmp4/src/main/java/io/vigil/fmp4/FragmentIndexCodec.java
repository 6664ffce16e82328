package io.vigil.fmp4;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link FragmentIndex}, documented in docs/catalog.md. Every number is a
 * varint (LEB128) of a difference from what the previous fragment predicts, so a typical fragment
 * (contiguous bytes, contiguous time) costs about 8 bytes instead of 24.
 *
 * <pre>
 * version            1 byte, {@value #VERSION}
 * initSize           varint
 * fragmentCount      varint
 * per fragment:
 *   gap              varint  offset - end of the previous fragment (of the init segment for the first)
 *   size             varint
 *   startShift       zigzag  startMicros - end time of the previous fragment (0 for the first)
 *   durationMicros   varint
 * </pre>
 */
final class FragmentIndexCodec {

    static final int VERSION = 1;

    /** Each fragment takes at least one byte per field, which bounds a believable count. */
    private static final int MIN_FRAGMENT_BYTES = 4;

    private FragmentIndexCodec() {
    }

    static byte[] encode(FragmentIndex index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 8 * index.fragments().size());
        out.write(VERSION);
        Varint.write(out, index.initSize());
        Varint.write(out, index.fragments().size());
        long previousEnd = index.initSize();
        long previousEndMicros = 0;
        for (Fragment fragment : index.fragments()) {
            Varint.write(out, fragment.offset() - previousEnd);
            Varint.write(out, fragment.size());
            Varint.writeSigned(out, fragment.startMicros() - previousEndMicros);
            Varint.write(out, fragment.durationMicros());
            previousEnd = fragment.end();
            previousEndMicros = fragment.endMicros();
        }
        return out.toByteArray();
    }

    static FragmentIndex decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new Mp4FormatException(bytes.length == 0 ? "empty fragment index"
                    : "fragment index version " + (bytes[0] & 0xFF) + " is not " + VERSION);
        }
        Varint.Reader in = new Varint.Reader(bytes, 1);
        long initSize = in.read();
        long count = in.read();
        if (count > (long) in.remaining() / MIN_FRAGMENT_BYTES) {
            throw new Mp4FormatException("fragment index announces " + count + " fragments in " + bytes.length + " bytes");
        }
        List<Fragment> fragments = new ArrayList<>((int) count);
        long previousEnd = initSize;
        long previousEndMicros = 0;
        for (long i = 0; i < count; i++) {
            long offset = previousEnd + in.read();
            long size = in.read();
            long start = previousEndMicros + in.readSigned();
            long duration = in.read();
            Fragment fragment = fragment(offset, size, start, duration);
            fragments.add(fragment);
            previousEnd = fragment.end();
            previousEndMicros = fragment.endMicros();
        }
        if (in.remaining() != 0) {
            throw new Mp4FormatException("fragment index has " + in.remaining() + " bytes after its last fragment");
        }
        try {
            return new FragmentIndex(initSize, fragments);
        } catch (IllegalArgumentException e) {
            throw new Mp4FormatException("fragment index is inconsistent: " + e.getMessage());
        }
    }

    private static Fragment fragment(long offset, long size, long start, long duration) {
        try {
            return new Fragment(offset, size, start, duration);
        } catch (IllegalArgumentException e) {
            throw new Mp4FormatException("fragment index holds an " + e.getMessage());
        }
    }
}
