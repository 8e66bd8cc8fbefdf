package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ApplySchedule: starts or stops the environment as its schedule says now. */
@Component
class ApplyScheduleDelegate implements JavaDelegate {

    private final EnvironmentLifecycle lifecycle;

    ApplyScheduleDelegate(EnvironmentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.applySchedule(ENVIRONMENT_ID.from(execution));
    }
}
