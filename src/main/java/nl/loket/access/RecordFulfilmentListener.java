package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.FULFILLED;
import static nl.loket.access.SoftwareAccessProcess.FULFILMENT_DONE;
import static nl.loket.access.SoftwareAccessProcess.FULFILMENT_NOTE;
import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;

import nl.loket.workflow.DelegateTasks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of UserTask_FulfilManually, in the fulfiller's transaction: records who did what. The process then
 * routes on {@code fulfilled} to the grant or to closing the request as not fulfilled.
 */
@Component
class RecordFulfilmentListener implements TaskListener {

    private final SoftwareAccessService service;

    RecordFulfilmentListener(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        // Loket's inbox claims the task before completing it; Tasklist and engine REST may complete it unclaimed
        String fulfiller = task.getAssignee() != null ? task.getAssignee() : DelegateTasks.authenticatedUser(task);
        service.recordFulfilment(REQUEST_ID.from(task), fulfiller, FULFILLED.from(task),
                FULFILMENT_DONE.fromOrNull(task), FULFILMENT_NOTE.fromOrNull(task));
    }
}
