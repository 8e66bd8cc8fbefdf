package nl.loket.inbox;

import nl.loket.request.RequestVariables;
import nl.loket.workflow.DelegateTasks;
import nl.loket.workflow.EveryUserTaskListener;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Four-eyes in the engine itself, so it holds through every entrance (the portal, Tasklist, engine-rest): a
 * request's task is never assigned to or completed by its requester. A task meant for the requester (answering a
 * question, say) is marked in the model with the extension property {@code loket:for-requester = true}.
 */
@Component
@Order(1)
class FourEyesGuard implements EveryUserTaskListener {

    static final String FOR_REQUESTER = "loket:for-requester";

    private static final Logger log = LoggerFactory.getLogger(FourEyesGuard.class);

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (!TaskListener.EVENTNAME_ASSIGNMENT.equals(event) && !TaskListener.EVENTNAME_COMPLETE.equals(event)) {
            return;
        }
        Object requester = task.getVariable(RequestVariables.REQUESTER.name());
        if (requester == null) {
            return;
        }
        // the model's assignee, given as the task is created, is no one's choice: also when the requester's own
        // command creates it (starting the request from Tasklist, answering a question there)
        boolean byRequester = requester.equals(task.getAssignee())
                || !DelegateTasks.isAssignedAsCreated(task) && requester.equals(DelegateTasks.authenticatedUser(task));
        if (byRequester && !"true".equalsIgnoreCase(DelegateTasks.property(task, FOR_REQUESTER))) {
            log.warn("Refused: {} of task {} ({}) by the requester {} (four-eyes)", event, task.getId(),
                    task.getTaskDefinitionKey(), requester);
            throw new AuthorizationException("Four-eyes: the requester may not " + event + " a task of their own request");
        }
    }
}
