package nl.loket.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins in the database, so that every node counts the same failures. A failure is counted under the
 * row's lock ({@code select ... for update}), so concurrent failures on several nodes are each counted once and
 * exactly one of them starts a lock; H2 and PostgreSQL alike.
 */
@Repository
class LoginThrottleStore {

    /** What a row counts failures of. */
    enum Kind { ACCOUNT, ADDRESS }

    /** A failure counted: the window after it, and whether this very failure started the lock. */
    record Counted(FailureWindow window, boolean lockStarted) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LoginThrottleStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The latest end of a running lock on any of the subjects. */
    Optional<Instant> lockedUntil(Kind kind, String subject, Instant now) {
        return jdbc.sql("select locked_until from login_throttle where kind = ? and subject = ? and locked_until > ?")
                .params(kind.name(), subject, utc(now))
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    Counted countFailure(Kind kind, String subject, Instant now, FailureLimit limit) {
        try {
            return transaction.execute(status -> countUnderLock(kind, subject, now, limit));
        } catch (DuplicateKeyException firstFailureOnTwoNodesAtOnce) {
            // the other node inserted the row: count this failure on it (on PostgreSQL the failed insert ended
            // the transaction, so in a new one)
            return transaction.execute(status -> countUnderLock(kind, subject, now, limit));
        }
    }

    void forget(Kind kind, String subject) {
        jdbc.sql("delete from login_throttle where kind = ? and subject = ?").params(kind.name(), subject).update();
    }

    /**
     * Removes the rows that no longer mean anything: window passed and no lock running (the next failure would
     * start afresh anyway). Returns how many.
     */
    int forgetPast(Instant now, Duration window) {
        return jdbc.sql("delete from login_throttle where window_start <= ? and (locked_until is null or locked_until <= ?)")
                .params(utc(now.minus(window)), utc(now))
                .update();
    }

    private Counted countUnderLock(Kind kind, String subject, Instant now, FailureLimit limit) {
        Optional<FailureWindow> current = jdbc.sql("""
                        select failures, window_start, locked_until from login_throttle
                        where kind = ? and subject = ? for update""")
                .params(kind.name(), subject)
                .query((rs, i) -> new FailureWindow(rs.getInt("failures"),
                        rs.getObject("window_start", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .optional();
        FailureWindow before = current.orElse(FailureWindow.none(now));
        FailureWindow after = before.afterFailure(now, limit);
        if (current.isPresent()) {
            jdbc.sql("update login_throttle set failures = ?, window_start = ?, locked_until = ? "
                            + "where kind = ? and subject = ?")
                    .params(after.failures(), utc(after.windowStart()), utc(after.lockedUntil()), kind.name(), subject)
                    .update();
        } else {
            jdbc.sql("insert into login_throttle (kind, subject, failures, window_start, locked_until) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(kind.name(), subject, after.failures(), utc(after.windowStart()), utc(after.lockedUntil()))
                    .update();
        }
        return new Counted(after, !before.lockedAt(now) && after.lockedAt(now));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
