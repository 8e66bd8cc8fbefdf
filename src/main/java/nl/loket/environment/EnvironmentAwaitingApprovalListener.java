package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of each UserTask_ApproveEnvironment: the request awaits approval and the approver is told. */
@Component
class EnvironmentAwaitingApprovalListener implements TaskListener {

    private final EnvironmentLifecycle lifecycle;

    EnvironmentAwaitingApprovalListener(EnvironmentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        lifecycle.awaitingApproval(REQUEST_ID.from(task), task.getAssignee());
    }
}
