package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_HandleLeaseMilestone: a reminder, the expiry, or the end of the grace period. */
@Component
class HandleLeaseMilestoneDelegate implements JavaDelegate {

    private final EnvironmentLifecycle lifecycle;

    HandleLeaseMilestoneDelegate(EnvironmentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LEASE_OVER.set(execution, lifecycle.handleLeaseMilestone(ENVIRONMENT_ID.from(execution)));
    }
}
