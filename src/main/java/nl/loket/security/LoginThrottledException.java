package nl.loket.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused without looking at the password: too many failed logins for the account or from the client's
 * address. The login view reads it (Spring keeps the last failure in the session) to say how long to wait.
 */
public class LoginThrottledException extends AuthenticationException {

    private final Instant lockedUntil;

    public LoginThrottledException(Instant lockedUntil) {
        super("Too many failed logins; refused until " + lockedUntil);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Whole minutes left, rounded up, at least one. */
    public long minutesLeft(Clock clock) {
        Duration left = Duration.between(clock.instant(), lockedUntil);
        return Math.max(1, (left.toSeconds() + 59) / 60);
    }
}
