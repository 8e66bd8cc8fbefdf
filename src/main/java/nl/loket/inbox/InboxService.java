package nl.loket.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.ProcessVariables;
import nl.loket.workflow.TaskWorkService;
import nl.loket.workflow.WorkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approver's and fulfiller's inbox. Every read and every decision checks, on the server, that the task is
 * offered to the caller and that the caller is not the requester.
 */
@Service
public class InboxService {

    public static final String FIELD_REASON = "reason";

    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final TaskWorkService tasks;
    private final RequestService requests;
    private final UserAccountService users;
    private final CurrentUser currentUser;

    InboxService(TaskWorkService tasks, RequestService requests, UserAccountService users, CurrentUser currentUser) {
        this.tasks = tasks;
        this.requests = requests;
        this.users = users;
        this.currentUser = currentUser;
    }

    /** Tasks for the current user, leaving out any that belong to their own requests. */
    public List<InboxItem> myTasks() {
        String me = currentUser.username();
        return tasks.openTasksFor(me, currentUser.roles()).stream()
                .map(task -> toItem(task, me, false))
                .flatMap(Optional::stream)
                .filter(item -> !item.request().requester().equals(me))
                .toList();
    }

    public int myTaskCount() {
        return myTasks().size();
    }

    /** One task with the request's details, if the current user may see it. */
    public InboxItem open(String taskId) {
        String me = currentUser.username();
        WorkTask task = availableTask(taskId, me);
        return toItem(task, me, true).orElseThrow(() -> new TaskNotAvailableException(taskId));
    }

    @Transactional
    public void approve(String taskId) {
        decide(taskId, true, null);
    }

    @Transactional
    public void reject(String taskId, String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidRequestException(Map.of(FIELD_REASON, "validation.reason.required"));
        }
        if (trimmed.length() > ApprovalOutcome.REASON_MAX_LENGTH) {
            throw new InvalidRequestException(Map.of(FIELD_REASON, "validation.reason.too-long"));
        }
        decide(taskId, false, trimmed);
    }

    /**
     * Checks that the current user may complete the task: it is offered to them and it is not about their own
     * request. Returns the user's name.
     */
    public String checkMayDecide(String taskId) {
        String me = currentUser.username();
        WorkTask task = availableTask(taskId, me);
        Request request = requestOf(task).orElseThrow(() -> new TaskNotAvailableException(taskId));
        if (request.requester().equals(me)) {
            log.warn("Refused: {} tried to decide on their own request {}", me, request.number());
            throw new OwnRequestException(request.number(), me);
        }
        return me;
    }

    private void decide(String taskId, boolean approved, String reason) {
        String me = checkMayDecide(taskId);
        Request request = requestOf(tasks.find(taskId).orElseThrow()).orElseThrow();
        tasks.completeAs(taskId, me, ProcessVariables.create()
                .with(ApprovalOutcome.APPROVED, approved)
                .with(ApprovalOutcome.REJECTION_REASON, reason)
                .with(ApprovalOutcome.DECIDED_BY, me)
                .asMap());
        log.info("{} {} request {}", me, approved ? "approved" : "rejected", request.number());
    }

    private WorkTask availableTask(String taskId, String me) {
        Set<String> groups = currentUser.roles();
        return tasks.find(taskId)
                .filter(task -> task.isOfferedTo(me, groups))
                .orElseThrow(() -> new TaskNotAvailableException(taskId));
    }

    private Optional<Request> requestOf(WorkTask task) {
        return task.businessKey() == null ? Optional.empty() : requests.findByNumber(task.businessKey());
    }

    private Optional<InboxItem> toItem(WorkTask task, String me, boolean withFacts) {
        return requestOf(task).map(request -> new InboxItem(task.id(), task.name(), task.taskDefinitionKey(), request,
                users.displayName(request.requester()), me.equals(task.assignee()), task.created(),
                withFacts ? requests.factsOf(request) : List.of()));
    }
}
