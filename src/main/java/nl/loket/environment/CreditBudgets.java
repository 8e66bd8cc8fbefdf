package nl.loket.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.workflow.DecisionEvaluator;
import nl.loket.workflow.ProcessVariables;
import org.springframework.stereotype.Service;

/**
 * Budgets and estimates. A tenant's budget is per calendar year; what an environment will cost follows its
 * schedule (stopped hours are free), so the estimate and the bookings agree.
 */
@Service
public class CreditBudgets {

    /** A week without a clock change, to tell how many hours a schedule runs in an ordinary week. */
    private static final LocalDate REFERENCE_MONDAY = LocalDate.of(2025, 1, 6);
    private static final BigDecimal WEEKS_PER_MONTH = new BigDecimal("52").divide(new BigDecimal("12"), 6,
            RoundingMode.HALF_UP);

    private final TenantService tenants;
    private final EnvironmentRepository environments;
    private final CreditLedger ledger;
    private final DecisionEvaluator decisions;
    private final Clock clock;
    private final CreditPolicy policy;

    CreditBudgets(TenantService tenants, EnvironmentRepository environments, CreditLedger ledger,
                  DecisionEvaluator decisions, Clock clock, EnvironmentProperties settings) {
        this.tenants = tenants;
        this.environments = environments;
        this.ledger = ledger;
        this.decisions = decisions;
        this.clock = clock;
        this.policy = settings.creditPolicy();
    }

    public CreditPolicy policy() {
        return policy;
    }

    /** This year's budget of a tenant: used (booked and running) and committed by its existing environments. */
    public TenantBudget budget(String tenantCode) {
        Tenant tenant = tenants.find(tenantCode)
                .orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantCode));
        Instant now = clock.instant();
        int year = Year.from(now.atZone(CreditLedger.ZONE)).getValue();
        Instant yearEnd = LocalDate.of(year + 1, 1, 1).atStartOfDay(CreditLedger.ZONE).toInstant();
        List<Environment> all = environments.ofTenants(List.of(tenantCode));
        BigDecimal used = ledger.usedInYear(tenantCode, year, all);
        BigDecimal committed = all.stream().filter(CreditBudgets::willRun)
                .map(e -> e.creditsPerHour(policy).multiply(hours(RunningHours.between(e.schedule(), now,
                        earlier(e.leaseEnd(), yearEnd)))))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        return new TenantBudget(tenantCode, year, tenant.yearlyBudgetCredits(), used, committed);
    }

    /** What an order will cost and who must approve it; the order must have a template and size the template offers. */
    public Estimate estimate(EnvironmentOrder order, EnvironmentTemplate template) {
        Instant now = clock.instant();
        BigDecimal perHour = policy.perHour(order.support(), order.productionData(),
                template.sizeFactors().get(order.size()));
        Duration week = RunningHours.between(order.schedule(), REFERENCE_MONDAY.atStartOfDay(Schedule.AMSTERDAM).toInstant(),
                REFERENCE_MONDAY.plusDays(7).atStartOfDay(Schedule.AMSTERDAM).toInstant());
        BigDecimal hoursPerWeek = hours(week);
        BigDecimal perMonth = hoursPerWeek.multiply(WEEKS_PER_MONTH).multiply(perHour).setScale(2, RoundingMode.HALF_UP);
        Instant leaseEnd = leaseEndOf(order.leaseEnd());
        BigDecimal lease = perHour.multiply(hours(RunningHours.between(order.schedule(), now, leaseEnd)))
                .setScale(2, RoundingMode.HALF_UP);
        int year = Year.from(now.atZone(CreditLedger.ZONE)).getValue();
        Instant yearEnd = LocalDate.of(year + 1, 1, 1).atStartOfDay(CreditLedger.ZONE).toInstant();
        BigDecimal thisYear = perHour.multiply(hours(RunningHours.between(order.schedule(), now,
                earlier(leaseEnd, yearEnd)))).setScale(2, RoundingMode.HALF_UP);
        TenantBudget budget = budget(order.tenant());
        BigDecimal overrun = thisYear.subtract(budget.left());
        boolean over = overrun.signum() > 0;
        double overrunPercent = over && budget.budget().signum() > 0
                ? overrun.multiply(new BigDecimal("100")).divide(budget.budget(), 2, RoundingMode.HALF_UP).doubleValue()
                : over ? 100.0 : 0.0;
        List<String> approvals = approvals(order.stage(), order.productionData(), over, overrunPercent);
        return new Estimate(perHour, hoursPerWeek.setScale(1, RoundingMode.HALF_UP), perMonth, policy.euros(perMonth),
                lease, policy.euros(lease), thisYear, budget, over, overrunPercent, approvals);
    }

    /** Asks the deployed decision, so the configure page tells the truth the process will act on. */
    public List<String> approvals(Stage stage, boolean productionData, boolean overBudget, double overrunPercent) {
        return decisions.evaluateCollect(EnvironmentProcess.APPROVAL_DECISION, ProcessVariables.create()
                        .with(EnvironmentProcess.STAGE, stage.code())
                        .with(EnvironmentProcess.PRODUCTION_DATA, productionData)
                        .with(EnvironmentProcess.OVER_BUDGET, overBudget)
                        .with(EnvironmentProcess.OVERRUN_PERCENT, overrunPercent)
                        .asMap(), "approval")
                .stream().map(String::valueOf).toList();
    }

    /** A lease ends at the end of its last day, Amsterdam time. */
    public static Instant leaseEndOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(Schedule.AMSTERDAM).toInstant();
    }

    private static boolean willRun(Environment environment) {
        return switch (environment.status()) {
            case REQUESTED, PROVISIONING, RUNNING, STOPPED, FAILED -> true;
            default -> false;
        };
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
    }
}
