package nl.loket.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Starts and inspects process instances. The rest of Loket talks to the engine through this package only. */
@Service
public class WorkflowService {

    private final RuntimeService runtimeService;
    private final org.camunda.bpm.engine.ManagementService managementService;

    WorkflowService(RuntimeService runtimeService, org.camunda.bpm.engine.ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /**
     * Starts the latest version of the process; joins the caller's transaction. Returns the instance id. Lists and
     * maps (a form's checklists, groups with a path, dynamic lists) are stored as Json, as Tasklist stores them.
     */
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return started(processKey, () -> runtimeService.startProcessInstanceByKey(processKey, businessKey,
                JsonVariables.toEngine(variables)));
    }

    /**
     * Starts this version of a process, as {@link #start} does: the version whose start form the submission was
     * checked against.
     */
    public String startVersion(String definitionId, String businessKey, Map<String, Object> variables) {
        return started(definitionId, () -> runtimeService.startProcessInstanceById(definitionId, businessKey,
                JsonVariables.toEngine(variables)));
    }

    private static String started(String process, java.util.function.Supplier<ProcessInstance> start) {
        try {
            return start.get().getId();
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            throw new ProcessModelException("Process '" + process + "' could not be started", e);
        }
    }

    /**
     * Delivers a message to an instance that waits for it. Returns false when the instance is not waiting for it
     * right now (busy in a step, or ended): callers store their change first, so the instance picks it up anyway
     * when it next decides what to wait for.
     */
    public boolean message(String messageName, String processInstanceId) {
        return !runtimeService.createMessageCorrelation(messageName).processInstanceId(processInstanceId)
                .correlateAllWithResult().isEmpty();
    }

    /**
     * The latest error of a failing job (retried, or an incident) per process instance, for those of these
     * instances that have one.
     */
    public java.util.Map<String, String> failures(java.util.Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(processInstanceIds);
        java.util.Map<String, String> failures = new java.util.HashMap<>();
        managementService.createJobQuery().withException().list().stream()
                .filter(job -> wanted.contains(job.getProcessInstanceId()))
                .forEach(job -> failures.put(job.getProcessInstanceId(), job.getExceptionMessage()));
        return failures;
    }

    /** Whether the instance still runs. */
    public boolean isRunning(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /**
     * Ends a running instance, e.g. when its request is withdrawn: its open tasks and jobs go, the history keeps the
     * reason. The model's own listeners are skipped (they must not, say, report it fulfilled); Loket's listeners on
     * every user task still run, so the tasks leave the inbox. Returns false if the instance had already ended.
     */
    public boolean cancel(String processInstanceId, String reason) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return false;
        }
        runtimeService.deleteProcessInstance(processInstanceId, reason, true, true);
        return true;
    }
}
