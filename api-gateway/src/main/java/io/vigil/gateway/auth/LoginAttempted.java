package io.vigil.gateway.auth;

import java.time.Instant;

/** Fired (CDI) for every login attempt that was checked, succeeded or not; the audit log observes it. */
public record LoginAttempted(String username, boolean succeeded, String remoteAddress, Instant at) {
}
