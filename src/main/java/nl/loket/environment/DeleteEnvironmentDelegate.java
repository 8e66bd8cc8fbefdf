package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_Delete: removes the environment at its provider and books its last run. */
@Component
class DeleteEnvironmentDelegate implements JavaDelegate {

    private final EnvironmentLifecycle lifecycle;

    DeleteEnvironmentDelegate(EnvironmentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.delete(ENVIRONMENT_ID.from(execution));
    }
}
