package nl.loket.environment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import org.springframework.stereotype.Service;

/**
 * The sustainability figures: each environment's running hours (from its runs) against being always on from the
 * moment it was ready until it was deleted (or now). Energy per environment-hour = watts per component x
 * components x size factor; CO2e = kWh x the grid factor.
 */
@Service
public class SustainabilityService {

    private final EnvironmentRepository environments;
    private final CreditLedger ledger;
    private final TenantService tenants;
    private final EnvironmentProperties settings;
    private final Clock clock;

    SustainabilityService(EnvironmentRepository environments, CreditLedger ledger, TenantService tenants,
                          EnvironmentProperties settings, Clock clock) {
        this.environments = environments;
        this.ledger = ledger;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
    }

    public Footprint overall() {
        return footprint(null, environments.all());
    }

    public Footprint of(String tenant) {
        return footprint(tenant, environments.ofTenants(List.of(tenant)));
    }

    public List<Footprint> perTenant() {
        return tenants.all().stream().map(Tenant::code).map(this::of).toList();
    }

    public EnvironmentProperties factors() {
        return settings;
    }

    private Footprint footprint(String tenant, List<Environment> all) {
        Instant now = clock.instant();
        CreditPolicy policy = settings.creditPolicy();
        Duration ran = Duration.ZERO;
        Duration alwaysOn = Duration.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal baseline = BigDecimal.ZERO;
        BigDecimal kwh = BigDecimal.ZERO;
        List<Instant[]> runs = new ArrayList<>();
        List<Instant[]> lives = new ArrayList<>();
        int counted = 0;
        for (Environment environment : all) {
            if (environment.readyAt() == null) {
                continue;
            }
            counted++;
            Instant end = environment.deletedAt() != null ? environment.deletedAt() : now;
            Duration life = Duration.between(environment.readyAt(), end);
            Duration running = ledger.runningWithin(environment.id(), environment.readyAt(), end);
            ran = ran.plus(running);
            alwaysOn = alwaysOn.plus(life);
            used = used.add(ledger.credits(environment, running));
            baseline = baseline.add(ledger.credits(environment, life));
            BigDecimal kw = settings.wattsPerComponent().multiply(BigDecimal.valueOf(environment.componentCount()))
                    .multiply(environment.sizeFactor()).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
            kwh = kwh.add(kw.multiply(CreditBudgets.hours(life.minus(running))));
            ledger.runs(environment.id()).forEach(run -> runs.add(new Instant[] {run.from(), run.untilOr(now)}));
            lives.add(new Instant[] {environment.readyAt(), end});
        }
        BigDecimal saved = baseline.subtract(used);
        int runningNow = (int) all.stream().filter(e -> e.status() == EnvironmentStatus.RUNNING).count();
        int existingNow = (int) all.stream().filter(e -> e.status().isProvisioned()).count();
        return new Footprint(tenant, counted, ran, alwaysOn, used.setScale(2, RoundingMode.HALF_UP),
                baseline.setScale(2, RoundingMode.HALF_UP), policy.euros(saved), kwh.setScale(1, RoundingMode.HALF_UP),
                kwh.multiply(settings.kgCo2ePerKwh()).setScale(1, RoundingMode.HALF_UP), runningNow,
                Math.max(runningNow, peak(runs)), existingNow, Math.max(existingNow, peak(lives)));
    }

    /** The most periods open at once (an end and a start at the same moment do not overlap). */
    static int peak(List<Instant[]> periods) {
        TreeMap<Instant, Integer> changes = new TreeMap<>();
        for (Instant[] period : periods) {
            if (period[1].isAfter(period[0])) {
                changes.merge(period[0], 1, Integer::sum);
                changes.merge(period[1], -1, Integer::sum);
            }
        }
        int open = 0;
        int peak = 0;
        for (Map.Entry<Instant, Integer> change : changes.entrySet()) {
            open += change.getValue();
            peak = Math.max(peak, open);
        }
        return peak;
    }
}
