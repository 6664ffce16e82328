package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * One audit entry of the gateway, value of {@link Topics#AUDIT}, key {@link #id}: the copy of a row
 * of the catalog's {@code audit_entry} (docs/audit.md). The outbox that publishes it may send an
 * entry more than once (a publish acknowledged but not yet marked when the gateway stopped): a
 * reader keeps one record per id.
 *
 * @param id            the entry's id (a UUID), also the record key
 * @param at            when the request was answered
 * @param actor         the principal's name; {@code anonymous} without authentication
 * @param action        what was done, e.g. {@code footage.export}, {@code camera.delete}, {@code login}
 * @param outcome       {@code succeeded}, {@code denied} (401, 403) or {@code failed}
 * @param status        the HTTP status answered; null for an entry not made by a request
 * @param cameraId      the camera concerned, when there is one
 * @param recordingId   the recording concerned, when there is one
 * @param from          the start of the span asked for (playlist, export)
 * @param to            the end of that span
 * @param target        another object concerned: an import id, a login's user name
 * @param clientAddress where the request came from (the forwarded address only behind a trusted proxy)
 * @param exportId      an export's id ({@code GET /api/exports/{id}/manifest})
 * @param sha256        the SHA-256 of the bytes an export sent, lowercase hex
 * @param bytes         how many bytes that export sent
 * @param detail        a short reason, e.g. why a request failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditRecord(
        int v,
        String id,
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
        String exportId,
        String sha256,
        Long bytes,
        String detail) {

    public static final int VERSION = 1;
}
