package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RecordRefusal and ServiceTask_RecordRejection: refused by the rules (no reason) or by an approver. */
@Component
class RecordEnvironmentRefusalDelegate implements JavaDelegate {

    private final EnvironmentLifecycle lifecycle;

    RecordEnvironmentRefusalDelegate(EnvironmentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.recordRefusal(ENVIRONMENT_ID.from(execution), REJECTION_REASON.fromOrNull(execution));
    }
}
