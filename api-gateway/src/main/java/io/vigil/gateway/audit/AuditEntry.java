package io.vigil.gateway.audit;

import io.vigil.contracts.AuditRecord;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code audit_entry} (V9), also the answer of {@code GET /api/audit} and, as an
 * {@link AuditRecord}, the record on {@code vigil.audit}. See docs/audit.md for the fields.
 */
public record AuditEntry(
        UUID id,
        Instant at,
        String actor,
        String action,
        String outcome,
        Integer status,
        String cameraId,
        Long recordingId,
        Instant from,
        Instant to,
        String target,
        String clientAddress,
        UUID exportId,
        String sha256,
        Long bytes,
        String detail) {

    /** The actor of a request without an authenticated principal. */
    public static final String ANONYMOUS = "anonymous";
    static final int MAX_ACTOR = 200;
    static final int MAX_TARGET = 200;
    static final int MAX_ADDRESS = 100;
    static final int MAX_DETAIL = 500;

    static final int MAX_CAMERA = 63;

    /** Whatever a request put in the path fits the columns: a hostile id still makes its entry. */
    public AuditEntry {
        actor = bound(actor == null || actor.isBlank() ? ANONYMOUS : actor, MAX_ACTOR);
        cameraId = bound(cameraId, MAX_CAMERA);
        target = bound(target, MAX_TARGET);
        clientAddress = bound(clientAddress, MAX_ADDRESS);
        detail = bound(detail, MAX_DETAIL);
    }

    /**
     * A login attempt as the authentication reports it: the user name is the actor (also when the
     * attempt failed: who tried is what an investigation asks) and the target.
     */
    public static AuditEntry login(String username, boolean succeeded, String remoteAddress, Instant at) {
        return new AuditEntry(UUID.randomUUID(), at, username, AuditAction.LOGIN.code(),
                succeeded ? AuditOutcome.SUCCEEDED : AuditOutcome.DENIED, null, null, null, null, null,
                username, remoteAddress, null, null, null, null);
    }

    public AuditRecord toRecord() {
        return new AuditRecord(AuditRecord.VERSION, id.toString(), at, actor, action, outcome, status, cameraId, recordingId,
                from, to, target, clientAddress, exportId == null ? null : exportId.toString(), sha256, bytes, detail);
    }

    /** At most {@code max} characters, without NUL (PostgreSQL text cannot hold one). */
    private static String bound(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.replace('\u0000', '\uFFFD');
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
