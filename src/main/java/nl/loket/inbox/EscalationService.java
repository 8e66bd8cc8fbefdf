package nl.loket.inbox;

import nl.loket.notification.NotificationService;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.TaskWorkService;
import nl.loket.workflow.WorkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the timers on an approval do: remind whoever has it, and later escalate it to the assignee's own manager
 * (never the requester), or, without one, back to the whole candidate group.
 */
@Service
public class EscalationService {

    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

    private final TaskWorkService tasks;
    private final RequestService requests;
    private final UserAccountService users;
    private final NotificationService notifications;

    EscalationService(TaskWorkService tasks, RequestService requests, UserAccountService users,
                      NotificationService notifications) {
        this.tasks = tasks;
        this.requests = requests;
        this.users = users;
        this.notifications = notifications;
    }

    @Transactional
    public void remind(long requestId, String processInstanceId, String taskKey) {
        Request request = requests.get(requestId);
        for (WorkTask task : tasks.openTasks(processInstanceId, taskKey)) {
            if (task.assignee() != null) {
                notifications.notify(task.assignee(), request.number(), NotificationService.REMINDER,
                        request.number(), users.displayName(request.requester()), request.summary());
                log.info("Reminded {} of task {} ({})", task.assignee(), task.id(), request.number());
            } else {
                log.info("Task {} ({}) is still offered to {}; no one to remind personally", task.id(),
                        request.number(), task.candidateGroups());
            }
        }
    }

    @Transactional
    public void escalate(long requestId, String processInstanceId, String taskKey) {
        Request request = requests.get(requestId);
        for (WorkTask task : tasks.openTasks(processInstanceId, taskKey)) {
            String next = task.assignee() == null ? null : users.find(task.assignee())
                    .map(UserAccount::managerUsername)
                    .filter(manager -> !manager.equals(request.requester()))
                    .filter(manager -> users.find(manager).map(UserAccount::enabled).orElse(false))
                    .orElse(null);
            if (next != null) {
                tasks.assign(task.id(), next);
                notifications.notify(next, request.number(), NotificationService.ESCALATED, request.number(),
                        users.displayName(task.assignee()), request.summary());
                log.info("Escalated task {} ({}) from {} to their manager {}", task.id(), request.number(),
                        task.assignee(), next);
            } else if (task.assignee() != null && !task.candidateGroups().isEmpty()) {
                tasks.unclaim(task.id());
                log.info("Escalated task {} ({}) from {} to the group {}", task.id(), request.number(),
                        task.assignee(), task.candidateGroups());
            } else {
                log.warn("Task {} ({}) could not be escalated: nobody above {}", task.id(), request.number(),
                        task.assignee());
            }
        }
    }
}
