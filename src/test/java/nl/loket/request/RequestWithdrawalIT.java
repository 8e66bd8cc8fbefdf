package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import nl.loket.access.SoftwareAccessService;
import nl.loket.access.SoftwareCatalog;
import nl.loket.inbox.InboxFilter;
import nl.loket.inbox.InboxService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A requester follows and withdraws their request: where it stands in words, and a clean end when withdrawn. */
@LoketIntegrationTest
class RequestWithdrawalIT {

    @Autowired RequestService requests;
    @Autowired InboxService inbox;
    @Autowired SoftwareRequests software;
    @Autowired SoftwareAccessService softwareAccess;
    @Autowired SoftwareCatalog catalog;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void the_requester_sees_who_has_the_next_step() {
        users.loginAs("emma");
        Request request = software.submit("Microsoft Visio", false);

        RequestDetail detail = requests.myRequest(request.number()).orElseThrow();
        assertThat(detail.currentSteps()).singleElement().satisfies(step -> {
            assertThat(step.assigneeName()).isEqualTo("Mark de Vries");
            assertThat(step.taskKey()).isEqualTo("UserTask_ApproveRequest");
            assertThat(step.since()).isNotNull();
        });
        users.loginAs("mark");
        Request own = software.submit("Microsoft Visio", false);
        assertThat(requests.myRequest(own.number()).orElseThrow().currentSteps()).singleElement()
                .satisfies(step -> {
                    assertThat(step.assigneeName()).isNull();
                    assertThat(step.groups()).containsExactly("approver");
                });
    }

    @Test
    void withdrawing_ends_the_process_and_empties_the_inboxes() {
        users.loginAs("emma");
        Request request = software.submit("Adobe Acrobat Pro", false);
        users.loginAs("mark");
        assertThat(numbersInInbox()).contains(request.number());

        users.loginAs("emma");
        Request withdrawn = requests.withdraw(request.number(), "  Found a free alternative.  ");

        assertThat(withdrawn.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(withdrawn.outcomeReason()).isEqualTo("Found a free alternative.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).count())
                .isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(request.processInstanceId())
                .singleResult().getDeleteReason()).isEqualTo("Withdrawn by emma: Found a free alternative.");
        assertThat(jdbc.sql("select count(*) from inbox_task where request_id = ?").param(request.id())
                .query(Integer.class).single()).isZero();
        assertThat(requests.myRequest(request.number()).orElseThrow().currentSteps()).isEmpty();
        users.loginAs("mark");
        assertThat(numbersInInbox()).doesNotContain(request.number());
    }

    @Test
    void a_request_being_fulfilled_can_still_be_withdrawn_and_nothing_is_granted() {
        users.loginAs("frank");
        Request request = software.submit("LibreOffice", false);
        long libreOffice = catalog.active().stream().filter(s -> s.name().equals("LibreOffice")).findFirst()
                .orElseThrow().id();
        boolean hadIt = softwareAccess.hasGrant("frank", libreOffice);

        requests.withdraw(request.number(), null);
        processes.executeJobs();

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(jdbc.sql("select count(*) from software_grant where request_id = ?").param(request.id())
                .query(Integer.class).single()).as("the grant job went with the process").isZero();
        assertThat(softwareAccess.hasGrant("frank", libreOffice)).isEqualTo(hadIt);
    }

    @Test
    void the_request_type_undoes_what_it_did(@Autowired org.camunda.bpm.engine.RepositoryService repositoryService,
                                             @Autowired FormRequestService forms,
                                             @Autowired nl.loket.support.EquipmentLoanWithdrawals compensation) {
        nl.loket.support.EquipmentLoan.deployOnce(repositoryService);
        users.loginAs("emma");
        Request loan = forms.submit(nl.loket.support.EquipmentLoan.KEY, java.util.Map.of("item", "projector", "days", 3,
                "from", "2026-12-01", "deliver", false), java.util.Locale.ENGLISH);

        requests.withdraw(loan.number(), "Meeting cancelled");

        assertThat(compensation.undone()).contains(loan.number());
        assertThat(requests.get(loan.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void a_closed_or_someone_elses_request_cannot_be_withdrawn() {
        users.loginAs("frank");
        Request fulfilled = software.submit("LibreOffice", false);
        processes.executeJobs();
        assertThatThrownBy(() -> requests.withdraw(fulfilled.number(), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry(RequestService.FIELD_REQUEST, "request.withdraw.closed"));

        users.loginAs("emma");
        Request emmas = software.submit("Microsoft Visio", false);
        users.loginAs("frank");
        assertThatThrownBy(() -> requests.withdraw(emmas.number(), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry(RequestService.FIELD_REQUEST, "request.not-found"));
        assertThat(requests.get(emmas.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
        users.loginAs("emma");
        assertThatThrownBy(() -> requests.withdraw(emmas.number(), "x".repeat(2001)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(requests.get(emmas.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    private List<String> numbersInInbox() {
        return inbox.page(InboxFilter.all(), 0, InboxService.MAX_PAGE).stream().map(i -> i.request().number()).toList();
    }

    @Test
    void after_a_withdrawal_the_timeline_shows_the_open_task_cancelled_and_the_withdrawal_with_who_when_why() {
        users.loginAs("emma");
        Request request = software.submit("Microsoft Visio", false);
        requests.withdraw(request.number(), "Found a free alternative.");

        List<nl.loket.workflow.TimelineEntry> timeline = requests.myRequest(request.number()).orElseThrow()
                .timeline();
        assertThat(timeline).filteredOn(e -> e.activityId().equals("UserTask_ApproveRequest")).singleElement()
                .satisfies(task -> assertThat(task.cancelled()).as("nobody approved it").isTrue());
        assertThat(timeline.get(timeline.size() - 1)).satisfies(last -> {
            assertThat(last.kind()).isEqualTo(nl.loket.workflow.TimelineEntry.Kind.WITHDRAWN);
            assertThat(last.assignee()).isEqualTo("emma");
            assertThat(last.note()).isEqualTo("Found a free alternative.");
            assertThat(last.started()).isNotNull();
        });
    }
}
