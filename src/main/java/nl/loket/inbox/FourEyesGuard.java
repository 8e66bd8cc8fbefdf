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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Four-eyes in the engine itself, so it holds through every entrance (the portal, Tasklist, engine-rest): a
 * request's task is never assigned to or completed by its requester. A task meant for the requester (answering a
 * question, say) is marked in the model with the extension property {@code loket:for-requester = true}. The
 * requester is Loket's own record of who asked, not a process variable that an engine caller could change.
 */
@Component
@Order(1)
class FourEyesGuard implements EveryUserTaskListener {

    static final String FOR_REQUESTER = "loket:for-requester";

    private static final Logger log = LoggerFactory.getLogger(FourEyesGuard.class);

    private final JdbcClient jdbc;

    FourEyesGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who asked, from Loket's own request row (found by the instance's business key, the request number), never
     * from the {@code requester} variable, which any engine caller can change. An instance whose business key
     * names a request started by another instance is refused outright. Processes that are no Loket request (no
     * row) fall back to the variable.
     */
    private Object requesterOf(DelegateTask task) {
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (number != null) {
            var row = jdbc.sql("select requester, process_instance_id from service_request where request_number = ?")
                    .param(number).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (row.isPresent()) {
                String startedBy = row.get()[1];
                if (startedBy != null && !startedBy.equals(task.getProcessInstanceId())) {
                    log.warn("Refused: task {} belongs to an instance that calls itself request {}, which is another "
                            + "instance's", task.getId(), number);
                    throw new AuthorizationException("Four-eyes: this instance is not the request it names");
                }
                return row.get()[0];
            }
        }
        return task.getVariable(RequestVariables.REQUESTER.name());
    }

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (!TaskListener.EVENTNAME_ASSIGNMENT.equals(event) && !TaskListener.EVENTNAME_COMPLETE.equals(event)) {
            return;
        }
        Object requester = requesterOf(task);
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
