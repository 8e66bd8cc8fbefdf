package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of UserTask_FulfilManually: the request is now with the IT fulfillers. */
@Component
class MarkAwaitingFulfilmentListener implements TaskListener {

    private final SoftwareAccessService service;

    MarkAwaitingFulfilmentListener(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        service.markAwaitingFulfilment(REQUEST_ID.from(task));
    }
}
