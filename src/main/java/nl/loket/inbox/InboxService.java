package nl.loket.inbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
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
        List<WorkTask> open = tasks.openTasksFor(me, currentUser.roles());
        Map<String, Request> requestsByNumber = requestsOf(open);
        return open.stream()
                .filter(task -> isForSomeoneElse(task, requestsByNumber, me))
                .map(task -> toItem(task, requestsByNumber.get(task.businessKey()), me, false))
                .toList();
    }

    /** The count next to "Inbox": the same tasks as {@link #myTasks()}, without building the list. */
    public int myTaskCount() {
        String me = currentUser.username();
        List<WorkTask> open = tasks.openTasksFor(me, currentUser.roles());
        Map<String, Request> requestsByNumber = requestsOf(open);
        return (int) open.stream().filter(task -> isForSomeoneElse(task, requestsByNumber, me)).count();
    }

    private Map<String, Request> requestsOf(List<WorkTask> open) {
        return requests.findByNumbers(open.stream().map(WorkTask::businessKey).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    }

    /** Tasks of Loket's requests only, and never about the user's own request (four-eyes). */
    private static boolean isForSomeoneElse(WorkTask task, Map<String, Request> requestsByNumber, String me) {
        Request request = task.businessKey() == null ? null : requestsByNumber.get(task.businessKey());
        return request != null && !request.requester().equals(me);
    }

    /** One task with the request's details, if the current user may see it. */
    public InboxItem open(String taskId) {
        String me = currentUser.username();
        WorkTask task = availableTask(taskId, me);
        Request request = requestOf(task).orElseThrow(() -> new TaskNotAvailableException(taskId));
        return toItem(task, request, me, true);
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

    /** Refuses a task that does not exist or is not offered to the current user. */
    public void checkOffered(String taskId) {
        availableTask(taskId, currentUser.username());
    }

    /**
     * Checks that the current user may complete the task: it is offered to them and it is not about their own
     * request. Returns that request.
     */
    public Request checkMayDecide(String taskId) {
        String me = currentUser.username();
        WorkTask task = availableTask(taskId, me);
        Request request = requestOf(task).orElseThrow(() -> new TaskNotAvailableException(taskId));
        if (request.requester().equals(me)) {
            log.warn("Refused: {} tried to decide on their own request {}", me, request.number());
            throw new OwnRequestException(request.number(), me);
        }
        return request;
    }

    private void decide(String taskId, boolean approved, String reason) {
        Request request = checkMayDecide(taskId);
        String me = currentUser.username();
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

    private InboxItem toItem(WorkTask task, Request request, String me, boolean withFacts) {
        return new InboxItem(task.id(), task.name(), task.taskDefinitionKey(), request,
                users.displayName(request.requester()), me.equals(task.assignee()), task.created(),
                withFacts ? requests.factsOf(request) : List.of());
    }
}
