package io.vigil.gateway.auth;

import io.vertx.mutiny.sqlclient.Row;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** API keys in {@code api_key}: made here, shown once, stored as their SHA-256, revoked by setting revoked_at. */
@ApplicationScoped
public class ApiKeys {

    private static final String COLUMNS = "id, name, role, cameras, prefix, created_at, created_by, revoked_at";
    private static final int PREFIX_LENGTH = 12;

    private final AuthDb db;

    ApiKeys(AuthDb db) {
        this.db = db;
    }

    /** The new key's row and, only here, the key itself. */
    public ApiKeyView create(ApiKeyRequest request, String createdBy) {
        if (request == null) {
            throw ProblemException.invalid(null, "the request body must be a key");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            throw ProblemException.invalid("name", "name must be 1 to 64 characters");
        }
        Role role = Scopes.role(request.role(), true);
        Set<String> cameras = Scopes.cameras(request.cameras(), role);
        String key = SecretTokens.newKey();
        Row row = AuthDb.first(db.query("""
                insert into api_key (id, name, key_hash, prefix, role, cameras, created_at, created_by)
                values ($1, $2, $3, $4, $5, $6::text[], $7, $8) returning""" + " " + COLUMNS,
                UUID.randomUUID(), name, SecretTokens.sha256(key), key.substring(0, PREFIX_LENGTH), role.id(),
                AuthDb.array(cameras), AuthDb.time(Instant.now().truncatedTo(ChronoUnit.MICROS)), createdBy));
        return view(row).withKey(key);
    }

    public List<ApiKeyView> list() {
        List<ApiKeyView> keys = new ArrayList<>();
        db.query("select " + COLUMNS + " from api_key order by created_at, id").forEach(row -> keys.add(view(row)));
        return keys;
    }

    /** Revokes at once for every replica (each request looks its key up); revoking twice is fine. */
    public void revoke(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no key " + id);
        }
        if (db.query("update api_key set revoked_at = coalesce(revoked_at, $2) where id = $1", uuid,
                AuthDb.time(Instant.now().truncatedTo(ChronoUnit.MICROS))).rowCount() == 0) {
            throw ProblemException.notFound("no key " + id);
        }
    }

    /** The grant of a key that exists and is not revoked. */
    public Optional<Grant> grant(String key) {
        Row row = AuthDb.first(db.query("select name, role, cameras from api_key where key_hash = $1 and revoked_at is null",
                SecretTokens.sha256(key)));
        return Optional.ofNullable(row).map(found -> new Grant("key:" + found.getString("name"), "key",
                Role.of(found.getString("role")).orElseThrow(), AuthDb.cameras(found)));
    }

    private static ApiKeyView view(Row row) {
        return new ApiKeyView(row.getUUID("id"), row.getString("name"), row.getString("role"), AuthDb.cameras(row),
                row.getString("prefix"), AuthDb.instant(row, "created_at"), row.getString("created_by"),
                AuthDb.instant(row, "revoked_at"), null);
    }
}
