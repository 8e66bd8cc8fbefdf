package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.NOT_FULFILLED_REASON;
import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RecordNotFulfilled: closes the request as not fulfilled and tells the requester why. */
@Component
class RecordNotFulfilledDelegate implements JavaDelegate {

    private final SoftwareAccessService service;

    RecordNotFulfilledDelegate(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a completion from Tasklist may come without a reason; the outcome is recorded all the same
        service.recordNotFulfilled(REQUEST_ID.from(execution), NOT_FULFILLED_REASON.fromOrNull(execution));
    }
}
