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
import java.util.regex.Pattern;

/** Local users in {@code vigil_user}; blocking (worker threads: hashing is slow on purpose). */
@ApplicationScoped
public class Users {

    public static final String USERNAME_PATTERN = "[a-zA-Z0-9._@-]{1,64}";
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 1024;

    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);
    private static final String COLUMNS = "id, username, role, cameras, created_at, updated_at";
    /** Verified when the user does not exist, so that a miss takes as long as a wrong password. */
    private static final String DUMMY_HASH = PasswordHasher.hash(SecretTokens.random(16));

    private final AuthDb db;

    Users(AuthDb db) {
        this.db = db;
    }

    /** A user whose name and password match, else empty (the same time either way). */
    public Optional<StoredUser> authenticate(String username, String password) {
        Row row = username == null ? null : AuthDb.first(db.query(
                "select " + COLUMNS + ", password_hash from vigil_user where username = $1", username));
        String hash = row == null ? DUMMY_HASH : row.getString("password_hash");
        boolean matches = PasswordHasher.verify(password == null ? "" : password, hash);
        return row != null && matches ? Optional.of(new StoredUser(view(row))) : Optional.empty();
    }

    public UserView create(UserRequest request) {
        if (request == null) {
            throw ProblemException.invalid(null, "the request body must be a user");
        }
        String username = username(request.username());
        String password = password(request.password());
        Role role = Scopes.role(request.role(), false);
        Set<String> cameras = Scopes.cameras(request.cameras(), role);
        Instant now = now();
        var rows = db.query("""
                insert into vigil_user (id, username, password_hash, role, cameras, created_at, updated_at)
                values ($1, $2, $3, $4, $5::text[], $6, $6) on conflict (username) do nothing returning""" + " " + COLUMNS,
                UUID.randomUUID(), username, PasswordHasher.hash(password), role.id(), AuthDb.array(cameras), AuthDb.time(now));
        Row row = AuthDb.first(rows);
        if (row == null) {
            throw ProblemException.conflict("a user named " + username + " exists");
        }
        return view(row);
    }

    /** Creates the user unless one of that name exists; true when it was created. */
    public boolean createIfAbsent(String username, String password, Role role) {
        Instant now = now();
        return db.query("""
                insert into vigil_user (id, username, password_hash, role, cameras, created_at, updated_at)
                values ($1, $2, $3, $4, null, $5, $5) on conflict (username) do nothing""",
                UUID.randomUUID(), username, PasswordHasher.hash(password), role.id(), AuthDb.time(now)).rowCount() == 1;
    }

    public List<UserView> list() {
        List<UserView> users = new ArrayList<>();
        db.query("select " + COLUMNS + " from vigil_user order by username").forEach(row -> users.add(view(row)));
        return users;
    }

    public UserView get(String username) {
        Row row = AuthDb.first(db.query("select " + COLUMNS + " from vigil_user where username = $1", username));
        if (row == null) {
            throw notFound(username);
        }
        return view(row);
    }

    /** Changes role, cameras (given together: a new role without cameras means every camera) and password. */
    public UserView update(String username, UserRequest request) {
        if (request == null) {
            throw ProblemException.invalid(null, "the request body must be a user change");
        }
        UserView current = get(username);
        Role role = request.role() == null ? Role.of(current.role()).orElseThrow() : Scopes.role(request.role(), false);
        Set<String> cameras = request.role() == null && request.cameras() == null
                ? current.cameras() : Scopes.cameras(request.cameras(), role);
        String hash = request.password() == null ? null : PasswordHasher.hash(password(request.password()));
        if (current.role().equals(Role.ADMIN.id()) && role != Role.ADMIN) {
            refuseLastAdmin(username);
        }
        Row row = AuthDb.first(db.query("""
                update vigil_user set role = $2, cameras = $3::text[], password_hash = coalesce($4, password_hash), updated_at = $5
                where username = $1 returning""" + " " + COLUMNS,
                username, role.id(), AuthDb.array(cameras), hash, AuthDb.time(now())));
        if (row == null) {
            throw notFound(username);
        }
        return view(row);
    }

    /** Removes the user and, with them, their sessions. */
    public void delete(String username) {
        UserView current = get(username);
        if (current.role().equals(Role.ADMIN.id())) {
            refuseLastAdmin(username);
        }
        if (db.query("delete from vigil_user where username = $1", username).rowCount() == 0) {
            throw notFound(username);
        }
    }

    /** Without an admin nobody could manage users again (short of SQL). */
    private void refuseLastAdmin(String username) {
        Row others = AuthDb.first(db.query("select count(*) as n from vigil_user where role = 'admin' and username <> $1", username));
        if (others.getLong("n") == 0) {
            throw ProblemException.conflict(username + " is the last admin: make another admin first");
        }
    }

    static String username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ProblemException.invalid("username", "username must be 1 to 64 of a-z A-Z 0-9 . _ @ -");
        }
        return username;
    }

    private static String password(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ProblemException.invalid("password", "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return password;
    }

    private static ProblemException notFound(String username) {
        return ProblemException.notFound("no user " + username);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static UserView view(Row row) {
        return new UserView(row.getUUID("id"), row.getString("username"), row.getString("role"), AuthDb.cameras(row),
                AuthDb.instant(row, "created_at"), AuthDb.instant(row, "updated_at"));
    }

    /** A user found by their password. */
    public record StoredUser(UserView view) {

        public Grant grant() {
            return new Grant(view.username(), "session", Role.of(view.role()).orElseThrow(), view.cameras());
        }
    }
}
