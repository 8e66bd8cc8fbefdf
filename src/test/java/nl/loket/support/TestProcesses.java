package nl.loket.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Runs the engine's due jobs in the test thread, as the job executor would. */
@Component
public class TestProcesses {

    private final ManagementService managementService;
    private final org.camunda.bpm.engine.RuntimeService runtimeService;

    TestProcesses(ManagementService managementService, org.camunda.bpm.engine.RuntimeService runtimeService) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    /**
     * Executes executable jobs until none are left (bounded, so a job that keeps creating jobs cannot hang). One at a
     * time, asking again after each: a job may remove others (the timers of an event-based gateway).
     */
    public void executeJobs() {
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().listPage(0, 1);
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new IllegalStateException("Jobs kept coming after 200 jobs");
    }

    /** Ends the running instances of a process, so that their timers do not fire in other tests sharing the engine. */
    public void endAll(String processKey) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over", true, true));
    }

    /** Executes the due jobs of one instance until none are left, so other tests' timers stay untouched. */
    public void executeJobsOf(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new IllegalStateException("Jobs kept coming after 50 rounds");
    }

    public List<Job> jobsOf(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).list();
    }
}
