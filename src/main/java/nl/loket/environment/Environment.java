package nl.loket.environment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * An environment as Loket keeps it. {@code sizeFactor} and {@code componentCount} are frozen from its template
 * when it was ordered, so an admin changing the template later does not change what it costs.
 */
public record Environment(long id, long requestId, String requestNumber, String tenant, String name,
                          String template, String provider, Stage stage, Size size, BigDecimal sizeFactor,
                          int componentCount, boolean support, boolean productionData, Schedule schedule,
                          Instant leaseEnd, LeaseMilestone leaseNotice, EnvironmentStatus status,
                          EnvironmentStatus manualState, Instant manualUntil, String endpoint,
                          String connectionInfo, String lastError, String owner, Instant createdAt, Instant readyAt,
                          Instant deletedAt) {

    /** The environment's identity at its provider for its whole life. */
    public String key() {
        return "env-" + id;
    }

    /** The lease ends within the first reminder (and the environment still exists). */
    public boolean isExpiring(Instant now, Duration firstReminder) {
        return status.isLive() && status != EnvironmentStatus.REQUESTED && !leaseEnd.minus(firstReminder).isAfter(now);
    }

    /** "Start now" or "stop now" still wins over the schedule at this moment. */
    public boolean manualOverrideAt(Instant now) {
        return manualState != null && (manualUntil == null || manualUntil.isAfter(now));
    }

    public BigDecimal creditsPerHour(CreditPolicy policy) {
        return policy.perHour(support, productionData, sizeFactor);
    }
}
