package nl.loket.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import nl.loket.security.LoginThrottleStore.Counted;
import nl.loket.security.LoginThrottleStore.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Refuses logins for a while after too many failures: per account (guessing one user's password) and per client
 * address (one machine trying many accounts). Counted in the database, so the limits hold across all nodes. A lock
 * that starts is an audit entry; a successful login forgets the account's failures, not the address's.
 */
@Service
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottle {

    static final Marker AUDIT = MarkerFactory.getMarker("AUDIT");
    /** Longest subject the table holds; longer user names are cut (they cannot be real accounts anyway). */
    private static final int MAX_SUBJECT = 255;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleStore store;
    private final LoginThrottleProperties limits;
    private final Clock clock;

    LoginThrottle(LoginThrottleStore store, LoginThrottleProperties limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /** Throws when the account or the address is locked; the password is then not even checked. */
    void checkAllowed(String account, String address) {
        Instant now = clock.instant();
        Optional<Instant> until = Stream.concat(
                        store.lockedUntil(Kind.ACCOUNT, accountKey(account), now).stream(),
                        address == null ? Stream.empty() : store.lockedUntil(Kind.ADDRESS, key(address), now).stream())
                .max(Instant::compareTo);
        if (until.isPresent()) {
            log.debug("Login of '{}' from {} refused: locked until {}", printable(account), address, until.get());
            throw new LoginThrottledException(until.get());
        }
    }

    /** Counts a failed login; throws when this failure started a lock, so the user learns it at once. */
    void failed(String account, String address) {
        Instant now = clock.instant();
        Counted forAccount = store.countFailure(Kind.ACCOUNT, accountKey(account), now, limits.perAccount());
        Counted forAddress = address == null ? null
                : store.countFailure(Kind.ADDRESS, key(address), now, limits.perAddress());
        if (forAccount.lockStarted() || (forAddress != null && forAddress.lockStarted())) {
            log.warn(AUDIT, "Login locked until {}: account '{}' {} failures, address {} {} failures (limits {} per "
                            + "account, {} per address within {})",
                    lockEnd(forAccount, forAddress), printable(account), forAccount.window().failures(), address,
                    forAddress == null ? "-" : forAddress.window().failures(), limits.maxFailuresPerAccount(),
                    limits.maxFailuresPerAddress(), limits.window());
            throw new LoginThrottledException(lockEnd(forAccount, forAddress));
        }
    }

    void succeeded(String account) {
        store.forget(Kind.ACCOUNT, accountKey(account));
    }

    private static Instant lockEnd(Counted forAccount, Counted forAddress) {
        return Stream.of(forAccount, forAddress)
                .filter(counted -> counted != null && counted.lockStarted())
                .map(counted -> counted.window().lockedUntil())
                .max(Instant::compareTo).orElseThrow();
    }

    /** A user name as typed by anyone, for the log: no line breaks or other control characters to forge lines. */
    static String printable(String account) {
        return account == null ? "" : account.replaceAll("\\p{Cntrl}", "?");
    }

    /** User names are compared as the user types them, whatever the case, so "Emma" counts for "emma". */
    private static String accountKey(String account) {
        return key(account == null ? "" : account.toLowerCase(Locale.ROOT));
    }

    private static String key(String subject) {
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }
}
