package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of UserTask_ApproveRequest: the request now awaits approval, and the approver is told. */
@Component
class MarkAwaitingApprovalListener implements TaskListener {

    private final SoftwareAccessService service;

    MarkAwaitingApprovalListener(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        service.markAwaitingApproval(REQUEST_ID.from(task), task.getAssignee());
    }
}
