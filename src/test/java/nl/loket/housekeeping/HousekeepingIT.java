package nl.loket.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database that does not grow without bound (issue 11, point 17): the engine's history cleanup has a nightly
 * window and removes history past its time to live; Loket's own tables lose what is past its retention, every night,
 * through a timer the engine runs on one node only.
 */
@LoketIntegrationTest
class HousekeepingIT {

    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProcessEngineConfiguration configuration;
    @Autowired RetentionService retention;
    @Autowired TestProcesses processes;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void the_engine_cleans_up_history_every_night_with_the_removal_time_written_at_the_start() {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
        assertThat(engine.getHistoryRemovalTimeStrategy()).isEqualTo("start");
        assertThat(historyService.findHistoryCleanupJobs()).as("scheduled at start-up").isNotEmpty();
    }

    @Test
    void history_past_its_time_to_live_is_removed_by_the_cleanup() {
        repositoryService.createDeployment().name("short-lived").addModelInstance("short-lived.bpmn",
                Bpmn.createExecutableProcess("short-lived").camundaHistoryTimeToLive(1)
                        .startEvent().endEvent().done()).deploy();
        Instant start = EngineTime.set(Instant.parse("2026-11-02T10:00:00Z"));
        String instance = runtimeService.startProcessInstanceByKey("short-lived").getId();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isOne();

        EngineTime.set(start.plus(Duration.ofDays(2)));
        String cleanup = historyService.cleanUpHistoryAsync(true).getId();
        managementService.executeJob(cleanup);

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
                .as("a day past its time to live of one day").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void loket_rows_past_their_retention_go_and_the_others_stay() {
        Instant now = Instant.now();
        long oldNote = notification(now.minus(Duration.ofDays(181)));
        long freshNote = notification(now.minus(Duration.ofDays(10)));
        long oldSent = mail("SENT", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)));
        long oldLogged = mail("LOGGED", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)));
        long freshSent = mail("SENT", now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(5)));
        long oldFailed = mail("FAILED", now.minus(Duration.ofDays(100)), null);
        long newerFailed = mail("FAILED", now.minus(Duration.ofDays(40)), null);
        long oldPending = mail("PENDING", now.minus(Duration.ofDays(200)), null);

        retention.purge();

        assertThat(exists("notification", oldNote)).isFalse();
        assertThat(exists("notification", freshNote)).isTrue();
        assertThat(List.of(oldSent, oldLogged, oldFailed)).allMatch(id -> !exists("mail_outbox", id));
        assertThat(List.of(freshSent, newerFailed, oldPending)).as("never a mail still to be sent")
                .allMatch(id -> exists("mail_outbox", id));
        assertThat(retention.purge()).as("a second run removes nothing more")
                .isEqualTo(new RetentionService.Purged(0, 0, 0));
    }

    @Test
    void the_nightly_timer_runs_the_purge_as_a_job() {
        long oldNote = notification(Instant.now().minus(Duration.ofDays(365)));
        Job timer = managementService.createJobQuery().processDefinitionKey(HousekeepingProcess.KEY).timers()
                .singleResult();
        assertThat(timer).as("one timer, whatever the number of nodes: the engine's job lock decides").isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).getHour()).isEqualTo(3);

        managementService.executeJob(timer.getId());
        runtimeService.createProcessInstanceQuery().processDefinitionKey(HousekeepingProcess.KEY).list()
                .forEach(instance -> processes.executeJobsOf(instance.getId()));

        assertThat(exists("notification", oldNote)).isFalse();
        assertThat(managementService.createJobQuery().processDefinitionKey(HousekeepingProcess.KEY).timers().count())
                .as("the next night's timer").isOne();
    }

    private long notification(Instant createdAt) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into notification (recipient, message_key, created_at) values ('emma', 'notification.test', ?)")
                .param(utc(createdAt)).update(key, "id");
        return key.getKey().longValue();
    }

    private long mail(String status, Instant createdAt, Instant sentAt) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into mail_outbox (recipient, address, kind, subject, body, status, attempts, next_attempt_at,
                    created_at, sent_at)
                values ('emma', 'emma@loket.example', 'test', 'Test', 'Test', ?, 1, ?, ?, ?)""")
                .params(status, utc(createdAt), utc(createdAt), sentAt == null ? null : utc(sentAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?").param(id).query(Long.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
