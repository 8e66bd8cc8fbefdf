package nl.loket.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Runs the engine's due jobs in the test thread, as the job executor would. */
@Component
public class TestProcesses {

    private final ManagementService managementService;

    TestProcesses(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** Executes executable jobs until none are left (bounded, so a job that keeps creating jobs cannot hang). */
    public void executeJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs kept coming after 20 rounds");
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
