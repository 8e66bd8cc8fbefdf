package nl.loket.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import java.util.Locale;
import java.util.Map;

import nl.loket.request.FormRequestService;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.EquipmentLoan;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bulk approve/reject: each task checked on its own, partial failures reported per task. */
@LoketIntegrationTest
class BulkDecisionsIT {

    @Autowired BulkDecisions bulk;
    @Autowired RequestService requests;
    @Autowired SoftwareRequests software;
    @Autowired UserAccountService accounts;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void approves_what_may_be_approved_and_says_why_not_for_the_rest() {
        users.approver("anna", "Anna de Boer", null);
        Request visio = software.submitAs("emma", "Microsoft Visio");
        Request acrobat = software.submitAs("frank", "Adobe Acrobat Pro");
        Request marks = software.submitAs("mark", "Microsoft Visio");
        Request annas = software.submitAs("anna", "Adobe Acrobat Pro");

        users.loginAs("mark");
        List<BulkDecisions.Result> results = bulk.approve(List.of(taskOf(visio), taskOf(acrobat), taskOf(marks),
                taskOf(annas), "no-such-task"));

        assertThat(results).extracting(BulkDecisions.Result::outcome).containsExactly(BulkDecisions.Outcome.DONE,
                BulkDecisions.Outcome.DONE, BulkDecisions.Outcome.OWN_REQUEST, BulkDecisions.Outcome.DONE,
                BulkDecisions.Outcome.NOT_AVAILABLE);
        assertThat(requests.get(visio.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        assertThat(requests.get(acrobat.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        assertThat(requests.get(annas.id()).status()).as("anna has no manager: offered to mark's group")
                .isEqualTo(RequestStatus.IN_FULFILMENT);
        assertThat(requests.get(marks.id()).status()).as("four-eyes in bulk too")
                .isEqualTo(RequestStatus.AWAITING_APPROVAL);

        users.loginAs("anna");
        assertThat(bulk.approve(List.of(taskOf(marks))).get(0).outcome()).isEqualTo(BulkDecisions.Outcome.DONE);
        assertThat(bulk.approve(List.of(taskIdOfAny(visio)))).as("offered to her group too, but mark decided first")
                .containsExactly(new BulkDecisions.Result(taskIdOfAny(visio), BulkDecisions.Outcome.ALREADY_HANDLED,
                        "Mark de Vries"));
    }

    @Test
    void rejecting_in_bulk_needs_a_reason_and_leaves_non_approvals_alone(@Autowired RepositoryService repositoryService,
                                                                         @Autowired FormRequestService forms,
                                                                         @Autowired TestProcesses processes) {
        EquipmentLoan.deployOnce(repositoryService);
        Request visio = software.submitAs("emma", "Microsoft Visio");
        users.loginAs("emma");
        Request loan = forms.submit(EquipmentLoan.KEY, Map.of("item", "projector", "days", 3, "from", "2026-12-01",
                "deliver", false), Locale.ENGLISH);
        users.loginAs("frank");
        assertThat(bulk.reject(List.of(taskOf(loan)), "No")).extracting(BulkDecisions.Result::outcome)
                .as("a hand-over is not an approval: it needs its own form").containsExactly(BulkDecisions.Outcome.NOT_AN_APPROVAL);
        assertThat(requests.get(loan.id()).status()).isNotEqualTo(RequestStatus.REJECTED);

        users.loginAs("mark");
        assertThatThrownBy(() -> bulk.reject(List.of(taskOf(visio)), "  ")).isInstanceOf(InvalidRequestException.class);
        assertThat(requests.get(visio.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);

        List<BulkDecisions.Result> results = bulk.reject(List.of(taskOf(visio)), "Not this quarter");
        assertThat(results).singleElement().extracting(BulkDecisions.Result::outcome).isEqualTo(BulkDecisions.Outcome.DONE);
        processes.executeJobs();
        assertThat(requests.get(visio.id()).status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(requests.get(visio.id()).outcomeReason()).isEqualTo("Not this quarter");
    }

    private String taskOf(Request request) {
        return taskIdOfAny(request);
    }

    private String taskIdOfAny(Request request) {
        return jdbc.sql("select task_id from inbox_task where request_id = ? union select id_ from act_hi_taskinst "
                        + "where proc_inst_id_ = ?").params(request.id(), request.processInstanceId())
                .query(String.class).list().get(0);
    }
}
