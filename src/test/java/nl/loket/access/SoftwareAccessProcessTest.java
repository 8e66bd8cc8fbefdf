package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.ADMIN_RIGHTS;
import static nl.loket.access.SoftwareAccessProcess.APPROVAL_REQUIRED;
import static nl.loket.access.SoftwareAccessProcess.APPROVED;
import static nl.loket.access.SoftwareAccessProcess.APPROVER;
import static nl.loket.access.SoftwareAccessProcess.APPROVE_REQUEST;
import static nl.loket.access.SoftwareAccessProcess.DETERMINE_APPROVAL;
import static nl.loket.access.SoftwareAccessProcess.END_ESCALATED;
import static nl.loket.access.SoftwareAccessProcess.END_GRANTED;
import static nl.loket.access.SoftwareAccessProcess.END_NOT_FULFILLED;
import static nl.loket.access.SoftwareAccessProcess.FULFILLED;
import static nl.loket.access.SoftwareAccessProcess.FULFILMENT_DONE;
import static nl.loket.access.SoftwareAccessProcess.FULFILMENT_NOTE;
import static nl.loket.access.SoftwareAccessProcess.FULFIL_FORM;
import static nl.loket.access.SoftwareAccessProcess.FULFIL_MANUALLY;
import static nl.loket.access.SoftwareAccessProcess.MANUAL_FULFILMENT;
import static nl.loket.access.SoftwareAccessProcess.NOT_FULFILLED_REASON;
import static nl.loket.access.SoftwareAccessProcess.RECORD_NOT_FULFILLED;
import static nl.loket.access.SoftwareAccessProcess.END_REMINDED;
import static nl.loket.access.SoftwareAccessProcess.ESCALATE;
import static nl.loket.access.SoftwareAccessProcess.SEND_REMINDER;
import static nl.loket.access.SoftwareAccessProcess.TIMER_ESCALATE;
import static nl.loket.access.SoftwareAccessProcess.TIMER_REMIND;
import static nl.loket.access.SoftwareAccessProcess.END_REJECTED;
import static nl.loket.access.SoftwareAccessProcess.GRANT_ACCESS;
import static nl.loket.access.SoftwareAccessProcess.KEY;
import static nl.loket.access.SoftwareAccessProcess.JUSTIFICATION;
import static nl.loket.access.SoftwareAccessProcess.LICENCE_COST;
import static nl.loket.access.SoftwareAccessProcess.RECORD_REJECTION;
import static nl.loket.access.SoftwareAccessProcess.REJECTION_REASON;
import static nl.loket.access.SoftwareAccessProcess.REQUESTER;
import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;
import static nl.loket.access.SoftwareAccessProcess.SOFTWARE;
import static nl.loket.access.SoftwareAccessProcess.START;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import nl.loket.security.Roles;
import nl.loket.workflow.ProcessVariables;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One test per path through processes/software-access.bpmn, on a standalone engine (src/test/resources/camunda.cfg.xml)
 * with the delegates and listeners mocked: this tests the diagram, not the service behind it.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "processes/software-access.bpmn",
        "processes/decisions/software-access-approval.dmn",
        "forms/software-access-approve.form",
        "forms/software-access-fulfil.form",
        "forms/software-access-request.form"})
class SoftwareAccessProcessTest {

    private static final long REQUEST = 42L;
    private static final String EMPLOYEE = "erik";
    private static final String MANAGER = "marieke";
    private static final double FREE = 0.0;
    private static final double PAID = 12.5;
    private static final int RETRIES = 3;
    /** Products without a directory group: an IT fulfiller installs them. */
    private static final long FREE_MANUAL = 3L;
    private static final long PAID_MANUAL = 4L;
    private static final List<Long> MANUAL = List.of(FREE_MANUAL, PAID_MANUAL);

    /** Injected by {@link ProcessEngineExtension}. */
    ProcessEngine engine;

    private final JavaDelegate grantAccess = mock(JavaDelegate.class);
    private final JavaDelegate recordRejection = mock(JavaDelegate.class);
    private final TaskListener markAwaitingApproval = mock(TaskListener.class);
    private final TaskListener markApproved = mock(TaskListener.class);
    private final ExecutionListener recordRequest = mock(ExecutionListener.class);
    private final TaskListener markAwaitingFulfilment = mock(TaskListener.class);
    private final TaskListener recordFulfilment = mock(TaskListener.class);
    private final JavaDelegate recordNotFulfilled = mock(JavaDelegate.class);
    private final JavaDelegate remind = mock(JavaDelegate.class);
    private final JavaDelegate escalate = mock(JavaDelegate.class);
    private final List<String> remindedTaskKeys = new ArrayList<>();

