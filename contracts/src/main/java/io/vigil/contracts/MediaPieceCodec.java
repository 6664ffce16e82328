package io.vigil.contracts;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The binary value of a {@link Topics#MEDIA} record. Big-endian:
 * <pre>
 *   "VGMP"  magic (4 bytes)
 *   u8      format version (1)
 *   u32     header length H, then H bytes of {@link PieceHeader} as UTF-8 JSON
 *   u32     init length I, then I bytes of init segment (ftyp+moov)
 *   u32     fragment length F, then F bytes of fragment (moof+mdat)
 * </pre>
 * JSON keeps the header readable and extensible; the media stays raw so a 250 KB GOP costs 250 KB.
 */
public final class MediaPieceCodec {

    public static final byte FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'V', 'G', 'M', 'P'};
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private MediaPieceCodec() {
    }

    public static byte[] encode(MediaPiece piece) {
        byte[] header = ContractJson.write(piece.header());
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 1 + 12 + header.length + piece.init().length + piece.fragment().length);
        out.put(MAGIC).put(FORMAT_VERSION);
        out.putInt(header.length).put(header);
        out.putInt(piece.init().length).put(piece.init());
        out.putInt(piece.fragment().length).put(piece.fragment());
        return out.array();
    }

    /** @throws MalformedRecordException if the bytes are not a complete, well-formed piece */
    public static MediaPiece decode(byte[] value) {
        if (value == null) {
            throw new MalformedRecordException("media record has no value");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(value);
            for (byte b : MAGIC) {
                if (in.get() != b) {
                    throw new MalformedRecordException("media record does not start with VGMP");
                }
            }
            byte version = in.get();
            if (version != FORMAT_VERSION) {
                throw new MalformedRecordException("unsupported media record version " + version);
            }
            byte[] headerBytes = block(in, MAX_HEADER_BYTES, "header");
            byte[] init = block(in, Integer.MAX_VALUE, "init");
            byte[] fragment = block(in, Integer.MAX_VALUE, "fragment");
            if (in.hasRemaining()) {
                throw new MalformedRecordException(in.remaining() + " unexpected bytes after the fragment");
            }
            PieceHeader header = ContractJson.read(headerBytes, PieceHeader.class);
            validate(header, init, fragment);
            return new MediaPiece(header, init, fragment);
        } catch (BufferUnderflowException e) {
            throw new MalformedRecordException("media record is truncated");
        }
    }

    private static byte[] block(ByteBuffer in, int max, String what) {
        int length = in.getInt();
        if (length < 0 || length > max || length > in.remaining()) {
            throw new MalformedRecordException("media record " + what + " length " + length + " is out of bounds");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static void validate(PieceHeader h, byte[] init, byte[] fragment) {
        if (!CameraConfig.isValidId(h.cameraId())) {
            throw new MalformedRecordException("media piece has an invalid camera id");
        }
        if (h.sessionId() == null || h.sessionId().isBlank() || h.start() == null) {
            throw new MalformedRecordException("media piece header lacks sessionId or start");
        }
        if (h.sequence() < 0 || h.durationMicros() < 0) {
            throw new MalformedRecordException("media piece has a negative sequence or duration");
        }
        if (h.ownerEpoch() != null && h.ownerEpoch() < 0) {
            throw new MalformedRecordException("media piece has a negative ownerEpoch");
        }
        if (init.length < 8 || fragment.length < 8) {
            throw new MalformedRecordException("media piece lacks its init segment or fragment");
        }
    }

}
