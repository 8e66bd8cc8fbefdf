package nl.loket.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import nl.loket.notification.NotificationService;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Out of office with a substitute, handing a task over, and planning a due date. */
@LoketIntegrationTest
class SubstitutesIT {

    @Autowired InboxService inbox;
    @Autowired Substitutions substitutions;
    @Autowired NotificationService notifications;
    @Autowired RequestService requests;
    @Autowired SoftwareRequests software;
    @Autowired UserAccountService accounts;
    @Autowired TestUsers users;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void colleagues() {
        users.approver("anna", "Anna de Boer", null);
        // carla reports to mark and is an approver herself
        users.approver("carla", "Carla Smit", "mark");
    }

    @AfterEach
    void reset() {
        jdbc.sql("delete from substitution").update();
        TestUsers.logout();
    }

    @Test
    void the_substitute_sees_and_handles_the_absent_approvers_tasks_in_the_period_only() {
        Request request = software.submitAs("emma", "Microsoft Visio");
        users.loginAs("mark");
        substitutions.setAbsence("anna", LocalDate.now().plusDays(3), LocalDate.now().plusDays(10));
        users.loginAs("anna");
        assertThat(find(request, InboxFilter.all())).as("not yet: the absence starts in 3 days").isEmpty();

        users.loginAs("mark");
        substitutions.setAbsence("anna", LocalDate.now(), LocalDate.now().plusDays(10));
        assertThat(substitutions.mine()).get().extracting(Substitutions.Absence::substituteName).isEqualTo("Anna de Boer");
        users.loginAs("anna");
        InboxItem item = find(request, InboxFilter.all().withScope(InboxFilter.Scope.MINE)).orElseThrow();
        assertThat(item.assignee()).isEqualTo("mark");

        inbox.approve(item.taskId());

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(item.taskId()).singleResult().getAssignee())
                .as("the history shows who really decided").isEqualTo("anna");
    }

    @Test
    void a_substitute_never_decides_on_their_own_request() {
        users.loginAs("mark");
        substitutions.setAbsence("carla", LocalDate.now(), LocalDate.now().plusDays(5));
        Request carlas = software.submitAs("carla", "Adobe Acrobat Pro");
        String taskId = jdbc.sql("select task_id from inbox_task where request_id = ?").param(carlas.id())
                .query(String.class).single();

        users.loginAs("carla");
        assertThat(find(carlas, InboxFilter.all())).as("mark's task, but her own request").isEmpty();
        assertThatThrownBy(() -> inbox.approve(taskId)).isInstanceOf(OwnRequestException.class);
        assertThat(requests.get(carlas.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    @Test
    void a_task_is_handed_to_a_colleague_who_is_told() {
        Request request = software.submitAs("emma", "Microsoft Visio");
        users.loginAs("mark");
        String taskId = find(request, InboxFilter.all()).orElseThrow().taskId();
        assertThat(inbox.reassignCandidates(taskId)).extracting(UserAccount::username).contains("anna")
                .doesNotContain("mark", "emma", "frank");
        assertThatThrownBy(() -> inbox.reassign(taskId, "frank")).as("not an approver")
                .isInstanceOf(InvalidRequestException.class);

        inbox.reassign(taskId, "anna");

        assertThat(find(request, InboxFilter.all())).isEmpty();
        users.loginAs("anna");
        assertThat(find(request, InboxFilter.all().withScope(InboxFilter.Scope.MINE))).get()
                .extracting(InboxItem::assignedToMe).isEqualTo(true);
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.TASK_ASSIGNED)
                && n.requestNumber().equals(request.number()));
    }

    @Test
    void a_due_date_reaches_the_inbox_filters() {
        Request request = software.submitAs("emma", "Microsoft Visio");
        users.loginAs("mark");
        String taskId = find(request, InboxFilter.all()).orElseThrow().taskId();
        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Instant followUp = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        inbox.plan(taskId, due, followUp);
        assertThat(inbox.open(taskId).followUp()).isEqualTo(followUp);

        assertThat(find(request, new InboxFilter(InboxFilter.Scope.ALL, null, null, null,
                Instant.now().plus(2, ChronoUnit.DAYS), null, InboxFilter.Sort.DUE_FIRST))).get()
                .extracting(InboxItem::due).isEqualTo(due);
        assertThat(find(request, new InboxFilter(InboxFilter.Scope.ALL, null, null, null, Instant.now(), null,
                InboxFilter.Sort.DUE_FIRST))).as("not overdue yet").isEmpty();
    }

    private Optional<InboxItem> find(Request request, InboxFilter filter) {
        return inbox.page(filter, 0, InboxService.MAX_PAGE).stream()
                .filter(i -> i.request().number().equals(request.number())).findFirst();
    }
}
