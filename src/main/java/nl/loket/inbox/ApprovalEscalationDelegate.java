package nl.loket.inbox;

import nl.loket.request.RequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After an escalation timer on a user task: moves it up (see {@link EscalationService#escalate}). */
@Component
class ApprovalEscalationDelegate implements JavaDelegate {

    private final EscalationService escalations;

    ApprovalEscalationDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.escalate(RequestVariables.REQUEST_ID.from(execution), execution.getProcessInstanceId(),
                (String) execution.getVariableLocal(ApprovalReminderDelegate.TASK_KEY));
    }
}
