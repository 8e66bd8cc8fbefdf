package nl.loket.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The credit model: an environment costs {@code basePerHour} credits per running hour, plus {@code supportPerHour}
 * with support and {@code productionDataPerHour} with production-like data, times its size factor; a credit is
 * {@code euroPerCredit} euros. Stopped hours cost nothing. Defaults as the organisation it is modelled on used them.
 */
public record CreditPolicy(BigDecimal euroPerCredit, BigDecimal basePerHour, BigDecimal supportPerHour,
                           BigDecimal productionDataPerHour) {

    public static CreditPolicy standard() {
        return new CreditPolicy(new BigDecimal("3"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
    }

    /** Credits per running hour for these options and size. */
    public BigDecimal perHour(boolean support, boolean productionData, BigDecimal sizeFactor) {
        BigDecimal rate = basePerHour;
        if (support) {
            rate = rate.add(supportPerHour);
        }
        if (productionData) {
            rate = rate.add(productionDataPerHour);
        }
        return rate.multiply(sizeFactor);
    }

    /** Credits for a running time, to two decimals (partial hours count pro rata). */
    public BigDecimal credits(Duration running, boolean support, boolean productionData, BigDecimal sizeFactor) {
        BigDecimal hours = BigDecimal.valueOf(running.getSeconds()).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
        return hours.multiply(perHour(support, productionData, sizeFactor)).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal euros(BigDecimal credits) {
        return credits.multiply(euroPerCredit).setScale(2, RoundingMode.HALF_UP);
    }
}
