package nl.loket.inbox;

import nl.loket.request.RequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a reminder timer on a user task: reminds whoever has that task. The task is the timer's attached activity,
 * named by the service task's input {@code taskKey}.
 */
@Component
class ApprovalReminderDelegate implements JavaDelegate {

    static final String TASK_KEY = "taskKey";

    private final EscalationService escalations;

    ApprovalReminderDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.remind(RequestVariables.REQUEST_ID.from(execution), execution.getProcessInstanceId(),
                (String) execution.getVariableLocal(TASK_KEY));
    }
}
