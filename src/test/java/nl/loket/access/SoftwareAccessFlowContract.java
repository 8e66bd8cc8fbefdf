package nl.loket.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static nl.loket.access.SoftwareAccessProcess.END_DATE;
import static nl.loket.access.SoftwareAccessProcess.LICENCE_COST;
import static nl.loket.access.SoftwareAccessProcess.REQUESTER;
import static nl.loket.access.SoftwareAccessProcess.SOFTWARE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.OwnRequestException;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.notification.NotificationService;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.InvalidFormSubmissionException;
import nl.loket.forms.FieldError;
import nl.loket.support.SoftwareRequests;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import nl.loket.workflow.TimelineEntry;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submit → approve → fulfilled through the real services, engine and database. Run against H2 and PostgreSQL by
 * the subclasses.
 */
abstract class SoftwareAccessFlowContract {

    static final String PAID = "IntelliJ IDEA Ultimate";
    static final String FREE = "Visual Studio Code";
    static final String JUSTIFICATION = SoftwareRequests.JUSTIFICATION;
    static final String JUSTIFICATION_FIELD = SoftwareAccessProcess.JUSTIFICATION.name();

    @Autowired SoftwareAccessService softwareAccess;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired SoftwareCatalog catalog;
    @Autowired RequestService requests;
    @Autowired InboxService inbox;
    @Autowired NotificationService notifications;
    @Autowired UserAccountService users;
    @Autowired TestUsers testUsers;
    @Autowired TestProcesses processes;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void approved_request_is_fulfilled_and_the_requester_is_told() {
        Request request = submitAs("emma", PAID, false);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(request.number()).matches("REQ-\\d{4}-\\d{6}");

        testUsers.loginAs("mark");
        InboxItem task = taskFor(request);
        assertThat(task.assignedToMe()).isTrue();
        inbox.approve(task.taskId());
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        processes.executeJobs();

        testUsers.loginAs("emma");
        var detail = requests.myRequest(request.number()).orElseThrow();
        assertThat(detail.request().status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(detail.timeline()).extracting(TimelineEntry::activityId).containsSubsequence(
                SoftwareAccessProcess.START, SoftwareAccessProcess.DETERMINE_APPROVAL,
                SoftwareAccessProcess.APPROVE_REQUEST, SoftwareAccessProcess.GRANT_ACCESS,
                SoftwareAccessProcess.END_GRANTED);
        assertThat(detail.timeline()).filteredOn(e -> e.activityId().equals(SoftwareAccessProcess.APPROVE_REQUEST))
                .extracting(TimelineEntry::assignee).containsExactly("mark");
        assertThat(softwareAccess.hasGrant("emma", softwareId(PAID))).isTrue();
        assertThat(notifications.mine()).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo(NotificationService.FULFILLED);
            assertThat(n.requestNumber()).isEqualTo(request.number());
        });
    }

    @Test
    void free_software_is_granted_without_approval() {
        Request request = submitAs("frank", FREE, false);
        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        testUsers.loginAs("mark");
        assertThat(inbox.myTasks()).noneMatch(t -> t.request().number().equals(request.number()));

        processes.executeJobs();
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(softwareAccess.hasGrant("frank", softwareId(FREE))).isTrue();
    }

    @Test
    void administrator_rights_need_approval_even_for_free_software() {
        Request request = submitAs("emma", FREE, true);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    @Test
    void rejected_request_is_closed_with_the_reason_and_nothing_is_granted() {
        Request request = submitAs("emma", "Adobe Acrobat Pro", false);
        testUsers.loginAs("mark");
        inbox.reject(taskFor(request).taskId(), "  Use the free PDF reader instead.  ");
        processes.executeJobs();

        Request rejected = requests.get(request.id());
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.outcomeReason()).isEqualTo("Use the free PDF reader instead.");
        assertThat(jdbc.sql("select count(*) from software_grant where request_id = ?").param(request.id())
                .query(Integer.class).single()).isZero();
        testUsers.loginAs("emma");
        assertThat(notifications.mine()).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo(NotificationService.REJECTED);
            assertThat(n.arguments()).contains("Use the free PDF reader instead.");
        });
    }

    @Test
    void rejecting_without_a_reason_is_refused_and_the_task_stays_open() {
        Request request = submitAs("emma", "Microsoft Visio", false);
        testUsers.loginAs("mark");
        String taskId = taskFor(request).taskId();
        assertThatThrownBy(() -> inbox.reject(taskId, "   "))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsKey(InboxService.FIELD_REASON));
        assertThat(inbox.open(taskId).request().status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    @Test
    void nobody_approves_their_own_request() {
        // mark has no manager: his request goes to the approver group, of which he is a member himself
        Request request = submitAs("mark", PAID, false);
        String taskId = runtimeTaskOf(request);
        testUsers.loginAs("mark");
        assertThat(inbox.myTasks()).noneMatch(t -> t.request().number().equals(request.number()));
        assertThat(inbox.myTaskCount()).as("the inbox count leaves out his own request too")
                .isEqualTo(inbox.myTasks().size());
        assertThatThrownBy(() -> inbox.approve(taskId)).isInstanceOf(OwnRequestException.class);
        assertThatThrownBy(() -> inbox.reject(taskId, "no")).isInstanceOf(OwnRequestException.class);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);

        users.createIfAbsent(new UserAccount("anna", "Anna de Boer", "anna@loket.example", null, true,
                Set.of(Roles.EMPLOYEE, Roles.APPROVER)), "secret-for-anna");
        testUsers.loginAs("anna");
        InboxItem offered = taskFor(request);
        assertThat(offered.assignedToMe()).isFalse();
        inbox.approve(offered.taskId());
        processes.executeJobs();
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
    }

    @Test
    void a_user_cannot_read_someone_elses_request() {
        Request request = submitAs("emma", FREE, false);
        testUsers.loginAs("frank");
        assertThat(requests.myRequest(request.number())).isEmpty();
        assertThat(requests.myRequests()).noneMatch(r -> r.number().equals(request.number()));
    }

    @Test
    void a_task_is_not_available_to_someone_it_is_not_offered_to() {
        Request request = submitAs("emma", PAID, false);
        String taskId = runtimeTaskOf(request);
        testUsers.loginAs("frank");
        assertThat(inbox.myTasks()).noneMatch(t -> t.taskId().equals(taskId));
        assertThatThrownBy(() -> inbox.open(taskId)).isInstanceOf(TaskNotAvailableException.class);
        assertThatThrownBy(() -> inbox.approve(taskId)).isInstanceOf(TaskNotAvailableException.class);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    @Test
    void invalid_input_creates_no_request_and_no_process_instance() {
        long requestsBefore = count("service_request");
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        testUsers.loginAs("emma");
        var invalid = SoftwareRequests.form(null, "short", false, LocalDate.now().minusDays(1));
        assertThatThrownBy(() -> softwareRequests.submit(invalid))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, e -> assertThat(e.errors())
                        .containsEntry(SOFTWARE.name(), new FieldError("form.validation.required", List.of()))
                        .containsEntry(JUSTIFICATION_FIELD, new FieldError("form.validation.min-length", List.of(10)))
                        .containsEntry(END_DATE.name(), new FieldError("form.validation.past-date", List.of())));
        var unknownSoftware = SoftwareRequests.form(999_999L, JUSTIFICATION, false, null);
        assertThatThrownBy(() -> softwareRequests.submit(unknownSoftware))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, e -> assertThat(e.errors())
                        .containsEntry(SOFTWARE.name(), new FieldError("form.validation.not-a-choice", List.of())));
        var tooLong = SoftwareRequests.form(softwareId(FREE), "x".repeat(2001), false, null);
        assertThatThrownBy(() -> softwareRequests.submit(tooLong))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, e -> assertThat(e.errors())
                        .containsEntry(JUSTIFICATION_FIELD, new FieldError("form.validation.max-length", List.of(2000))));
        Map<String, Object> tampered = new HashMap<>(SoftwareRequests.form(softwareId(FREE), JUSTIFICATION, false, null));
        tampered.put(LICENCE_COST.name(), 0.0);
        tampered.put(REQUESTER.name(), "mark");
        assertThatThrownBy(() -> softwareRequests.submit(tampered))
                .as("a submission cannot set the process's own variables")
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, e -> assertThat(e.errors())
                        .containsKeys(LICENCE_COST.name(), REQUESTER.name()));

        assertThat(count("service_request")).isEqualTo(requestsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void granting_twice_grants_and_notifies_once() {
        Request request = submitAs("frank", "LibreOffice", false);
        processes.executeJobs();
        softwareAccess.grant(request.id());
        assertThat(jdbc.sql("select count(*) from software_grant where request_id = ?").param(request.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where request_number = ? and message_key = ?")
                .params(request.number(), NotificationService.FULFILLED).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject like ? and kind = ?")
                .params("%" + request.number() + "%", NotificationService.FULFILLED).query(Integer.class).single())
                .as("and mails once").isEqualTo(1);
    }

    private Request submitAs(String username, String softwareName, boolean adminRights) {
        testUsers.loginAs(username);
        return softwareRequests.submit(softwareName, adminRights);
    }

    private InboxItem taskFor(Request request) {
        return inbox.myTasks().stream().filter(t -> t.request().number().equals(request.number())).findFirst()
                .orElseThrow(() -> new AssertionError("No task for " + request.number() + " in the inbox"));
    }

    private String runtimeTaskOf(Request request) {
        return jdbc.sql("select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?").param(request.processInstanceId())
                .query(String.class).single();
    }

    private long softwareId(String name) {
        return catalog.active().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