    /** Stands in for the Spring bean: reminder after 2 days, escalation after 5 (calendar days here). */
    public static class FixedEscalationPolicy {
        /** When the (mocked) policy reminds: also when the model says an approval is due. */
        static final Date REMINDER = Date.from(Instant.parse("2026-12-04T09:00:00Z"));

        public Date reminderAt(DelegateExecution execution) {
            return REMINDER;
        }

        public Date escalationAt(DelegateExecution execution) {
            return Date.from(Instant.parse("2026-12-09T09:00:00Z"));
        }
    }

    /** The licence cost of the software the (mocked) catalogue knows, by id. */
    private final Map<Long, Double> licenceCosts = Map.of(1L, FREE, 2L, PAID, FREE_MANUAL, FREE, PAID_MANUAL, PAID);
    private final List<Long> recordedRequestIds = new ArrayList<>();

    /** What the mocks saw while the engine called them (the delegate objects are stale afterwards). */
    private final List<Long> grantedRequestIds = new ArrayList<>();
    private final List<String> rejectionReasons = new ArrayList<>();
    private final List<String> assigneesAtCreation = new ArrayList<>();
    private final List<Map<String, Object>> recordedFulfilments = new ArrayList<>();
    private final List<String> notFulfilledReasons = new ArrayList<>();

