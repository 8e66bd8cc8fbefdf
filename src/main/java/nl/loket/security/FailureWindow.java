package nl.loket.security;

import java.time.Instant;

/**
 * The failed logins of one account or one client address in the current window: how many since
 * {@code windowStart}, and until when logins are refused once the limit was reached ({@code null}: not locked).
 */
record FailureWindow(int failures, Instant windowStart, Instant lockedUntil) {

    static FailureWindow none(Instant now) {
        return new FailureWindow(0, now, null);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * One more failure at {@code now}. A window that has passed, or a lock that has ended, starts afresh; a lock that
     * is running is not made longer (else an attacker could keep the owner of an account out for good).
     */
    FailureWindow afterFailure(Instant now, FailureLimit limit) {
        if (lockedAt(now)) {
            return new FailureWindow(failures + 1, windowStart, lockedUntil);
        }
        boolean over = !now.isBefore(windowStart.plus(limit.window())) || lockedUntil != null;
        FailureWindow counted = over ? new FailureWindow(1, now, null)
                : new FailureWindow(failures + 1, windowStart, null);
        return counted.failures() >= limit.maxFailures()
                ? new FailureWindow(counted.failures(), counted.windowStart(), now.plus(limit.lock()))
                : counted;
    }
}
