package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import nl.loket.environment.provider.SimulatedCloudFailures;
import nl.loket.environment.provider.SimulatedCloudProvider;
import nl.loket.notification.NotificationService;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wegwijzer end to end on the real engine and the simulated cloud: the engine clock (Loket's clock too) is moved
 * and due jobs are run, so schedules, leases and provider delays happen as they would, without sleeping. Run on H2
 * ({@link EnvironmentLifecycleIT}) and on a real PostgreSQL server ({@link EnvironmentLifecyclePostgresIT}).
 */
abstract class EnvironmentLifecycleContract {

    @Autowired EnvironmentService environments;
    @Autowired RequestService requests;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired SimulatedCloudProvider cloud;
    @Autowired JdbcClient jdbc;
    @Autowired CreditLedger ledger;
    @Autowired CreditBudgets budgets;
    @Autowired SustainabilityService sustainability;

    @AfterEach
    void reset() {
        EngineTime.reset();
        processes.endAll(EnvironmentProcess.KEY);
        processes.endAll(LeaseExtensionProcess.KEY);
        SimulatedCloudFailures.failNone(cloud);
        TestUsers.logout();
    }

    @Test
    void an_office_hours_environment_runs_by_day_stops_at_night_books_its_hours_and_keeps_time_across_the_clock_change() {
        // Thursday 22 October 2026; the clocks go back on Sunday the 25th
        EngineTime.set(LocalDateTime.of(2026, 10, 22, 10, 0));
        users.loginAs("emma");
        Request request = environments.order(order("utrecht", name("office"), LocalDate.of(2026, 11, 5)));
        String instance = request.processInstanceId();
        processes.executeJobsOf(instance);
        Environment environment = environmentOf(request);
        assertThat(environment.status()).as("the simulated cloud takes 20 s").isEqualTo(EnvironmentStatus.PROVISIONING);

        EngineTime.set(LocalDateTime.of(2026, 10, 22, 10, 0, 40));
        processes.executeJobsOf(instance);
        environment = environmentOf(request);
        assertThat(environment.status()).isEqualTo(EnvironmentStatus.RUNNING);
        assertThat(environment.endpoint()).contains(environment.name());
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(cloud.state(environment.key())).contains("RUNNING");
        assertThat(timer(instance, EnvironmentProcess.SCHEDULE_CHANGE).getDuedate().toInstant())
                .as("19:00 summer time").isEqualTo(Instant.parse("2026-10-22T17:00:00Z"));

        EngineTime.set(LocalDateTime.of(2026, 10, 22, 19, 0));
        processes.executeJobsOf(instance);
        environment = environmentOf(request);
        assertThat(environment.status()).isEqualTo(EnvironmentStatus.STOPPED);
        assertThat(cloud.state(environment.key())).contains("STOPPED");
        // ready when asked at 10:00:40, stopped at 19:00: 8 h 59 min 20 s at 0.5 credit an hour = 4.494
        assertThat(booked(environment)).isEqualByComparingTo("4.49");

        EngineTime.set(LocalDateTime.of(2026, 10, 23, 7, 0));   // Friday morning
        processes.executeJobsOf(instance);
        assertThat(environmentOf(request).status()).isEqualTo(EnvironmentStatus.RUNNING);
        EngineTime.set(LocalDateTime.of(2026, 10, 23, 19, 0));   // Friday evening
        processes.executeJobsOf(instance);
        assertThat(timer(instance, EnvironmentProcess.SCHEDULE_CHANGE).getDuedate().toInstant())
                .as("Monday 07:00 is 06:00 UTC in winter time").isEqualTo(Instant.parse("2026-10-26T06:00:00Z"));
        assertThat(booked(environment)).as("a full Friday of 12 hours more").isEqualByComparingTo("10.49");
        Environment booked = environmentOf(request);
        assertThat(ledger.ledger("utrecht", List.of(booked))).filteredOn(line -> line.environmentId() == booked.id())
                .singleElement().satisfies(line -> {
                    assertThat(line.month()).isEqualTo(java.time.YearMonth.of(2026, 10));
                    assertThat(line.credits()).isEqualByComparingTo("10.49");
                    assertThat(line.euros()).isEqualByComparingTo("31.47");
                    assertThat(line.provisional()).isFalse();
                });
        assertThat(budgets.budget("utrecht").used()).isGreaterThanOrEqualTo(new BigDecimal("10.49"));
        assertThat(sustainability.of("utrecht").ran()).isPositive();
        // the daily starts and stops are routine: kept off the request's timeline (loket:timeline = hidden)
        assertThat(requests.myRequest(request.number()).orElseThrow().timeline())
                .extracting(nl.loket.workflow.TimelineEntry::activityId)
                .contains(EnvironmentProcess.PROVISION).doesNotContain(EnvironmentProcess.APPLY_SCHEDULE,
                        EnvironmentProcess.CHECK_PROVISIONING);

        EngineTime.set(Instant.parse("2026-10-26T06:00:00Z"));
        processes.executeJobsOf(instance);
        assertThat(environmentOf(request).status()).isEqualTo(EnvironmentStatus.RUNNING);
        assertThat(environments.find(environment.id()).orElseThrow().environment().status())
                .isEqualTo(EnvironmentStatus.RUNNING);
    }

    @Test
    void the_lease_reminds_expires_stops_and_deletes_unless_extended_in_one_click() {
        EngineTime.set(LocalDateTime.of(2026, 11, 2, 9, 0));   // Monday
        users.loginAs("emma");
        Request request = environments.order(order("utrecht", name("lease"), LocalDate.of(2026, 11, 20)));
        String instance = request.processInstanceId();
        provision(instance);
        Environment environment = environmentOf(request);
        assertThat(timer(instance, EnvironmentProcess.LEASE_MILESTONE).getDuedate().toInstant())
                .as("first reminder 7 days before the end of 20 November")
                .isEqualTo(LocalDateTime.of(2026, 11, 14, 0, 0).atZone(Schedule.AMSTERDAM).toInstant());

        EngineTime.set(LocalDateTime.of(2026, 11, 14, 0, 1));
        processes.executeJobsOf(instance);
        assertThat(notificationsOf(request, NotificationService.LEASE_REMINDER)).hasSize(1);

        // one click: the development stage's default of 30 days more, from the current end
        LocalDate extended = environments.oneClickLeaseEnd(environment);
        assertThat(extended).isEqualTo(LocalDate.of(2026, 12, 20));
        environments.extend(environment.id(), extended);
        assertThat(timer(instance, EnvironmentProcess.LEASE_MILESTONE).getDuedate().toInstant())
                .as("the reminders start again for the new end")
                .isEqualTo(LocalDateTime.of(2026, 12, 14, 0, 0).atZone(Schedule.AMSTERDAM).toInstant());

        EngineTime.set(LocalDateTime.of(2026, 12, 21, 0, 1));
        processes.executeJobsOf(instance);
        assertThat(notificationsOf(request, NotificationService.LEASE_REMINDER)).as("7 days and 1 day before").hasSize(3);
        assertThat(environmentOf(request).status()).isEqualTo(EnvironmentStatus.EXPIRED);
        assertThat(cloud.state(environment.key())).contains("STOPPED");
        assertThat(notificationsOf(request, NotificationService.LEASE_EXPIRED)).hasSize(1);

        EngineTime.set(LocalDateTime.of(2026, 12, 24, 0, 1));   // three days' grace
        processes.executeJobsOf(instance);
        Environment deleted = environmentOf(request);
        assertThat(deleted.status()).isEqualTo(EnvironmentStatus.DELETED);
        assertThat(deleted.deletedAt()).isNotNull();
        assertThat(cloud.state(environment.key())).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(environments.mine()).as("deleted environments stay in history")
                .anyMatch(view -> view.environment().id() == environment.id());
        assertThat(notificationsOf(request, NotificationService.ENVIRONMENT_DELETED)).hasSize(1);
    }

    @Test
    void an_expired_environment_comes_back_when_extended_in_its_grace_period() {
        EngineTime.set(LocalDateTime.of(2026, 11, 2, 9, 0));
        users.loginAs("emma");
        Request request = environments.order(order("utrecht", name("grace"), LocalDate.of(2026, 11, 3)));
        provision(request.processInstanceId());
        EngineTime.set(LocalDateTime.of(2026, 11, 4, 10, 0));
        processes.executeJobsOf(request.processInstanceId());
        Environment expired = environmentOf(request);
        assertThat(expired.status()).isEqualTo(EnvironmentStatus.EXPIRED);
        assertThat(notificationsOf(request, NotificationService.LEASE_REMINDER))
                .as("no reminders whose moment had passed when the lease was set: only the last, 1 day before")
                .hasSize(1);

        environments.extend(expired.id(), LocalDate.of(2026, 11, 30));
        processes.executeJobsOf(request.processInstanceId());
        assertThat(environmentOf(request).status()).as("Wednesday 10:00 is within office hours")
                .isEqualTo(EnvironmentStatus.RUNNING);
        assertThat(cloud.state(expired.key())).contains("RUNNING");
    }

    @Test
    void the_owner_deletes_now_and_stops_and_starts_outside_the_schedule() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));   // Tuesday
        users.loginAs("emma");
        Request request = environments.order(order("utrecht", name("manual"), LocalDate.of(2026, 11, 30)));
        provision(request.processInstanceId());
        Environment environment = environmentOf(request);

        environments.stopNow(environment.id());
        assertThat(environmentOf(request).status()).isEqualTo(EnvironmentStatus.STOPPED);
        assertThat(timer(request.processInstanceId(), EnvironmentProcess.SCHEDULE_CHANGE).getDuedate().toInstant())
                .as("stopped until the schedule's next start, Wednesday 07:00")
                .isEqualTo(LocalDateTime.of(2026, 11, 4, 7, 0).atZone(Schedule.AMSTERDAM).toInstant());

        EngineTime.set(LocalDateTime.of(2026, 11, 3, 21, 0));
        environments.startNow(environment.id());
        assertThat(environmentOf(request).status()).isEqualTo(EnvironmentStatus.RUNNING);
        EngineTime.set(LocalDateTime.of(2026, 11, 4, 1, 0));   // four hours later
        processes.executeJobsOf(request.processInstanceId());
        assertThat(environmentOf(request).status()).as("start now lasts four hours").isEqualTo(EnvironmentStatus.STOPPED);

        users.loginAs("frank");
        assertThatThrownBy(() -> environments.deleteNow(environment.id()))
                .as("a colleague in the tenant may look, not delete").isInstanceOf(InvalidRequestException.class);
        users.loginAs("emma");
        environments.deleteNow(environment.id());
        processes.executeJobsOf(request.processInstanceId());
        assertThat(environmentOf(request).status()).isEqualTo(EnvironmentStatus.DELETED);
        assertThat(cloud.state(environment.key())).isEmpty();
    }

    @Test
    void a_failing_provider_is_retried_then_becomes_an_incident_that_a_retry_resolves() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        SimulatedCloudFailures.failEveryCall(cloud);
        Request request = environments.order(order("utrecht", name("flaky"), LocalDate.of(2026, 11, 30)));
        String instance = request.processInstanceId();
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
            if (job.getDuedate() != null) {
                EngineTime.set(job.getDuedate().toInstant());   // the retry waits a minute
            }
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("injected failure");
            assertThat(environments.mine()).filteredOn(v -> v.environment().requestId() == request.id())
                    .singleElement().satisfies(view -> {
                        assertThat(view.shownStatus()).isEqualTo(EnvironmentStatus.FAILED);
                        assertThat(view.failure()).contains("injected failure");
                    });
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count())
                .as("retries used up: an incident in Cockpit").isEqualTo(1);
        assertThat(environmentOf(request).status()).as("nothing half-made is recorded")
                .isEqualTo(EnvironmentStatus.REQUESTED);

        SimulatedCloudFailures.failNone(cloud);
        Job failed = managementService.createJobQuery().processInstanceId(instance).singleResult();
        managementService.setJobRetries(failed.getId(), 1);   // what "retry" in Cockpit does
        managementService.executeJob(failed.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        EngineTime.set(instantOfClock().plusSeconds(40));
        processes.executeJobsOf(instance);
        assertThat(environmentOf(request).status()).isEqualTo(EnvironmentStatus.RUNNING);
        assertThat(jdbc.sql("select count(*) from sim_resource where resource_key = ?")
                .param(environmentOf(request).key()).query(Integer.class).single()).as("created once").isEqualTo(1);
    }

    @Test
    void bad_orders_are_refused_field_by_field_and_nothing_is_stored() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        String taken = name("taken");
        environments.order(order("utrecht", taken, LocalDate.of(2026, 11, 30)));
        int before = requests.myRequests().size();
        assertThatThrownBy(() -> environments.order(order("utrecht", taken, LocalDate.of(2026, 11, 30))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("name", "environment.error.name.taken"));
        assertThatThrownBy(() -> environments.order(order("utrecht", "Bad_Name", LocalDate.of(2026, 11, 30))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("name", "environment.error.name.characters"));
        assertThatThrownBy(() -> environments.order(order("provincie", name("other"), LocalDate.of(2027, 6, 1))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("tenant", "environment.error.tenant")
                        .containsEntry("leaseEnd", "environment.error.lease.too-long"));
        assertThat(requests.myRequests()).hasSize(before);
        // another tenant may use the same name
        users.loginAs("frank");
        environments.order(order("provincie", taken, LocalDate.of(2026, 11, 30)));
    }

    // --- helpers

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static EnvironmentOrder order(String tenant, String name, LocalDate leaseEnd) {
        return new EnvironmentOrder(tenant, "database-sandbox", name, Stage.DEVELOPMENT, Size.SMALL, false, false,
                Schedule.officeHours(), leaseEnd);
    }

    private void provision(String instance) {
        processes.executeJobsOf(instance);
        EngineTime.set(instantOfClock().plusSeconds(40));
        processes.executeJobsOf(instance);
    }

    private static Instant instantOfClock() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    }

    private Environment environmentOf(Request request) {
        return jdbc.sql("select id from environment where request_id = ?").param(request.id()).query(Long.class)
                .optional().flatMap(id -> environments.find(id)).orElseThrow().environment();
    }

    private BigDecimal booked(Environment environment) {
        return jdbc.sql("select coalesce(sum(credits), 0) from credit_booking where environment_id = ?")
                .param(environment.id()).query(BigDecimal.class).single();
    }

    private Job timer(String instance, String activity) {
        return managementService.createJobQuery().processInstanceId(instance).activityId(activity).timers()
                .singleResult();
    }

    /**
     * The requester's notifications of this kind about this request, all of them: not through the page of the
     * newest (reminders are dated by the engine clock, in the past of what other tests of the context wrote).
     */
    private List<?> notificationsOf(Request request, String kind) {
        return jdbc.sql("select id from notification where recipient = ? and request_number = ? and message_key = ?")
                .params(request.requester(), request.number(), kind).query(Long.class).list();
    }

}
