package io.vigil.gateway.auth;

import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Login sessions: an opaque token for the client, its SHA-256 in {@code user_session}. Any replica
 * serves any session; a logout, a deleted user or a changed role applies to the next request everywhere.
 */
@ApplicationScoped
public class Sessions {

    private final AuthDb db;
    private final AuthConfig config;

    Sessions(AuthDb db, AuthConfig config) {
        this.db = db;
        this.config = config;
    }

    /** A new session's token and when it ends. */
    public Started start(UUID userId) {
        String token = SecretTokens.newSession();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(config.session().lifetime());
        db.query("insert into user_session (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)",
                SecretTokens.sha256(token), userId, AuthDb.time(now), AuthDb.time(expires));
        return new Started(token, expires);
    }

    /** The grant of a live session: the user's role and cameras as they are now. */
    public Optional<Grant> grant(String token) {
        Row row = AuthDb.first(db.query("""
                select u.username, u.role, u.cameras from user_session s join vigil_user u on u.id = s.user_id
                where s.token_hash = $1 and s.expires_at > now()""", SecretTokens.sha256(token)));
        return Optional.ofNullable(row).map(found -> new Grant(found.getString("username"), "session",
                Role.of(found.getString("role")).orElseThrow(), AuthDb.cameras(found)));
    }

    public void end(String token) {
        db.query("delete from user_session where token_hash = $1", SecretTokens.sha256(token));
    }

    public record Started(String token, Instant expiresAt) {
    }
}
