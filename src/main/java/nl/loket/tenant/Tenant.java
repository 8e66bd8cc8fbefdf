package nl.loket.tenant;

import java.math.BigDecimal;

/**
 * An organisation the IT provider serves (a city, a department): its members request environments, its owner
 * approves what goes over budget, its privacy owner approves production-like data outside production.
 */
public record Tenant(String code, String name, String owner, String privacyOwner, BigDecimal yearlyBudgetCredits) {
}
