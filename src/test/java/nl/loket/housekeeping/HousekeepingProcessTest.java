package nl.loket.housekeeping;

import static nl.loket.housekeeping.HousekeepingProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/** Both paths through processes/loket-housekeeping.bpmn: the nightly purge, and a purge that keeps failing. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/loket-housekeeping.bpmn")
class HousekeepingProcessTest {

    ProcessEngine engine;

    private final JavaDelegate purge = mock(JavaDelegate.class);

    @BeforeEach
    void registerMocks() {
        BpmnAwareTests.init(engine);
        Mocks.register("purgeExpiredRowsDelegate", purge);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void every_night_the_timer_starts_a_purge_and_waits_for_the_next_night() throws Exception {
        ProcessInstance instance = fireTimer();
        assertThat(instance).isWaitingAt(PURGE);
        execute(job());
        assertThat(instance).hasPassed(START, PURGE).isEnded().hasPassed(END);
        verify(purge, times(1)).execute(any());
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().timers().count())
                .as("the next night").isOne();
    }

    @Test
    void a_purge_that_keeps_failing_becomes_an_incident_after_its_retries() throws Exception {
        doThrow(new IllegalStateException("database away")).when(purge).execute(any());
        ProcessInstance instance = fireTimer();
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = job(instance);
            try {
                managementService().executeJob(job.getId());
            } catch (IllegalStateException expected) {
                // retried by the engine after R3/PT10M; here the test runs the retry itself
            }
        }
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).count()).isOne();
        assertThat(instance).isWaitingAt(PURGE);
    }

    private ProcessInstance fireTimer() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        managementService().executeJob(timer.getId());
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
    }
}
