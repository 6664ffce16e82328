package io.vigil.contracts;

/**
 * One piece of a camera's stream: a header, the init segment (ftyp+moov) of its session, and one
 * fragment (moof+mdat) that, with the init, plays on its own.
 */
public record MediaPiece(PieceHeader header, byte[] init, byte[] fragment) {

    public long mediaBytes() {
        return init.length + (long) fragment.length;
    }

    @Override
    public String toString() {
        return "MediaPiece[" + header + ", init=" + init.length + " B, fragment=" + fragment.length + " B]";
    }
}
