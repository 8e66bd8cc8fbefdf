package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.APPROVED;
import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of UserTask_ApproveRequest with approval: the request moves on to fulfilment. */
@Component
class MarkApprovedListener implements TaskListener {

    private final SoftwareAccessService service;

    MarkApprovedListener(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        if (APPROVED.from(task)) {
            service.markApproved(REQUEST_ID.from(task));
        }
    }
}
