package io.vigil.gateway.audit;

/** The headers an export (clip download) carries; the audit entry takes its id and hash from them. */
public final class ExportHeaders {

    /** The export's id, for {@code GET /api/exports/{id}/manifest}. */
    public static final String ID = "X-Vigil-Export-Id";
    /** The SHA-256 of the bytes sent, lowercase hex. */
    public static final String SHA256 = "X-Vigil-Export-SHA256";
    /** RFC 9530: {@code sha-256=:<base64>:}, the same hash (the representation is sent whole, uncoded). */
    public static final String REPR_DIGEST = "Repr-Digest";

    private ExportHeaders() {
    }
}
