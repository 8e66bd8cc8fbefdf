package nl.loket.environment;

import static nl.loket.environment.LeaseExtensionProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import nl.loket.workflow.ProcessVariables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Both paths through processes/environment-lease-extension.bpmn, delegates mocked. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/environment-lease-extension.bpmn", "forms/environment-approve.form"})
class LeaseExtensionProcessTest {

    ProcessEngine engine;

    private final JavaDelegate extend = mock(JavaDelegate.class);
    private final JavaDelegate recordRejection = mock(JavaDelegate.class);
    private final TaskListener awaitingApproval = mock(TaskListener.class);

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(engine);
        Mocks.register("extendLeaseDelegate", extend);
        Mocks.register("recordExtensionRejectionDelegate", recordRejection);
        Mocks.register("environmentAwaitingApprovalListener", awaitingApproval);
        Mocks.register("escalationPolicy", new EnvironmentProcessTest.Escalation());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void the_tenant_owner_approves_and_the_lease_is_extended() throws Exception {
        ProcessInstance instance = start("mark");
        assertThat(instance).isWaitingAt(APPROVE).task().isAssignedTo("mark")
                .hasDueDate(EnvironmentProcessTest.Escalation.REMINDER);
        verify(awaitingApproval, times(1)).notify(any());
        complete(task(instance), ProcessVariables.create().with(APPROVED, true).asMap());
        execute(job());
        assertThat(instance).hasPassed(EXTEND, END_EXTENDED).isEnded();
        verify(recordRejection, never()).execute(any());
    }

    @Test
    void a_rejection_keeps_the_lease_and_tells_why() throws Exception {
        ProcessInstance instance = start(null);
        assertThat(instance).isWaitingAt(APPROVE).task().hasCandidateGroup("approver");
        complete(task(instance), ProcessVariables.create().with(APPROVED, false)
                .with(REJECTION_REASON, "Move it to acceptance instead").asMap());
        execute(job());
        assertThat(instance).hasPassed(RECORD_REJECTION, END_REJECTED).isEnded();
        verify(extend, never()).execute(any());
    }

    private ProcessInstance start(String approver) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, "REQ-2026-000009", ProcessVariables.create()
                .with(REQUEST_ID, 9L).with(REQUESTER, "emma").with(APPROVER, approver).with(ENVIRONMENT_ID, 42L)
                .asMap());
    }
}
