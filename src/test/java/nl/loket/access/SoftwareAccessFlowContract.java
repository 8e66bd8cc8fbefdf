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
import nl.loket.inbox.TaskFormService;
import nl.loket.inbox.OwnRequestException;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.notification.NotificationService;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.InvalidFormSubmissionException;
import nl.loket.forms.FieldError;
import nl.loket.support.SoftwareRequests;
import nl.loket.request.Request;
import nl.loket.request.RequestFact;
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
    /** Demo products an IT fulfiller installs by hand (no directory group). */
    static final String MANUAL = "QGIS";
    static final String PAID_MANUAL = "ArcGIS Pro";
    static final String JUSTIFICATION = SoftwareRequests.JUSTIFICATION;
    static final String JUSTIFICATION_FIELD = SoftwareAccessProcess.JUSTIFICATION.name();

    @Autowired SoftwareAccessService softwareAccess;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired SoftwareCatalog catalog;
    @Autowired RequestService requests;
    @Autowired InboxService inbox;
    @Autowired TaskFormService taskForms;
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
    void the_longest_reason_and_comment_the_portal_accepts_reach_every_table_and_step() {
        Request request = submitAs("emma", "Adobe Acrobat Pro", false);
        testUsers.loginAs("mark");
        String taskId = taskFor(request).taskId();
        // the longest comment, with a NUL (PostgreSQL refuses it in text) and other control characters
        String comment = "Zie ook \u0000bijlage\u0007 " + "ë".repeat(nl.loket.request.RequestComments.MAX_LENGTH - 20);
        inbox.comment(taskId, comment);
        String reason = "Geen budget: " + "ü".repeat(nl.loket.inbox.ApprovalOutcome.REASON_MAX_LENGTH - 13);
        inbox.reject(taskId, reason);
        processes.executeJobs();

        assertThat(jdbc.sql("select count(*) from act_ru_incident where proc_inst_id_ = ?")
                .param(request.processInstanceId()).query(Integer.class).single())
                .as("the background rejection step did not fail").isZero();
        Request rejected = requests.get(request.id());
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.outcomeReason()).isEqualTo(reason);
        assertThat(jdbc.sql("select body from request_comment where request_id = ?").param(request.id())
                .query(String.class).single()).startsWith("Zie ook bijlage ").doesNotContain("\u0000", "\u0007")
                .hasSize(nl.loket.request.RequestComments.MAX_LENGTH - 4);
        testUsers.loginAs("emma");
        assertThat(notifications.mine()).filteredOn(n -> request.number().equals(n.requestNumber()))
                .extracting(n -> n.messageKey()).contains(NotificationService.COMMENTED, NotificationService.REJECTED);
        assertThat(notifications.mine()).filteredOn(n -> n.messageKey().equals(NotificationService.REJECTED)
                        && request.number().equals(n.requestNumber()))
                .singleElement().satisfies(n -> assertThat(n.arguments()).anySatisfy(argument ->
                        assertThat(argument).startsWith("Geen budget: üüü").endsWith("…").hasSizeLessThan(201)));
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
        softwareAccess.grant(request.id(), requests.get(request.id()).processInstanceId());
        assertThat(jdbc.sql("select count(*) from software_grant where request_id = ?").param(request.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where request_number = ? and message_key = ?")
                .params(request.number(), NotificationService.FULFILLED).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject like ? and kind = ?")
                .params("%" + request.number() + "%", NotificationService.FULFILLED).query(Integer.class).single())
                .as("and mails once").isEqualTo(1);
    }

    @Test
    void a_manual_install_waits_for_frank_who_fulfils_it_with_its_form_and_the_requester_sees_what_was_done() {
        Request request = submitAs("emma", MANUAL, false);
        assertThat(request.status()).as("no approval needed: straight to IT").isEqualTo(RequestStatus.IN_FULFILMENT);
        String taskId = runtimeTaskOf(request);

        testUsers.loginAs("mark");
        assertThat(inbox.myTasks()).as("an approver, not a fulfiller").noneMatch(t -> t.taskId().equals(taskId));
        assertThatThrownBy(() -> inbox.open(taskId)).isInstanceOf(TaskNotAvailableException.class);
        assertThatThrownBy(() -> taskForms.complete(taskId, fulfilled("Installed", null)))
                .isInstanceOf(TaskNotAvailableException.class);

        testUsers.loginAs("frank");
        InboxItem task = taskFor(request);
        assertThat(task.taskKey()).isEqualTo(SoftwareAccessProcess.FULFIL_MANUALLY);
        assertThat(task.assignedToMe()).as("offered to the fulfiller group").isFalse();
        assertThat(inbox.open(taskId).facts()).as("what emma asked, as an approver sees it")
                .extracting(RequestFact::labelKey, RequestFact::value)
                .contains(org.assertj.core.groups.Tuple.tuple("software.name", MANUAL),
                        org.assertj.core.groups.Tuple.tuple("software.delivery", "software.delivery.MANUAL"),
                        org.assertj.core.groups.Tuple.tuple("software.justification", JUSTIFICATION));
        TaskFormService.TaskForm form = taskForms.formOf(taskId).orElseThrow();
        assertThat(form.schema().id()).isEqualTo(SoftwareAccessProcess.FULFIL_FORM);
        assertThat(form.isApproval()).as("its own form, not approve/reject").isFalse();
        taskForms.complete(taskId, fulfilled("QGIS 3.40 LTR installed on LT-0042", "Start it from the Start menu."));
        processes.executeJobs();

        testUsers.loginAs("emma");
        var detail = requests.myRequest(request.number()).orElseThrow();
        assertThat(detail.request().status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(detail.timeline()).extracting(TimelineEntry::activityId).containsSubsequence(
                SoftwareAccessProcess.START, SoftwareAccessProcess.FULFIL_MANUALLY, SoftwareAccessProcess.GRANT_ACCESS,
                SoftwareAccessProcess.END_GRANTED);
        assertThat(detail.timeline()).filteredOn(e -> e.activityId().equals(SoftwareAccessProcess.FULFIL_MANUALLY))
                .extracting(TimelineEntry::assignee).containsExactly("frank");
        assertThat(detail.facts()).extracting(RequestFact::labelKey, RequestFact::value).contains(
                org.assertj.core.groups.Tuple.tuple("software.fulfilment-done", "QGIS 3.40 LTR installed on LT-0042"),
                org.assertj.core.groups.Tuple.tuple("software.fulfilment-note", "Start it from the Start menu."));
        assertThat(softwareAccess.hasGrant("emma", softwareId(MANUAL))).isTrue();
        assertThat(jdbc.sql("select fulfilled_by from software_fulfilment where request_id = ?").param(request.id())
                .query(String.class).single()).isEqualTo("frank");
        assertThat(notifications.mine()).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo(NotificationService.FULFILLED);
            assertThat(n.requestNumber()).isEqualTo(request.number());
        });
    }

    @Test
    void a_manual_install_that_cannot_be_done_is_closed_as_not_fulfilled_and_the_requester_reads_why() {
        Request request = submitAs("emma", MANUAL, false);
        testUsers.loginAs("frank");
        String taskId = taskFor(request).taskId();
        taskForms.complete(taskId, Map.of(SoftwareAccessProcess.FULFILLED.name(), false,
                SoftwareAccessProcess.NOT_FULFILLED_REASON.name(), "  Your laptop is too old for QGIS 3.  "));
        processes.executeJobs();

        testUsers.loginAs("emma");
        var detail = requests.myRequest(request.number()).orElseThrow();
        assertThat(detail.request().status()).isEqualTo(RequestStatus.NOT_FULFILLED);
        assertThat(detail.request().status().isClosed()).isTrue();
        assertThat(detail.request().outcomeReason()).isEqualTo("Your laptop is too old for QGIS 3.");
        assertThat(detail.timeline()).extracting(TimelineEntry::activityId).containsSubsequence(
                SoftwareAccessProcess.FULFIL_MANUALLY, SoftwareAccessProcess.RECORD_NOT_FULFILLED,
                SoftwareAccessProcess.END_NOT_FULFILLED).doesNotContain(SoftwareAccessProcess.GRANT_ACCESS);
        assertThat(jdbc.sql("select count(*) from software_grant where request_id = ?").param(request.id())
                .query(Integer.class).single()).isZero();
        assertThat(notifications.mine()).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo(NotificationService.NOT_FULFILLED);
            assertThat(n.arguments()).contains("Your laptop is too old for QGIS 3.");
        });
        assertThatThrownBy(() -> requests.withdraw(request.number(), null)).as("closed")
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void the_fulfil_form_wants_what_was_done_or_why_not_and_the_task_stays_open() {
        Request request = submitAs("emma", MANUAL, false);
        testUsers.loginAs("frank");
        String taskId = taskFor(request).taskId();
        assertThatThrownBy(() -> taskForms.complete(taskId, Map.of(SoftwareAccessProcess.FULFILLED.name(), false)))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, e -> assertThat(e.errors())
                        .containsEntry(SoftwareAccessProcess.NOT_FULFILLED_REASON.name(),
                                new FieldError("form.validation.required", List.of())));
        assertThatThrownBy(() -> taskForms.complete(taskId, Map.of(SoftwareAccessProcess.FULFILLED.name(), true)))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, e -> assertThat(e.errors())
                        .containsKey(SoftwareAccessProcess.FULFILMENT_DONE.name()));
        assertThat(inbox.open(taskId).request().status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        assertThat(jdbc.sql("select count(*) from software_fulfilment where request_id = ?").param(request.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_paid_manual_install_goes_to_the_fulfillers_once_approved() {
        Request request = submitAs("emma", PAID_MANUAL, false);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
        testUsers.loginAs("frank");
        assertThat(inbox.myTasks()).noneMatch(t -> t.request().number().equals(request.number()));

        testUsers.loginAs("mark");
        inbox.approve(taskFor(request).taskId());
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        processes.executeJobs();
        assertThat(softwareAccess.hasGrant("emma", softwareId(PAID_MANUAL))).as("not before IT installed it").isFalse();

        testUsers.loginAs("frank");
        taskForms.complete(taskFor(request).taskId(), fulfilled("Licence assigned, installed", null));
        processes.executeJobs();
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(softwareAccess.hasGrant("emma", softwareId(PAID_MANUAL))).isTrue();
    }

    @Test
    void nobody_fulfils_their_own_request() {
        // frank is the only demo fulfiller: his own request is offered to the group but never to him
        Request request = submitAs("frank", MANUAL, false);
        String taskId = runtimeTaskOf(request);
        testUsers.loginAs("frank");
        assertThat(inbox.myTasks()).noneMatch(t -> t.taskId().equals(taskId));
        assertThatThrownBy(() -> taskForms.complete(taskId, fulfilled("Did it myself", null)))
                .isInstanceOf(OwnRequestException.class);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);

        users.createIfAbsent(new UserAccount("fiona", "Fiona Smit", "fiona@loket.example", null, true,
                Set.of(Roles.EMPLOYEE, Roles.FULFILLER)), "secret-for-fiona");
        testUsers.loginAs("fiona");
        taskForms.complete(taskFor(request).taskId(), fulfilled("Installed", null));
        processes.executeJobs();
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
    }

    /** The fulfil form's values for "done", as the browser sends them (a hidden field is left out). */
    private static Map<String, Object> fulfilled(String done, String note) {
        Map<String, Object> values = new HashMap<>();
        values.put(SoftwareAccessProcess.FULFILLED.name(), true);
        values.put(SoftwareAccessProcess.FULFILMENT_DONE.name(), done);
        values.put(SoftwareAccessProcess.FULFILMENT_NOTE.name(), note == null ? "" : note);
        return values;
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
