package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import nl.loket.workflow.ProcessVariables;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * One test per path through processes/environment.bpmn on a standalone engine, delegates mocked: the approval
 * routes the decision table picks, provisioning (slow, failing), and the life of an environment (schedule, lease,
 * changes, deletion). Lifecycle behaviour against real services is in EnvironmentLifecycleIT.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/environment.bpmn", "processes/decisions/environment-approval.dmn",
        "forms/environment-approve.form"})
class EnvironmentProcessTest {

    private static final long REQUEST = 7L;
    private static final long ENVIRONMENT = 42L;

    ProcessEngine engine;

    private final JavaDelegate provision = mock(JavaDelegate.class);
    private final JavaDelegate checkProvisioning = mock(JavaDelegate.class);
    private final JavaDelegate applySchedule = mock(JavaDelegate.class);
    private final JavaDelegate handleLeaseMilestone = mock(JavaDelegate.class);
    private final JavaDelegate delete = mock(JavaDelegate.class);
    private final JavaDelegate recordRefusal = mock(JavaDelegate.class);
    private final JavaDelegate remind = mock(JavaDelegate.class);
    private final JavaDelegate escalate = mock(JavaDelegate.class);
    private final TaskListener awaitingApproval = mock(TaskListener.class);
    private final Timers timers = new Timers();
    private final List<String> refusalReasons = new ArrayList<>();
    private boolean providerReadyAtOnce = true;
    private boolean leaseOverNext;

    /** Stands in for the environmentTimers bean; each test sets what it needs. */
    public static class Timers {
        Instant scheduleChange = Instant.now().plus(10, ChronoUnit.HOURS);
        Instant leaseMilestone = Instant.now().plus(20, ChronoUnit.DAYS);
        int scheduleAsked;

        public String providerPoll() {
            return "PT15S";
        }

        public Date nextScheduleChange(DelegateExecution execution) {
            scheduleAsked++;
            return Date.from(scheduleChange);
        }

        public Date nextLeaseMilestone(DelegateExecution execution) {
            return Date.from(leaseMilestone);
        }
    }

    /** Stands in for the environmentApprovers bean: the demo tenant's privacy owner and owner. */
    public static class Approvers {
        public String assignee(String role, DelegateExecution execution) {
            return PRIVACY_OWNER.equals(role) ? "sanne" : "mark";
        }
    }

    /** Stands in for the escalation policy: reminder after 2 days, escalation after 5. */
    public static class Escalation {
        /** When the (mocked) policy reminds: also when the model says an approval is due. */
        static final Date REMINDER = Date.from(Instant.parse("2026-12-04T09:00:00Z"));

        public Date reminderAt(DelegateExecution execution) {
            return REMINDER;
        }

        public Date escalationAt(DelegateExecution execution) {
            return Date.from(Instant.now().plus(5, ChronoUnit.DAYS));
        }
    }

