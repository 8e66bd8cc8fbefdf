package nl.loket.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Starts and inspects process instances. The rest of Loket talks to the engine through this package only. */
@Service
public class WorkflowService {

    private final RuntimeService runtimeService;

    WorkflowService(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the latest version of the process; joins the caller's transaction. Returns the instance id. */
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(processKey, businessKey, variables);
        return instance.getId();
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
