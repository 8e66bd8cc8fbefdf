package nl.loket.environment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The environment table. Callers check who may see what. */
@Repository
class EnvironmentRepository {

    private static final String SELECT = """
            select e.*, r.request_number from environment e join service_request r on r.id = e.request_id""";

    private final JdbcClient jdbc;

    EnvironmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long requestId, EnvironmentOrder order, EnvironmentTemplate template, String owner, Instant leaseEnd,
                LeaseMilestone leaseNotice, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into environment (request_id, tenant_code, name, active_name, template_code, provider, stage,
                    size, size_factor, component_count, support, production_data, schedule_days, schedule_from,
                    schedule_until, lease_end, lease_notice, status, owner_username, created_at)
                values (:request, :tenant, :name, :name, :template, :provider, :stage, :size, :factor, :components,
                    :support, :data, :days, :from, :until, :leaseEnd, :notice, :status, :owner, :now)""")
                .param("request", requestId).param("tenant", order.tenant()).param("name", order.name())
                .param("template", template.code()).param("provider", template.provider())
                .param("stage", order.stage().name()).param("size", order.size().name())
                .param("factor", template.sizeFactors().get(order.size()))
                .param("components", template.components().size())
                .param("support", order.support()).param("data", order.productionData())
                .param("days", order.schedule().daysText()).param("from", Time.valueOf(order.schedule().from()))
                .param("until", Time.valueOf(order.schedule().until())).param("leaseEnd", utc(leaseEnd))
                .param("notice", leaseNotice == null ? null : leaseNotice.name())
                .param("status", EnvironmentStatus.REQUESTED.name()).param("owner", owner).param("now", utc(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Keeps the estimate the requester saw when ordering, for the approvers. */
    void recordEstimate(long id, Estimate estimate) {
        jdbc.sql("""
                update environment set estimate_credits_per_hour = :perHour, estimate_credits_per_month = :perMonth,
                    estimate_euros_per_month = :eurosPerMonth, estimate_lease_credits = :lease,
                    estimate_lease_euros = :leaseEuros, estimate_budget_left = :left, estimate_left_after = :after
                where id = :id""")
                .param("perHour", estimate.creditsPerHour()).param("perMonth", estimate.creditsPerMonth())
                .param("eurosPerMonth", estimate.eurosPerMonth()).param("lease", estimate.leaseCredits())
                .param("leaseEuros", estimate.leaseEuros()).param("left", estimate.budget().left())
                .param("after", estimate.leftAfter()).param("id", id)
                .update();
    }

    /** The estimate of an environment's order as its requester saw it; empty for orders from before it was kept. */
    Optional<OrderEstimate> estimateOf(long requestId) {
        return jdbc.sql("""
                select estimate_credits_per_hour, estimate_credits_per_month, estimate_euros_per_month,
                    estimate_lease_credits, estimate_lease_euros, estimate_budget_left, estimate_left_after
                from environment where request_id = ? and estimate_credits_per_hour is not null""")
                .param(requestId)
                .query((rs, row) -> new OrderEstimate(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .optional();
    }

    Optional<Environment> find(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(EnvironmentRepository::map).optional();
    }

    Optional<Environment> findByRequest(long requestId) {
        return jdbc.sql(SELECT + " where e.request_id = ?").param(requestId).query(EnvironmentRepository::map).optional();
    }

    List<Environment> ownedBy(String owner) {
        return jdbc.sql(SELECT + " where e.owner_username = ? order by e.created_at desc").param(owner)
                .query(EnvironmentRepository::map).list();
    }

    List<Environment> ofTenants(Collection<String> tenants) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where e.tenant_code in (:tenants) order by e.created_at desc")
                .param("tenants", tenants).query(EnvironmentRepository::map).list();
    }

    List<Environment> running() {
        return jdbc.sql(SELECT + " where e.status = 'RUNNING' order by e.owner_username, e.name")
                .query(EnvironmentRepository::map).list();
    }

    List<Environment> all() {
        return jdbc.sql(SELECT + " order by e.created_at desc").query(EnvironmentRepository::map).list();
    }

    boolean nameTaken(String tenant, String name) {
        return jdbc.sql("select count(*) from environment where tenant_code = ? and active_name = ?")
                .params(tenant, name).query(Integer.class).single() > 0;
    }

    void updateStatus(long id, EnvironmentStatus status) {
        jdbc.sql("update environment set status = ?, last_error = null where id = ?").params(status.name(), id).update();
    }

    void markReady(long id, String endpoint, String connectionInfo, Instant now) {
        jdbc.sql("update environment set endpoint = ?, connection_info = ?, ready_at = ?, last_error = null where id = ?")
                .params(endpoint, connectionInfo, utc(now), id).update();
    }

    void markGone(long id, EnvironmentStatus status, Instant now) {
        jdbc.sql("update environment set status = ?, active_name = null, deleted_at = ? where id = ?")
                .params(status.name(), status == EnvironmentStatus.DELETED ? utc(now) : null, id).update();
    }

    void updateLease(long id, Instant leaseEnd, LeaseMilestone notice) {
        jdbc.sql("update environment set lease_end = ?, lease_notice = ? where id = ?")
                .params(utc(leaseEnd), notice == null ? null : notice.name(), id).update();
    }

    void updateLeaseNotice(long id, LeaseMilestone notice) {
        jdbc.sql("update environment set lease_notice = ? where id = ?").params(notice.name(), id).update();
    }

    void updateSchedule(long id, Schedule schedule) {
        jdbc.sql("update environment set schedule_days = ?, schedule_from = ?, schedule_until = ? where id = ?")
                .params(schedule.daysText(), Time.valueOf(schedule.from()), Time.valueOf(schedule.until()), id)
                .update();
    }

    void updateManual(long id, EnvironmentStatus state, Instant until) {
        jdbc.sql("update environment set manual_state = ?, manual_until = ? where id = ?")
                .params(state == null ? null : state.name(), until == null ? null : utc(until), id).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Environment map(ResultSet rs, int row) throws SQLException {
        Schedule schedule = new Schedule(Schedule.parseDays(rs.getString("schedule_days")),
                rs.getTime("schedule_from").toLocalTime(), rs.getTime("schedule_until").toLocalTime(),
                Schedule.AMSTERDAM);
        String notice = rs.getString("lease_notice");
        String manual = rs.getString("manual_state");
        return new Environment(rs.getLong("id"), rs.getLong("request_id"), rs.getString("request_number"),
                rs.getString("tenant_code"), rs.getString("name"), rs.getString("template_code"),
                rs.getString("provider"), Stage.valueOf(rs.getString("stage")), Size.valueOf(rs.getString("size")),
                rs.getBigDecimal("size_factor"), rs.getInt("component_count"), rs.getBoolean("support"),
                rs.getBoolean("production_data"), schedule, instant(rs, "lease_end"),
                notice == null ? null : LeaseMilestone.valueOf(notice),
                EnvironmentStatus.valueOf(rs.getString("status")),
                manual == null ? null : EnvironmentStatus.valueOf(manual), instant(rs, "manual_until"),
                rs.getString("endpoint"), rs.getString("connection_info"), rs.getString("last_error"),
                rs.getString("owner_username"), instant(rs, "created_at"), instant(rs, "ready_at"),
                instant(rs, "deleted_at"));
    }
}
