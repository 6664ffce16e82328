package io.vigil.gateway.auth;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Limits password guessing: at most {@code max-failures-per-user} failed logins of one user name (since
 * their last success) and {@code max-failures-per-address} from one client address within the window.
 * Counted in {@code login_attempt}, so the limits hold however many gateway replicas there are (a few
 * concurrent attempts may pass the limit together; the next are refused). Refused attempts are not
 * counted and their password is not checked.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AuthDb db;
    private final AuthConfig.Login config;

    LoginThrottle(AuthDb db, AuthConfig config) {
        this.db = db;
        this.config = config.login();
    }

    /** Empty when the attempt may be checked; else how long to wait. */
    public Optional<Duration> refusal(String username, String address, Instant now) {
        Instant since = now.minus(config.window());
        Optional<Duration> user = wait(db.query("""
                select at from login_attempt where username = $1 and not succeeded and at > $2
                and at > coalesce((select max(at) from login_attempt where username = $1 and succeeded), '-infinity')
                order by at desc offset $3 limit 1""", username, AuthDb.time(since), config.maxFailuresPerUser() - 1), now);
        if (user.isPresent()) {
            return user;
        }
        return wait(db.query("""
                select at from login_attempt where remote_address = $1 and not succeeded and at > $2
                order by at desc offset $3 limit 1""", address, AuthDb.time(since), config.maxFailuresPerAddress() - 1), now);
    }

    public void record(String username, String address, boolean succeeded, Instant at) {
        db.query("insert into login_attempt (username, remote_address, succeeded, at) values ($1, $2, $3, $4)",
                username, address, succeeded, AuthDb.time(at));
    }

    /** The limit-th newest failure leaves the window first: then one more attempt is allowed. */
    private Optional<Duration> wait(io.vertx.mutiny.sqlclient.RowSet<Row> rows, Instant now) {
        Row row = AuthDb.first(rows);
        if (row == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, AuthDb.instant(row, "at").plus(config.window()));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** Attempts older than the window count for nothing; expired sessions open nothing. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        db.query("delete from login_attempt where at < $1", AuthDb.time(now.minus(config.window()).minus(Duration.ofMinutes(1))));
        db.query("delete from user_session where expires_at < $1", AuthDb.time(now));
    }
}