    @BeforeEach
    void registerMocks() throws Exception {
        BpmnAwareTests.init(engine);
        Mocks.register("grantSoftwareAccessDelegate", grantAccess);
        Mocks.register("recordRejectionDelegate", recordRejection);
        Mocks.register("markAwaitingApprovalListener", markAwaitingApproval);
        Mocks.register("markApprovedListener", markApproved);
        Mocks.register("recordSoftwareRequestListener", recordRequest);
        Mocks.register("approvalReminderDelegate", remind);
        Mocks.register("approvalEscalationDelegate", escalate);
        Mocks.register("escalationPolicy", new FixedEscalationPolicy());
        Mocks.register("markAwaitingFulfilmentListener", markAwaitingFulfilment);
        Mocks.register("recordFulfilmentListener", recordFulfilment);
        Mocks.register("recordNotFulfilledDelegate", recordNotFulfilled);
        doAnswer(call -> remindedTaskKeys.add((String) call.<DelegateExecution>getArgument(0).getVariableLocal("taskKey")))
                .when(remind).execute(any());

        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            recordedRequestIds.add(REQUEST_ID.from(execution));
            LICENCE_COST.set(execution, licenceCosts.get(SOFTWARE.from(execution)));
            MANUAL_FULFILMENT.set(execution, MANUAL.contains(SOFTWARE.from(execution)));
            return null;
        }).when(recordRequest).notify(any());

        doAnswer(call -> grantedRequestIds.add(REQUEST_ID.from(call.<DelegateExecution>getArgument(0))))
                .when(grantAccess).execute(any());
        doAnswer(call -> rejectionReasons.add(REJECTION_REASON.from(call.<DelegateExecution>getArgument(0))))
                .when(recordRejection).execute(any());
        doAnswer(call -> assigneesAtCreation.add(call.<DelegateTask>getArgument(0).getAssignee()))
                .when(markAwaitingApproval).notify(any());
        doAnswer(call -> recordedFulfilments.add(call.<DelegateTask>getArgument(0).getVariables()))
                .when(recordFulfilment).notify(any());
        doAnswer(call -> notFulfilledReasons.add(NOT_FULFILLED_REASON.from(call.<DelegateExecution>getArgument(0))))
                .when(recordNotFulfilled).execute(any());
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void the_start_records_the_request_and_gives_the_decision_its_licence_cost() throws Exception {
        ProcessInstance instance = start(MANAGER, PAID, false);

        verify(recordRequest, times(1)).notify(any());
        Assertions.assertThat(recordedRequestIds).containsExactly(REQUEST);
        assertThat(instance).variables().containsEntry(LICENCE_COST.name(), PAID)
                .containsEntry(APPROVAL_REQUIRED.name(), true);
    }

    @Test
    void an_untouched_approval_is_reminded_then_escalated_and_can_still_be_decided() throws Exception {
        ProcessInstance instance = start(MANAGER, PAID, false);
        ManagementService management = engine.getManagementService();
        Job reminderTimer = management.createJobQuery().processInstanceId(instance.getId()).activityId(TIMER_REMIND)
                .singleResult();
        Job escalationTimer = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(TIMER_ESCALATE).singleResult();
        Assertions.assertThat(reminderTimer.getDuedate()).isBefore(escalationTimer.getDuedate());

        execute(reminderTimer);
        assertThat(instance).isWaitingAt(APPROVE_REQUEST, SEND_REMINDER);
        execute(management.createJobQuery().processInstanceId(instance.getId()).activityId(SEND_REMINDER).singleResult());
        assertThat(instance).hasPassed(SEND_REMINDER, END_REMINDED).isWaitingAtExactly(APPROVE_REQUEST);
        Assertions.assertThat(remindedTaskKeys).containsExactly(APPROVE_REQUEST);

        execute(escalationTimer);
        execute(management.createJobQuery().processInstanceId(instance.getId()).activityId(ESCALATE).singleResult());
        assertThat(instance).hasPassed(ESCALATE, END_ESCALATED).isWaitingAtExactly(APPROVE_REQUEST);
        verify(escalate, times(1)).execute(any());

        complete(task(instance), ProcessVariables.create().with(APPROVED, true).asMap());
        execute(job());
        assertThat(instance).hasPassed(GRANT_ACCESS, END_GRANTED).isEnded();
    }

    @Test
    void a_decision_before_the_timers_cancels_them() throws Exception {
        ProcessInstance instance = start(MANAGER, PAID, false);
        complete(task(instance), ProcessVariables.create().with(APPROVED, true).asMap());

        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().count()).isZero();
        execute(job());
        assertThat(instance).isEnded().hasNotPassed(SEND_REMINDER, ESCALATE);
        verify(remind, never()).execute(any());
    }

    @Test
    void the_start_form_is_linked_from_the_deployment() {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .singleResult().getId();
        Assertions.assertThat(engine.getFormService().getStartFormData(definitionId).getCamundaFormRef().getKey())
                .isEqualTo("software-access-request");
    }

    @Test
    void free_software_without_admin_rights_is_granted_without_approval() throws Exception {
        ProcessInstance instance = start(MANAGER, FREE, false);

        assertThat(instance).hasPassed(START, DETERMINE_APPROVAL).isWaitingAt(GRANT_ACCESS);
        assertThat(instance).variables().containsEntry(APPROVAL_REQUIRED.name(), false);

        execute(job());

        assertThat(instance).hasPassed(GRANT_ACCESS, END_GRANTED).hasNotPassed(APPROVE_REQUEST, END_REJECTED, FULFIL_MANUALLY)
                .isEnded();
        verify(grantAccess, times(1)).execute(any());
        Assertions.assertThat(grantedRequestIds).containsExactly(REQUEST);
        Assertions.assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId()).count()).isZero();
        verify(markAwaitingApproval, never()).notify(any());
        verify(recordRejection, never()).execute(any());
    }

    @Test
    void paid_licence_waits_for_the_managers_approval() throws Exception {
        ProcessInstance instance = start(MANAGER, PAID, false);

        assertThat(instance).isWaitingAtExactly(APPROVE_REQUEST);
        assertThat(instance).variables().containsEntry(APPROVAL_REQUIRED.name(), true);
        assertThat(instance).task().isAssignedTo(MANAGER).hasCandidateGroupAssociated(Roles.APPROVER);
        Assertions.assertThat(assigneesAtCreation).as("the create listener notifies the assignee").containsExactly(MANAGER);
        verify(grantAccess, never()).execute(any());

        complete(task(instance), ProcessVariables.create().with(APPROVED, true).asMap());

        assertThat(instance).hasPassed(APPROVE_REQUEST).isWaitingAt(GRANT_ACCESS);
        verify(markApproved, times(1)).notify(any());

        execute(job());

        assertThat(instance).hasPassed(GRANT_ACCESS, END_GRANTED)
                .hasNotPassed(RECORD_REJECTION, END_REJECTED, FULFIL_MANUALLY).isEnded();
        verify(grantAccess, times(1)).execute(any());
        Assertions.assertThat(grantedRequestIds).containsExactly(REQUEST);
        verify(recordRejection, never()).execute(any());
    }

    @Test
    void admin_rights_on_free_software_also_need_approval() throws Exception {
        ProcessInstance instance = start(MANAGER, FREE, true);

        assertThat(instance).isWaitingAtExactly(APPROVE_REQUEST);
        assertThat(instance).variables().containsEntry(APPROVAL_REQUIRED.name(), true);
        assertThat(instance).task().isAssignedTo(MANAGER).hasCandidateGroupAssociated(Roles.APPROVER)
                .as("due when the reminder goes").hasDueDate(FixedEscalationPolicy.REMINDER);
        verify(markAwaitingApproval, times(1)).notify(any());
        verify(grantAccess, never()).execute(any());
    }

    @Test
    void rejected_request_ends_without_granting_access() throws Exception {
        ProcessInstance instance = start(MANAGER, PAID, false);
        assertThat(instance).isWaitingAt(APPROVE_REQUEST);

        complete(task(instance), ProcessVariables.create()
                .with(APPROVED, false)
                .with(REJECTION_REASON, "Not in this year's budget")
                .asMap());

        assertThat(instance).isWaitingAt(RECORD_REJECTION);
        verify(recordRejection, never()).execute(any());

        execute(job());

        assertThat(instance).hasPassed(RECORD_REJECTION, END_REJECTED).hasNotPassed(GRANT_ACCESS, END_GRANTED).isEnded();
        verify(recordRejection, times(1)).execute(any());
        Assertions.assertThat(rejectionReasons).containsExactly("Not in this year's budget");
        verify(grantAccess, never()).execute(any());
    }

    @Test
    void request_without_a_manager_is_offered_to_the_approver_group() throws Exception {
        ProcessInstance instance = start(null, PAID, false);

        assertThat(instance).isWaitingAtExactly(APPROVE_REQUEST);
        assertThat(instance).task().isNotAssigned().hasCandidateGroup(Roles.APPROVER);
        Assertions.assertThat(assigneesAtCreation).containsExactly((String) null);
    }

    @Test
    void grant_that_keeps_failing_becomes_an_incident_after_three_attempts() throws Exception {
        doThrow(new RuntimeException("directory unavailable")).when(grantAccess).execute(any());
        ProcessInstance instance = start(MANAGER, FREE, false);
        ManagementService management = engine.getManagementService();
        String jobId = job(instance).getId();
        Assertions.assertThat(job(instance).getRetries()).isEqualTo(RETRIES);

        for (int attempt = 1; attempt <= RETRIES; attempt++) {
            Assertions.assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("directory unavailable");
            Assertions.assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries())
                    .as("retries left after attempt %d", attempt).isEqualTo(RETRIES - attempt);
        }

        verify(grantAccess, times(RETRIES)).execute(any());
        Incident incident = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).singleResult();
        Assertions.assertThat(incident).isNotNull();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(GRANT_ACCESS);
        Assertions.assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        Assertions.assertThat(incident.getIncidentMessage()).contains("directory unavailable");
        assertThat(instance).isNotEnded().isWaitingAt(GRANT_ACCESS).hasNotPassed(END_GRANTED);
    }

    @Test
    void grant_that_fails_once_succeeds_on_retry_and_ends_normally() throws Exception {
        doThrow(new RuntimeException("directory unavailable")).doNothing().when(grantAccess).execute(any());
        ProcessInstance instance = start(MANAGER, FREE, false);
        ManagementService management = engine.getManagementService();
        Job grantJob = job(instance);

        Assertions.assertThatThrownBy(() -> management.executeJob(grantJob.getId()))
                .hasMessageContaining("directory unavailable");
        assertThat(instance).isWaitingAt(GRANT_ACCESS);
        Assertions.assertThat(job(instance).getRetries()).isEqualTo(RETRIES - 1);

        management.executeJob(grantJob.getId());

        assertThat(instance).hasPassed(GRANT_ACCESS, END_GRANTED).isEnded();
        verify(grantAccess, times(2)).execute(any());
        Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void a_free_manual_install_goes_to_the_fulfillers_without_approval_and_is_granted_once_done() throws Exception {
        ProcessInstance instance = startFor(FREE_MANUAL, MANAGER, false);

        assertThat(instance).hasPassed(DETERMINE_APPROVAL).hasNotPassed(APPROVE_REQUEST)
                .isWaitingAtExactly(FULFIL_MANUALLY);
        assertThat(instance).variables().containsEntry(MANUAL_FULFILMENT.name(), true);
        assertThat(instance).task().isNotAssigned().hasCandidateGroup(Roles.FULFILLER)
                .hasDueDate(FixedEscalationPolicy.REMINDER);
        Assertions.assertThat(engine.getFormService().getTaskFormData(task(instance).getId()).getCamundaFormRef()
                .getKey()).isEqualTo(FULFIL_FORM);
        verify(markAwaitingFulfilment, times(1)).notify(any());
        verify(markAwaitingApproval, never()).notify(any());
        verify(grantAccess, never()).execute(any());

        complete(task(instance), ProcessVariables.create()
                .with(FULFILLED, true)
                .with(FULFILMENT_DONE, "QGIS 3.40 installed on laptop LT-0042")
                .with(FULFILMENT_NOTE, "Start it from the Start menu.")
                .asMap());

        verify(recordFulfilment, times(1)).notify(any());
        Assertions.assertThat(recordedFulfilments).singleElement().satisfies(recorded -> Assertions.assertThat(recorded)
                .containsEntry(FULFILLED.name(), true)
                .containsEntry(FULFILMENT_DONE.name(), "QGIS 3.40 installed on laptop LT-0042")
                .containsEntry(FULFILMENT_NOTE.name(), "Start it from the Start menu."));
        assertThat(instance).hasPassed(FULFIL_MANUALLY).isWaitingAt(GRANT_ACCESS);

        execute(job());

        assertThat(instance).hasPassed(GRANT_ACCESS, END_GRANTED).hasNotPassed(RECORD_NOT_FULFILLED, END_NOT_FULFILLED)
                .isEnded();
        Assertions.assertThat(grantedRequestIds).containsExactly(REQUEST);
        verify(recordNotFulfilled, never()).execute(any());
    }

    @Test
    void a_paid_manual_install_is_approved_first_and_then_goes_to_the_fulfillers() throws Exception {
        ProcessInstance instance = startFor(PAID_MANUAL, MANAGER, false);
        assertThat(instance).isWaitingAtExactly(APPROVE_REQUEST);
        verify(markAwaitingFulfilment, never()).notify(any());

        complete(task(instance), ProcessVariables.create().with(APPROVED, true).asMap());

        assertThat(instance).hasPassed(APPROVE_REQUEST).isWaitingAtExactly(FULFIL_MANUALLY);
        assertThat(instance).task().hasCandidateGroup(Roles.FULFILLER);
        verify(grantAccess, never()).execute(any());

        complete(task(instance), ProcessVariables.create().with(FULFILLED, true)
                .with(FULFILMENT_DONE, "Licence assigned and installed").asMap());
        execute(job());

        assertThat(instance).hasPassed(FULFIL_MANUALLY, GRANT_ACCESS, END_GRANTED).isEnded();
        verify(grantAccess, times(1)).execute(any());
    }

    @Test
    void a_manual_install_that_cannot_be_done_ends_not_fulfilled_with_the_reason_and_grants_nothing() throws Exception {
        ProcessInstance instance = startFor(FREE_MANUAL, MANAGER, false);

        complete(task(instance), ProcessVariables.create()
                .with(FULFILLED, false)
                .with(NOT_FULFILLED_REASON, "Your laptop runs an operating system QGIS does not support.")
                .asMap());

        verify(recordFulfilment, times(1)).notify(any());
        assertThat(instance).hasPassed(FULFIL_MANUALLY).isWaitingAt(RECORD_NOT_FULFILLED);
        verify(recordNotFulfilled, never()).execute(any());

        execute(job());

        assertThat(instance).hasPassed(RECORD_NOT_FULFILLED, END_NOT_FULFILLED).hasNotPassed(GRANT_ACCESS, END_GRANTED)
                .isEnded();
        Assertions.assertThat(notFulfilledReasons)
                .containsExactly("Your laptop runs an operating system QGIS does not support.");
        verify(grantAccess, never()).execute(any());
    }

    @Test
    void a_rejected_manual_install_never_reaches_the_fulfillers() throws Exception {
        ProcessInstance instance = startFor(PAID_MANUAL, MANAGER, false);

        complete(task(instance), ProcessVariables.create().with(APPROVED, false)
                .with(REJECTION_REASON, "Use QGIS, it is free").asMap());
        execute(job());

        assertThat(instance).hasPassed(RECORD_REJECTION, END_REJECTED).hasNotPassed(FULFIL_MANUALLY, GRANT_ACCESS)
                .isEnded();
        verify(markAwaitingFulfilment, never()).notify(any());
    }

    /** Starts for a product of the automatic catalogue with that licence cost. */
    private ProcessInstance start(String approver, double licenceCost, boolean adminRights) {
        long software = licenceCosts.entrySet().stream()
                .filter(e -> e.getValue() == licenceCost && !MANUAL.contains(e.getKey()))
                .findFirst().orElseThrow().getKey();
        return startFor(software, approver, adminRights);
    }

    /** Starts as Loket does: the start form's values plus requestId, requester and approver. */
    private ProcessInstance startFor(long software, String approver, boolean adminRights) {
        Map<String, Object> variables = ProcessVariables.create()
                .with(REQUEST_ID, REQUEST)
                .with(REQUESTER, EMPLOYEE)
                .with(APPROVER, approver)
                .with(SOFTWARE, software)
                .with(JUSTIFICATION, "Needed for the process test.")
                .with(ADMIN_RIGHTS, adminRights)
                .asMap();
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, "REQ-2026-000042", variables);
    }
}
