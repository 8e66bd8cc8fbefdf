package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import nl.loket.notification.NotificationService;
import nl.loket.request.Request;
import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Friday nudge as a notification: from Friday 16:00, once that day, to owners of running environments. */
@LoketIntegrationTest
class FridayNudgesIT {

    @Autowired FridayNudges nudges;
    @Autowired EnvironmentService environments;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        EngineTime.reset();
        processes.endAll(EnvironmentProcess.KEY);
        TestUsers.logout();
    }

    @Test
    void owners_of_running_environments_are_told_once_on_friday_afternoon_and_not_before() {
        EngineTime.set(LocalDateTime.of(2026, 11, 12, 9, 0));   // Thursday
        users.loginAs("emma");
        String name = "fri-" + UUID.randomUUID().toString().substring(0, 6);
        Request request = environments.order(new EnvironmentOrder("utrecht", "database-sandbox", name,
                Stage.DEVELOPMENT, Size.SMALL, false, false, Schedule.alwaysOn(), LocalDate.of(2026, 11, 30)));
        processes.executeJobsOf(request.processInstanceId());
        EngineTime.set(LocalDateTime.of(2026, 11, 12, 9, 1));
        processes.executeJobsOf(request.processInstanceId());
        // environments of earlier tests that still run are not this test's business
        jdbc.sql("update environment set status = 'STOPPED' where status = 'RUNNING' and name <> ?").param(name).update();

        assertThat(nudges.sendDue()).as("Thursday").isZero();
        EngineTime.set(LocalDateTime.of(2026, 11, 13, 15, 59));
        assertThat(nudges.sendDue()).as("Friday before four").isZero();

        EngineTime.set(LocalDateTime.of(2026, 11, 13, 16, 0));
        assertThat(nudges.sendDue()).isEqualTo(1);
        EngineTime.set(LocalDateTime.of(2026, 11, 13, 17, 0));
        assertThat(nudges.sendDue()).as("once a Friday").isZero();

        // by SQL, not through the page of Emma's newest: the nudge is dated by the engine clock, in the past of what
        // other tests of this context wrote for her
        assertThat(jdbc.sql("select message_args from notification where recipient = 'emma' and message_key = ?")
                .param(NotificationService.FRIDAY_NUDGE).query(String.class).list())
                .filteredOn(arguments -> arguments.contains(name)).singleElement()
                .satisfies(arguments -> assertThat(arguments).contains("1"));
    }
}
