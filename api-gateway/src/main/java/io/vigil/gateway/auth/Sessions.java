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
 * OIDC users have no user row: their session carries the grant their ID token gave.
 */
@ApplicationScoped
public class Sessions {

    private final AuthDb db;
    private final AuthConfig config;

    Sessions(AuthDb db, AuthConfig config) {
        this.db = db;
        this.config = config;
    }

    /** A new session of a local user: its token and when it ends. */
    public Started start(UUID userId) {
        return insert("insert into user_session (token_hash, created_at, expires_at, user_id) values ($1, $2, $3, $4)", userId);
    }

    /**
     * A new session of a user the gateway has no row for (an OIDC login): the grant is kept with the
     * session, as the provider gave it at login.
     */
    public Started start(Grant grant) {
        return insert("""
                insert into user_session (token_hash, created_at, expires_at, principal, role, cameras)
                values ($1, $2, $3, $4, $5, $6)""", grant.principal(), grant.role().id(), AuthDb.array(grant.cameras()));
    }

    private Started insert(String sql, Object... owner) {
        String token = SecretTokens.newSession();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(config.session().lifetime());
        Object[] parameters = new Object[3 + owner.length];
        parameters[0] = SecretTokens.sha256(token);
        parameters[1] = AuthDb.time(now);
        parameters[2] = AuthDb.time(expires);
        System.arraycopy(owner, 0, parameters, 3, owner.length);
        db.query(sql, parameters);
        return new Started(token, expires);
    }

    /** The grant of a live session: a local user's role and cameras as they are now, an OIDC user's as at login. */
    public Optional<Grant> grant(String token) {
        Row row = AuthDb.first(db.query("""
                select coalesce(u.username, s.principal) as username, coalesce(u.role, s.role) as role,
                       case when s.user_id is null then s.cameras else u.cameras end as cameras,
                       s.user_id is null as external
                from user_session s left join vigil_user u on u.id = s.user_id
                where s.token_hash = $1 and s.expires_at > now()""", SecretTokens.sha256(token)));
        return Optional.ofNullable(row).map(found -> new Grant(found.getString("username"),
                found.getBoolean("external") ? "oidc" : "session",
                Role.of(found.getString("role")).orElseThrow(), AuthDb.cameras(found)));
    }

    public void end(String token) {
        db.query("delete from user_session where token_hash = $1", SecretTokens.sha256(token));
    }

    public record Started(String token, Instant expiresAt) {
    }
}
