package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_GrantAccess: records the grant (async, retried; the service makes it idempotent). */
@Component
class GrantSoftwareAccessDelegate implements JavaDelegate {

    private final SoftwareAccessService service;

    GrantSoftwareAccessDelegate(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.grant(REQUEST_ID.from(execution), execution.getProcessInstanceId());
    }
}
