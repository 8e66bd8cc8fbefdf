package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CheckProvisioning: asks the provider whether the environment is ready. */
@Component
class CheckProvisioningDelegate implements JavaDelegate {

    private final EnvironmentLifecycle lifecycle;

    CheckProvisioningDelegate(EnvironmentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PROVISIONED.set(execution, lifecycle.checkProvisioning(ENVIRONMENT_ID.from(execution)));
    }
}