    @BeforeEach
    void registerMocks() throws Exception {
        BpmnAwareTests.init(engine);
        Mocks.register("provisionEnvironmentDelegate", provision);
        Mocks.register("checkProvisioningDelegate", checkProvisioning);
        Mocks.register("applyScheduleDelegate", applySchedule);
        Mocks.register("handleLeaseMilestoneDelegate", handleLeaseMilestone);
        Mocks.register("deleteEnvironmentDelegate", delete);
        Mocks.register("recordEnvironmentRefusalDelegate", recordRefusal);
        Mocks.register("approvalReminderDelegate", remind);
        Mocks.register("approvalEscalationDelegate", escalate);
        Mocks.register("environmentAwaitingApprovalListener", awaitingApproval);
        Mocks.register("environmentTimers", timers);
        Mocks.register("environmentApprovers", new Approvers());
        Mocks.register("escalationPolicy", new Escalation());
        doAnswer(call -> {
            PROVISIONED.set(call.<DelegateExecution>getArgument(0), providerReadyAtOnce);
            return null;
        }).when(provision).execute(any());
        doAnswer(call -> {
            PROVISIONED.set(call.<DelegateExecution>getArgument(0), true);
            return null;
        }).when(checkProvisioning).execute(any());
        doAnswer(call -> {
            LEASE_OVER.set(call.<DelegateExecution>getArgument(0), leaseOverNext);
            return null;
        }).when(handleLeaseMilestone).execute(any());
        doAnswer(call -> refusalReasons.add(REJECTION_REASON.fromOrNull(call.<DelegateExecution>getArgument(0))))
                .when(recordRefusal).execute(any());
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void development_within_budget_is_made_without_approval_and_then_lives_on_its_timers() throws Exception {
        ProcessInstance instance = start("development", false, false, 0);
        assertThat(instance).hasPassed(DETERMINE_APPROVALS).hasNotPassed(APPROVE).isWaitingAt(PROVISION);
        execute(jobAt(instance, PROVISION));
        assertThat(instance).hasPassed(PROVISION).isWaitingAtExactly(WAIT_FOR_EVENT);
        Assertions.assertThat(jobAt(instance, SCHEDULE_CHANGE)).as("the next start or stop").isNotNull();
        Assertions.assertThat(jobAt(instance, LEASE_MILESTONE)).as("the next lease milestone").isNotNull();
        Assertions.assertThat(engine.getRuntimeService().createEventSubscriptionQuery()
                .processInstanceId(instance.getId()).eventType("message").list())
                .extracting(s -> s.getEventName()).containsExactlyInAnyOrder(MSG_ENVIRONMENT_CHANGED, MSG_DELETE_REQUESTED);
        verify(awaitingApproval, never()).notify(any());
    }

    @Test
    void production_data_over_budget_needs_the_privacy_owner_then_the_tenant_owner() throws Exception {
        ProcessInstance instance = start("test", true, true, 3.0);
        assertThat(instance).isWaitingAt(APPROVE).task().isAssignedTo("sanne").hasDueDate(Escalation.REMINDER);
        complete(task(instance), approve());
        assertThat(instance).isWaitingAt(APPROVE).task().isAssignedTo("mark").hasDueDate(Escalation.REMINDER);
        complete(task(instance), approve());
        assertThat(instance).isWaitingAt(PROVISION);
        verify(awaitingApproval, times(2)).notify(any());
        execute(jobAt(instance, PROVISION));
        assertThat(instance).isWaitingAt(WAIT_FOR_EVENT);
    }

    @Test
    void the_first_approver_who_rejects_ends_it_without_asking_the_next_or_making_anything() throws Exception {
        ProcessInstance instance = start("test", true, true, 3.0);
        complete(task(instance), ProcessVariables.create().with(APPROVED, false)
                .with(REJECTION_REASON, "No production data in test, use the anonymised set").asMap());
        execute(jobAt(instance, RECORD_REJECTION));
        assertThat(instance).hasPassed(RECORD_REJECTION, END_REJECTED).hasNotPassed(PROVISION).isEnded();
        Assertions.assertThat(refusalReasons).containsExactly("No production data in test, use the anonymised set");
        verify(provision, never()).execute(any());
        verify(awaitingApproval, times(1)).notify(any());
    }

    @Test
    void acceptance_within_budget_needs_the_tenant_owner_only() throws Exception {
        ProcessInstance instance = start("acceptance", false, false, 0);
        assertThat(instance).isWaitingAt(APPROVE).task().isAssignedTo("mark");
        complete(task(instance), approve());
        assertThat(instance).isWaitingAt(PROVISION);
    }

    @Test
    void far_over_budget_is_refused_by_the_rules_without_an_approver() throws Exception {
        ProcessInstance instance = start("development", false, true, 25.0);
        execute(jobAt(instance, RECORD_REFUSAL));
        assertThat(instance).hasPassed(RECORD_REFUSAL, END_REFUSED).hasNotPassed(APPROVE, PROVISION).isEnded();
        Assertions.assertThat(refusalReasons).containsExactly((String) null);
    }

    @Test
    void a_slow_provider_is_asked_again_after_a_wait() throws Exception {
        providerReadyAtOnce = false;
        ProcessInstance instance = start("development", false, false, 0);
        execute(jobAt(instance, PROVISION));
        assertThat(instance).isWaitingAtExactly(WAIT_FOR_PROVIDER);
        execute(jobAt(instance, WAIT_FOR_PROVIDER));
        execute(jobAt(instance, CHECK_PROVISIONING));
        assertThat(instance).hasPassed(WAIT_FOR_PROVIDER, CHECK_PROVISIONING).isWaitingAt(WAIT_FOR_EVENT);
    }

    @Test
    void a_failing_provider_is_retried_three_times_then_an_incident_and_an_admin_retry_succeeds() throws Exception {
        doThrow(new IllegalStateException("cloud unreachable")).when(provision).execute(any());
        ProcessInstance instance = start("development", false, false, 0);
        var management = engine.getManagementService();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = jobAt(instance, PROVISION);
            Assertions.assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("unreachable");
        }
        Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult().getIncidentMessage()).contains("cloud unreachable");

