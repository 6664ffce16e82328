package io.vigil.gateway.audit;

import io.vigil.gateway.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The parameters of {@code GET /api/audit}, checked: a bad one is a 400 naming it. */
public record AuditQuery(Optional<Instant> from, Optional<Instant> to, Optional<String> actor,
                         Optional<AuditAction> action, Optional<String> camera, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final Pattern CAMERA_ID = Pattern.compile("[a-z0-9-]{1,63}");

    public static AuditQuery parse(String from, String to, String actor, String action, String camera, String limit) {
        Optional<Instant> start = instant("from", from);
        Optional<Instant> end = instant("to", to);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw ProblemException.invalid("from", "from must be before to");
        }
        Optional<String> who = present(actor);
        if (who.isPresent() && who.get().length() > AuditEntry.MAX_ACTOR) {
            throw ProblemException.invalid("actor", "actor is at most " + AuditEntry.MAX_ACTOR + " characters");
        }
        Optional<AuditAction> what = present(action).map(code -> AuditAction.ofCode(code).orElseThrow(() ->
                ProblemException.invalid("action", "action must be one of " + AuditAction.codes())));
        Optional<String> cameraId = present(camera);
        if (cameraId.isPresent() && !CAMERA_ID.matcher(cameraId.get()).matches()) {
            throw ProblemException.invalid("camera", "camera must be a camera id: 1-63 of a-z, 0-9 and -");
        }
        return new AuditQuery(start, end, who, what, cameraId, limit(limit));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Optional<Instant> instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, parameter + " must be an ISO-8601 instant, like 2026-11-22T10:00:00Z");
        }
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
