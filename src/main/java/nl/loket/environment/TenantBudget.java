package nl.loket.environment;

import java.math.BigDecimal;

/**
 * A tenant's credits this calendar year: the budget, what has been used (booked plus running now), what its
 * existing environments will still use until their lease ends or the year does (committed), and what is left.
 */
public record TenantBudget(String tenant, int year, BigDecimal budget, BigDecimal used, BigDecimal committed) {

    public BigDecimal left() {
        return budget.subtract(used).subtract(committed);
    }
}
