package nl.loket.environment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ExtendLease: the approved longer lease takes effect. */
@Component
class ExtendLeaseDelegate implements JavaDelegate {

    private final LeaseExtensions extensions;

    ExtendLeaseDelegate(LeaseExtensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        extensions.extend(LeaseExtensionProcess.REQUEST_ID.from(execution), execution.getProcessInstanceId());
    }
}