        doAnswer(call -> {
            PROVISIONED.set(call.<DelegateExecution>getArgument(0), true);
            return null;
        }).when(provision).execute(any());
        management.setJobRetries(jobAt(instance, PROVISION).getId(), 1);
        execute(jobAt(instance, PROVISION));
        Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .count()).isZero();
        assertThat(instance).isWaitingAt(WAIT_FOR_EVENT);
    }

    @Test
    void a_due_schedule_change_starts_or_stops_it_and_the_next_one_is_planned() throws Exception {
        ProcessInstance instance = running();
        int asked = timers.scheduleAsked;
        execute(jobAt(instance, SCHEDULE_CHANGE));
        execute(jobAt(instance, APPLY_SCHEDULE));
        assertThat(instance).hasPassed(APPLY_SCHEDULE).isWaitingAt(WAIT_FOR_EVENT);
        verify(applySchedule, times(1)).execute(any());
        Assertions.assertThat(timers.scheduleAsked).isEqualTo(asked + 1);
    }

    @Test
    void a_lease_reminder_leaves_it_running_and_the_end_of_the_grace_period_deletes_it() throws Exception {
        ProcessInstance instance = running();
        execute(jobAt(instance, LEASE_MILESTONE));
        execute(jobAt(instance, HANDLE_LEASE_MILESTONE));
        assertThat(instance).isWaitingAt(WAIT_FOR_EVENT).hasNotPassed(DELETE);

        leaseOverNext = true;
        execute(jobAt(instance, LEASE_MILESTONE));
        execute(jobAt(instance, HANDLE_LEASE_MILESTONE));
        execute(jobAt(instance, DELETE));
        assertThat(instance).hasPassed(DELETE, END_DELETED).isEnded();
        verify(handleLeaseMilestone, times(2)).execute(any());
    }

    @Test
    void a_change_replans_the_timers() throws Exception {
        ProcessInstance instance = running();
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        timers.scheduleChange = later;
        engine.getRuntimeService().createMessageCorrelation(MSG_ENVIRONMENT_CHANGED)
                .processInstanceId(instance.getId()).correlate();
        assertThat(instance).hasPassed(ENVIRONMENT_CHANGED).isWaitingAt(WAIT_FOR_EVENT);
        Assertions.assertThat(jobAt(instance, SCHEDULE_CHANGE).getDuedate()).isEqualTo(Date.from(later));
    }

    @Test
    void delete_now_deletes_it_and_ends() throws Exception {
        ProcessInstance instance = running();
        engine.getRuntimeService().createMessageCorrelation(MSG_DELETE_REQUESTED)
                .processInstanceId(instance.getId()).correlate();
        Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().count()).as("its timers are gone").isZero();
        execute(jobAt(instance, DELETE));
        assertThat(instance).hasPassed(DELETE_REQUESTED, DELETE, END_DELETED).isEnded();
    }

    @Test
    void an_untouched_approval_is_reminded_and_escalated_and_can_still_be_decided() throws Exception {
        ProcessInstance instance = start("acceptance", false, false, 0);
        execute(jobAt(instance, "BoundaryEvent_RemindApprover"));
        execute(jobAt(instance, "ServiceTask_SendReminder"));
        execute(jobAt(instance, "BoundaryEvent_EscalateApproval"));
        execute(jobAt(instance, "ServiceTask_EscalateApproval"));
        verify(remind, times(1)).execute(any());
        verify(escalate, times(1)).execute(any());
        assertThat(instance).hasPassed("EndEvent_ReminderSent", "EndEvent_Escalated").isWaitingAt(APPROVE);
        complete(task(instance), approve());
        assertThat(instance).isWaitingAt(PROVISION);
    }

    private ProcessInstance running() {
        ProcessInstance instance = start("development", false, false, 0);
        execute(jobAt(instance, PROVISION));
        return instance;
    }

    private ProcessInstance start(String stage, boolean productionData, boolean overBudget, double overrunPercent) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, "REQ-2026-000007", ProcessVariables.create()
                .with(REQUEST_ID, REQUEST)
                .with(REQUESTER, "emma")
                .with(ENVIRONMENT_ID, ENVIRONMENT)
                .with(TENANT, "utrecht")
                .with(STAGE, stage)
                .with(PRODUCTION_DATA, productionData)
                .with(OVER_BUDGET, overBudget)
                .with(OVERRUN_PERCENT, overrunPercent)
                .asMap());
    }

    private static Map<String, Object> approve() {
        return ProcessVariables.create().with(APPROVED, true).asMap();
    }

    private Job jobAt(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
    }
}
