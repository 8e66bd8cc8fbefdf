package nl.loket.environment;

import java.time.Instant;

/** The moments of a lease, in order: two reminders, the end (the environment stops), deletion after the grace period. */
public enum LeaseMilestone {
    FIRST_REMINDER, LAST_REMINDER, EXPIRY, DELETION;

    public Instant at(Instant leaseEnd, EnvironmentProperties settings) {
        return switch (this) {
            case FIRST_REMINDER -> leaseEnd.minus(settings.firstReminder());
            case LAST_REMINDER -> leaseEnd.minus(settings.lastReminder());
            case EXPIRY -> leaseEnd;
            case DELETION -> leaseEnd.plus(settings.gracePeriod());
        };
    }

    public boolean isReminder() {
        return this == FIRST_REMINDER || this == LAST_REMINDER;
    }
}
