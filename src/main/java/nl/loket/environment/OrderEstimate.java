package nl.loket.environment;

import java.math.BigDecimal;

/** The estimate as the requester saw it when ordering: costs, and the tenant's budget before and after. */
record OrderEstimate(BigDecimal creditsPerHour, BigDecimal creditsPerMonth, BigDecimal eurosPerMonth,
                     BigDecimal leaseCredits, BigDecimal leaseEuros, BigDecimal budgetLeft, BigDecimal leftAfter) {
}
