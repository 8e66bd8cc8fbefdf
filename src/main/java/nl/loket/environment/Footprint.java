package nl.loket.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * What running on demand saved, for a tenant or overall (tenant null): environment-hours actually run against the
 * same environments always on since they were ready, the credits and euros that saves, and the energy and CO2e
 * avoided (factors in {@link EnvironmentProperties}, sources in docs/wegwijzer.md); environments running now
 * against the most that ever ran at once.
 */
public record Footprint(String tenant, int environments, Duration ran, Duration alwaysOn, BigDecimal creditsUsed,
                        BigDecimal creditsAlwaysOn, BigDecimal eurosSaved, BigDecimal kwhAvoided,
                        BigDecimal kgCo2eAvoided, int runningNow, int peakRunning, int existingNow, int peakExisting) {

    public Duration avoided() {
        return alwaysOn.minus(ran);
    }

    public BigDecimal creditsSaved() {
        return creditsAlwaysOn.subtract(creditsUsed);
    }

    /** The share of always-on hours not run, in percent (0 when nothing ran yet). */
    public BigDecimal percentAvoided() {
        if (alwaysOn.isZero()) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(avoided().getSeconds()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(alwaysOn.getSeconds()), 1, RoundingMode.HALF_UP);
    }
}
