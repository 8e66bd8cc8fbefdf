package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_Provision: asks the provider to create the environment (async, retried, then an incident). */
@Component
class ProvisionEnvironmentDelegate implements JavaDelegate {

    private final EnvironmentLifecycle lifecycle;

    ProvisionEnvironmentDelegate(EnvironmentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PROVISIONED.set(execution, lifecycle.provision(ENVIRONMENT_ID.from(execution), execution.getProcessInstanceId()));
    }
}
