package nl.loket.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.loket.scheduling.StartUpLock;
import nl.loket.TransactionScoped;
import nl.loket.request.RequestVariables;
import nl.loket.workflow.EveryUserTaskListener;
import nl.loket.workflow.TaskWorkService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the inbox's read model (inbox_task, inbox_task_candidate) in step with the engine, in the engine's own
 * transaction: a task is in the inbox exactly while it is open. Only tasks of Loket's requests (with a
 * {@code requestId}) are kept.
 */
@Component
@Order(2)
class InboxProjection implements EveryUserTaskListener {

    private static final Logger log = LoggerFactory.getLogger(InboxProjection.class);
    private static final int CATCH_UP_PAGE = 500;

    private final JdbcClient jdbc;
    private final TaskWorkService tasks;
    private final StartUpLock startUp;
    private final TransactionTemplate transactions;
    /** The tasks created in this transaction, written when it commits. */
    private final TransactionScoped<String, TaskWorkService.OpenTask> pending =
            new TransactionScoped<>(created -> created.forEach(this::insertRow));

    InboxProjection(JdbcClient jdbc, @Lazy TaskWorkService tasks, StartUpLock startUp,
                    PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.startUp = startUp;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task);
            case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> changed(task);
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> ended(task.getId());
            default -> { }
        }
    }

    /**
     * A new task is written once, when its transaction commits, as it is then: the engine still assigns it or sets
     * its due date after "create", and each of those events would otherwise be an update of the row just inserted.
     */
    private void created(DelegateTask task) {
        Object requestId = task.getVariable(RequestVariables.REQUEST_ID.name());
        if (!(requestId instanceof Long id)) {
            return;
        }
        if (pending.active()) {
            pending.put(task.getId(), snapshot(task, id));
        } else {
            insertRow(snapshot(task, id));
        }
    }

    private void changed(DelegateTask task) {
        Optional<TaskWorkService.OpenTask> created = pending.peek(task.getId());
        if (created.isPresent()) {
            pending.put(task.getId(), snapshot(task, created.get().variableValue()));
        } else {
            update(task);
        }
    }

    private void ended(String taskId) {
        if (!pending.forget(taskId)) {
            delete(taskId);
        }
    }

    private static TaskWorkService.OpenTask snapshot(DelegateTask task, Long requestId) {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
        return new TaskWorkService.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getAssignee(), task.getPriority(), task.getDueDate(), task.getFollowUpDate(), task.getCreateTime(),
                requestId, groups, users);
    }

    /** Adds an open task; its candidates are written by the caller. */
    void insertRow(TaskWorkService.OpenTask task) {
        jdbc.sql("""
                insert into inbox_task (task_id, request_id, request_type, requester, task_key, task_name, assignee,
                                        priority, due_at, follow_up_at, created_at)
                select ?, r.id, r.request_type, r.requester, ?, ?, ?, ?, ?, ?, ? from service_request r where r.id = ?""")
                .params(task.id(), task.key(), task.name(), task.assignee(), task.priority(), utc(task.due()),
                        utc(task.followUp()), utc(task.created()), task.variableValue())
                .update();
        task.candidateGroups().forEach(group -> writeCandidate(task.id(), group, null));
        task.candidateUsers().forEach(user -> writeCandidate(task.id(), null, user));
    }

    /**
     * After an upgrade or a restore the read model may lag behind the engine: if the numbers differ, it is built
     * again from the engine's open tasks.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void catchUp() {
        // the lock outside the transaction: the next node looks once this one's rows are committed
        startUp.runAlone("inbox catch-up", () -> transactions.executeWithoutResult(status -> rebuildIfBehind()));
    }

    private void rebuildIfBehind() {
        long open = tasks.countOpenTasksWithVariable(RequestVariables.REQUEST_ID.name());
        long known = jdbc.sql("select count(*) from inbox_task").query(Long.class).single();
        if (open == known) {
            return;
        }
        log.info("Inbox read model has {} tasks, the engine {}: rebuilding it", known, open);
        jdbc.sql("delete from inbox_task_candidate").update();
        jdbc.sql("delete from inbox_task").update();
        for (int first = 0; ; first += CATCH_UP_PAGE) {
            List<TaskWorkService.OpenTask> page = tasks.openTasksWithVariable(RequestVariables.REQUEST_ID.name(),
                    first, CATCH_UP_PAGE);
            page.forEach(this::insertRow);
            if (page.size() < CATCH_UP_PAGE) {
                break;
            }
        }
    }

    private void update(DelegateTask task) {
        int updated = jdbc.sql("""
                update inbox_task set assignee = ?, priority = ?, due_at = ?, follow_up_at = ?, task_name = ?
                where task_id = ?""")
                .params(task.getAssignee(), task.getPriority(), utc(task.getDueDate()), utc(task.getFollowUpDate()),
                        task.getName(), task.getId())
                .update();
        if (updated > 0 && !TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            jdbc.sql("delete from inbox_task_candidate where task_id = ?").param(task.getId()).update();
            writeCandidates(task);
        }
    }

    private void writeCandidates(DelegateTask task) {
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                writeCandidate(task.getId(), link.getGroupId(), link.getUserId());
            }
        }
    }

    private void writeCandidate(String taskId, String group, String user) {
        jdbc.sql("insert into inbox_task_candidate (task_id, group_id, user_id) values (?, ?, ?)")
                .params(taskId, group, user).update();
    }

    /** Its candidates go with it (on delete cascade). */
    private void delete(String taskId) {
        jdbc.sql("delete from inbox_task where task_id = ?").param(taskId).update();
    }

    private static OffsetDateTime utc(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
