package nl.loket.environment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data only: a few months of past environments per tenant (made, run on their schedules, deleted at the end
 * of their lease), so that a fresh demo's ledger and sustainability figures have something to show. Written
 * through the same ledger as real runs; added only when there are no environments at all.
 */
@Service
public class DemoEnvironmentHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoEnvironmentHistory.class);

    /** Per tenant: name, template, schedule, weeks ago it was made, weeks it lived. */
    private record Past(String name, String template, Schedule schedule, int weeksAgo, int weeks) {
    }

    private static final List<Past> PAST = List.of(
            new Past("intake-test", "web-application", Schedule.officeHours(), 14, 6),
            new Past("gis-sandbox", "database-sandbox", Schedule.officeHours(), 12, 4),
            new Past("analysis-q3", "data-workspace", Schedule.officeHours(), 10, 5),
            new Past("legacy-acc", "web-application", Schedule.alwaysOn(), 9, 4));

    private final JdbcClient jdbc;
    private final TenantService tenants;
    private final TemplateCatalog templates;
    private final EnvironmentRepository environments;
    private final CreditLedger ledger;
    private final RequestService requests;
    private final Clock clock;

    DemoEnvironmentHistory(JdbcClient jdbc, TenantService tenants, TemplateCatalog templates,
                           EnvironmentRepository environments, CreditLedger ledger, RequestService requests,
                           Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.templates = templates;
        this.environments = environments;
        this.ledger = ledger;
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional
    public void addIfNoEnvironments() {
        if (jdbc.sql("select count(*) from environment").query(Integer.class).single() > 0) {
            return;
        }
        int made = 0;
        List<Tenant> all = tenants.all();
        for (int index = 0; index < all.size(); index++) {
            Tenant tenant = all.get(index);
            List<String> members = tenants.members(tenant.code());
            String owner = members.isEmpty() ? tenant.owner() : members.get(0);
            // each tenant a little different: its own number of environments, lifetimes and habits
            for (int p = 0; p < PAST.size() - index % 2; p++) {
                Past past = varied(PAST.get(p), index);
                EnvironmentTemplate template = templates.find(past.template()).orElse(null);
                if (template == null) {
                    continue;
                }
                add(tenant, owner, template, past);
                made++;
            }
        }
        log.info("Demo data: {} past environments with their runs and bookings", made);
    }

    private static Past varied(Past past, int tenantIndex) {
        Schedule schedule = tenantIndex == 2 && !past.schedule().isAlwaysOn()
                ? new Schedule(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY),
                        java.time.LocalTime.of(8, 0), java.time.LocalTime.of(17, 0), Schedule.AMSTERDAM)
                : past.schedule();
        return new Past(past.name(), past.template(), schedule, past.weeksAgo() + tenantIndex,
                past.weeks() + tenantIndex % 3);
    }

    private void add(Tenant tenant, String owner, EnvironmentTemplate template, Past past) {
        Instant now = clock.instant();
        ZonedDateTime made = now.atZone(Schedule.AMSTERDAM).minusWeeks(past.weeksAgo()).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        Instant ready = made.plusMinutes(1).toInstant();
        Instant end = made.plusWeeks(past.weeks()).toLocalDate().atStartOfDay(Schedule.AMSTERDAM).toInstant();
        Stage stage = template.stages().stream().sorted().findFirst().orElse(Stage.TEST);
        Size size = java.util.Arrays.stream(Size.values()).filter(template::offers).findFirst().orElseThrow();
        EnvironmentOrder order = new EnvironmentOrder(tenant.code(), template.code(), past.name(), stage, size,
                false, false, past.schedule(), end.atZone(Schedule.AMSTERDAM).toLocalDate().minusDays(1));
        Request request = requests.create(EnvironmentProcess.KEY, owner, past.name() + " (" + tenant.name() + ")");
        requests.changeStatus(request.id(), RequestStatus.FULFILLED, null);
        long id = environments.insert(request.id(), order, template, owner, end, LeaseMilestone.DELETION,
                made.toInstant());
        environments.markReady(id, "https://" + tenant.code() + "-" + past.name() + ".env.loket.example",
                "Host: " + tenant.code() + "-" + past.name() + ".env.loket.example", ready);
        Environment environment = environments.find(id).orElseThrow();
        if (past.schedule().isAlwaysOn()) {
            ledger.openRun(id, ready);
            ledger.closeRun(environment, end);
        } else {
            runOnSchedule(environment, past.schedule(), ready, end);
        }
        environments.markGone(id, EnvironmentStatus.DELETED, end);
    }

    private void runOnSchedule(Environment environment, Schedule schedule, Instant ready, Instant end) {
        LocalDate last = end.atZone(Schedule.AMSTERDAM).toLocalDate();
        for (LocalDate day = ready.atZone(Schedule.AMSTERDAM).toLocalDate(); day.isBefore(last); day = day.plusDays(1)) {
            if (!schedule.days().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant from = later(schedule.windowStart(day).toInstant(), ready);
            Instant until = earlier(schedule.windowEnd(day).toInstant(), end);
            if (until.isAfter(from)) {
                ledger.openRun(environment.id(), from);
                ledger.closeRun(environment, until);
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
