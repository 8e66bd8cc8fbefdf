package nl.loket.inbox;

import nl.loket.security.Roles;
import nl.loket.security.UserAccountClosed;
import nl.loket.workflow.TaskWorkService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Someone disabled in the directory, or gone from it, leaves no work stuck with them: their open tasks go back to
 * the group they were offered to, and a task that was theirs alone (a manager's approval) to the approvers.
 */
@Component
class ClosedAccountTasks {

    private static final Logger log = LoggerFactory.getLogger(ClosedAccountTasks.class);

    private final TaskWorkService tasks;

    ClosedAccountTasks(TaskWorkService tasks) {
        this.tasks = tasks;
    }

    @EventListener
    void on(UserAccountClosed closed) {
        int handedBack = tasks.handBackTasksOf(closed.username(), Roles.APPROVER);
        if (handedBack > 0) {
            log.info("{} open task(s) of {} went back to their group", handedBack, closed.username());
        }
    }
}
