package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.REJECTION_REASON;
import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RecordRejection: closes the request as rejected and tells the requester why. */
@Component
class RecordRejectionDelegate implements JavaDelegate {

    private final SoftwareAccessService service;

    RecordRejectionDelegate(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a completion from Tasklist may come without a reason; the rejection is recorded all the same
        service.recordRejection(REQUEST_ID.from(execution), REJECTION_REASON.fromOrNull(execution));
    }
}
