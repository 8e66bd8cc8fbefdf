package nl.loket.environment;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an order will cost, shown before it is submitted: per running hour, per average month on its schedule, and
 * for the whole lease; what it takes from this year's budget; and who must approve it (from the deployed decision).
 */
public record Estimate(BigDecimal creditsPerHour, BigDecimal hoursPerWeek, BigDecimal creditsPerMonth,
                       BigDecimal eurosPerMonth, BigDecimal leaseCredits, BigDecimal leaseEuros,
                       BigDecimal creditsThisYear, TenantBudget budget, boolean overBudget, double overrunPercent,
                       List<String> approvals) {

    public BigDecimal leftAfter() {
        return budget.left().subtract(creditsThisYear);
    }

    public boolean refused() {
        return approvals.contains(EnvironmentProcess.REFUSE);
    }
}
