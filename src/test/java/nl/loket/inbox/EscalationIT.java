package nl.loket.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import nl.loket.access.SoftwareAccessProcess;
import nl.loket.notification.NotificationService;
import nl.loket.request.Request;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminder and escalation timers of an approval, run for real: their due dates come from the escalation policy
 * (working days), and when they fire the approver is reminded and the task moves to the approver's manager.
 */
@LoketIntegrationTest
class EscalationIT {

    @Autowired SoftwareRequests software;
    @Autowired UserAccountService accounts;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired NotificationService notifications;
    @Autowired EscalationPolicy policy;
    /** The organisation's clock (its zone, Europe/Amsterdam by default), as the policy counts working days in it. */
    @Autowired java.time.Clock clock;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void an_untouched_approval_reminds_then_moves_to_the_approvers_manager() {
        // erik reports to carla, an approver who reports to mark
        users.approver("carla", "Carla Smit", "mark");
        accounts.createIfAbsent(new UserAccount("erik", "Erik Visser", "erik@loket.example", "carla", true,
                Set.of(Roles.EMPLOYEE)), "secret-for-erik");
        Request request = software.submitAs("erik", "Adobe Acrobat Pro");
        Job reminder = timer(request, SoftwareAccessProcess.TIMER_REMIND);
        Job escalation = timer(request, SoftwareAccessProcess.TIMER_ESCALATE);
        Instant expected = policy.addWorkingDays(java.time.ZonedDateTime.now(clock), 2).toInstant();
        assertThat(Duration.between(expected, reminder.getDuedate().toInstant()).abs())
                .as("two working days from now").isLessThan(Duration.ofMinutes(1));
        assertThat(reminder.getDuedate().toInstant().atZone(clock.getZone()).getDayOfWeek())
                .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(escalation.getDuedate()).isAfter(reminder.getDuedate());

        managementService.setJobDuedate(reminder.getId(), new Date(System.currentTimeMillis() - 1000));
        processes.executeJobs();
        users.loginAs("carla");
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.REMINDER)
                && n.requestNumber().equals(request.number()));
        assertThat(taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult()
                .getAssignee()).isEqualTo("carla");

        managementService.setJobDuedate(escalation.getId(), new Date(System.currentTimeMillis() - 1000));
        processes.executeJobs();
        assertThat(taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult()
                .getAssignee()).as("escalated to carla's manager").isEqualTo("mark");
        users.loginAs("mark");
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.ESCALATED)
                && n.requestNumber().equals(request.number()));
    }

    @Test
    void without_a_manager_above_the_approver_the_task_goes_back_to_the_group() {
        Request request = software.submitAs("emma", "Microsoft Visio");
        Job escalation = timer(request, SoftwareAccessProcess.TIMER_ESCALATE);
        managementService.setJobDuedate(escalation.getId(), new Date(System.currentTimeMillis() - 1000));
        processes.executeJobs();

        assertThat(taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult()
                .getAssignee()).as("mark has no manager: the approver group").isNull();
    }

    private Job timer(Request request, String activityId) {
        return managementService.createJobQuery().processInstanceId(request.processInstanceId()).activityId(activityId)
                .singleResult();
    }
}
