package nl.loket.environment;

import static nl.loket.environment.EnvironmentRepository.instant;
import static nl.loket.environment.EnvironmentRepository.utc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When environments ran, and the credits booked for it. A run opens when an environment starts and closes when it
 * stops or is deleted; closing books its credits, one line per calendar month (Amsterdam time) it touched. Stopped
 * hours cost nothing. A run still open counts as used but is not yet booked.
 */
@Service
public class CreditLedger {

    static final ZoneId ZONE = Schedule.AMSTERDAM;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CreditPolicy policy;

    CreditLedger(JdbcClient jdbc, Clock clock, EnvironmentProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = settings.creditPolicy();
    }

    /** A period an environment ran; {@code until} null while it runs. */
    public record Run(long id, long environmentId, Instant from, Instant until) {
        Instant untilOr(Instant now) {
            return until == null ? now : until;
        }
    }

    /** A ledger line: what an environment cost in a month. {@code provisional}: from a run still going on. */
    public record Line(YearMonth month, long environmentId, String environment, Duration running, BigDecimal credits,
                       BigDecimal euros, boolean provisional) {
    }

    @Transactional
    void openRun(long environmentId, Instant at) {
        if (openRun(environmentId).isEmpty()) {
            jdbc.sql("insert into environment_run (environment_id, started_at) values (?, ?)")
                    .params(environmentId, utc(at)).update();
        }
    }

    /** Closes the open run, if any, and books its credits. Returns the credits booked. */
    @Transactional
    BigDecimal closeRun(Environment environment, Instant at) {
        Optional<Run> open = openRun(environment.id());
        if (open.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Run run = open.get();
        Instant until = at.isBefore(run.from()) ? run.from() : at;
        jdbc.sql("update environment_run set stopped_at = ? where id = ?").params(utc(until), run.id()).update();
        BigDecimal total = BigDecimal.ZERO;
        for (MonthPart part : monthParts(run.from(), until)) {
            BigDecimal credits = credits(environment, part.running());
            total = total.add(credits);
            jdbc.sql("""
                    insert into credit_booking (tenant_code, environment_id, run_id, booking_month, running_seconds,
                        credits, booked_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(environment.tenant(), environment.id(), run.id(), part.month().atDay(1),
                            part.running().getSeconds(), credits, utc(clock.instant()))
                    .update();
        }
        return total;
    }

    public Optional<Run> openRun(long environmentId) {
        return jdbc.sql("select * from environment_run where environment_id = ? and stopped_at is null")
                .param(environmentId).query(CreditLedger::mapRun).optional();
    }

    public List<Run> runs(long environmentId) {
        return jdbc.sql("select * from environment_run where environment_id = ? order by started_at")
                .param(environmentId).query(CreditLedger::mapRun).list();
    }

    /** Credits used in a month: booked, plus the part of a run still going on. */
    public BigDecimal creditsIn(Environment environment, YearMonth month) {
        BigDecimal booked = jdbc.sql("""
                        select coalesce(sum(credits), 0) from credit_booking
                        where environment_id = ? and booking_month = ?""")
                .params(environment.id(), month.atDay(1)).query(BigDecimal.class).single();
        return booked.add(openPart(environment, month.atDay(1).atStartOfDay(ZONE).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant()));
    }

    public BigDecimal creditsThisMonth(Environment environment) {
        return creditsIn(environment, YearMonth.now(clock.withZone(ZONE)));
    }

    /** Credits a tenant's environments used in a calendar year: booked, plus runs still going on. */
    public BigDecimal usedInYear(String tenant, int year, List<Environment> environments) {
        BigDecimal booked = jdbc.sql("""
                        select coalesce(sum(credits), 0) from credit_booking
                        where tenant_code = ? and booking_month >= ? and booking_month < ?""")
                .params(tenant, java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year + 1, 1, 1))
                .query(BigDecimal.class).single();
        Instant from = java.time.LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant();
        Instant until = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant();
        BigDecimal open = environments.stream().map(e -> openPart(e, from, until)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return booked.add(open);
    }

    /** A tenant's ledger, newest month first: booked lines, plus provisional lines for runs still going on. */
    public List<Line> ledger(String tenant, List<Environment> environments) {
        List<Line> lines = new ArrayList<>(jdbc.sql("""
                        select b.booking_month, b.environment_id, e.name, sum(b.running_seconds) as seconds,
                               sum(b.credits) as credits
                        from credit_booking b join environment e on e.id = b.environment_id
                        where b.tenant_code = ?
                        group by b.booking_month, b.environment_id, e.name""")
                .param(tenant)
                .query((rs, row) -> {
                    BigDecimal credits = rs.getBigDecimal("credits");
                    return new Line(YearMonth.from(rs.getDate("booking_month").toLocalDate()),
                            rs.getLong("environment_id"), rs.getString("name"),
                            Duration.ofSeconds(rs.getLong("seconds")), credits, policy.euros(credits), false);
                }).list());
        Instant now = clock.instant();
        for (Environment environment : environments) {
            openRun(environment.id()).ifPresent(run -> monthParts(run.from(), now).forEach(part -> {
                BigDecimal credits = credits(environment, part.running());
                lines.add(new Line(part.month(), environment.id(), environment.name(), part.running(), credits,
                        policy.euros(credits), true));
            }));
        }
        lines.sort(java.util.Comparator.comparing(Line::month).reversed().thenComparing(Line::environment));
        return lines;
    }

    /** How long an environment ran within a period, counting a run still going on up to now. */
    public Duration runningWithin(long environmentId, Instant from, Instant until) {
        Instant now = clock.instant();
        Duration total = Duration.ZERO;
        for (Run run : runs(environmentId)) {
            Instant start = run.from().isAfter(from) ? run.from() : from;
            Instant end = run.untilOr(now).isBefore(until) ? run.untilOr(now) : until;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    BigDecimal credits(Environment environment, Duration running) {
        return policy.credits(running, environment.support(), environment.productionData(), environment.sizeFactor());
    }

    private BigDecimal openPart(Environment environment, Instant from, Instant until) {
        return openRun(environment.id()).map(run -> {
            Instant start = run.from().isAfter(from) ? run.from() : from;
            Instant now = clock.instant();
            Instant end = now.isBefore(until) ? now : until;
            return end.isAfter(start) ? credits(environment, Duration.between(start, end)) : BigDecimal.ZERO;
        }).orElse(BigDecimal.ZERO);
    }

    record MonthPart(YearMonth month, Duration running) {
    }

    /** A period cut at the month boundaries (Amsterdam time). */
    static List<MonthPart> monthParts(Instant from, Instant until) {
        List<MonthPart> parts = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(until)) {
            YearMonth month = YearMonth.from(start.atZone(ZONE));
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
            Instant end = monthEnd.isBefore(until) ? monthEnd : until;
            parts.add(new MonthPart(month, Duration.between(start, end)));
            start = end;
        }
        return parts;
    }

    private static Run mapRun(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), rs.getLong("environment_id"), instant(rs, "started_at"),
                instant(rs, "stopped_at"));
    }
}
