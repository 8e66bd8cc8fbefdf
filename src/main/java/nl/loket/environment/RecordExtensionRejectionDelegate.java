package nl.loket.environment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RecordRejection of the lease extension: the requester is told why. */
@Component
class RecordExtensionRejectionDelegate implements JavaDelegate {

    private final LeaseExtensions extensions;

    RecordExtensionRejectionDelegate(LeaseExtensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        extensions.recordRejection(LeaseExtensionProcess.REQUEST_ID.from(execution), LeaseExtensionProcess.REJECTION_REASON.fromOrNull(execution));
    }
}
