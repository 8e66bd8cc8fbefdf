package nl.loket.inbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;

import nl.loket.notification.NotificationService;
import nl.loket.request.Comment;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.RequestComments;
import nl.loket.request.FreeText;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.ProcessHistoryService;
import nl.loket.workflow.ProcessVariables;
import nl.loket.workflow.TimelineEntry;
import nl.loket.workflow.TaskAlreadyHandledException;
import nl.loket.workflow.TaskWorkService;
import nl.loket.workflow.WorkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approver's and fulfiller's inbox. Every read and every decision checks, on the server, that the task is
 * offered to the caller and that the caller is not the requester.
 */
@Service
public class InboxService {

    public static final String FIELD_REASON = "reason";
    public static final String FIELD_ASSIGNEE = "assignee";
    /** The most tasks one page may hold. */
    public static final int MAX_PAGE = 200;
    /** Counts stop here; the inbox then says "1000+". */
    public static final int COUNT_CAP = InboxRepository.COUNT_CAP;

    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final TaskWorkService tasks;
    private final RequestService requests;
    private final UserAccountService users;
    private final CurrentUser currentUser;
    private final InboxRepository inboxRepository;
    private final NotificationService notifications;
    private final Substitutions substitutions;
    private final RequestComments comments;
    private final ProcessHistoryService history;

    private final TransactionTemplate afresh;

    InboxService(TaskWorkService tasks, RequestService requests, UserAccountService users, CurrentUser currentUser,
                 InboxRepository inboxRepository, NotificationService notifications, Substitutions substitutions,
                 RequestComments comments, ProcessHistoryService history, PlatformTransactionManager transactions) {
        this.comments = comments;
        // after a lost race on PostgreSQL this transaction is aborted: who won is looked up in a new one
        this.afresh = new TransactionTemplate(transactions);
        this.afresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.afresh.setReadOnly(true);
        this.history = history;
        this.substitutions = substitutions;
        this.inboxRepository = inboxRepository;
        this.notifications = notifications;
        this.tasks = tasks;
        this.requests = requests;
        this.users = users;
        this.currentUser = currentUser;
    }

    /** One page of the current user's tasks, never about their own requests (four-eyes). */
    public List<InboxItem> page(InboxFilter filter, int offset, int limit) {
        String me = currentUser.username();
        return inboxRepository.page(filter, viewer(), Math.max(0, offset),
                        Math.max(1, Math.min(limit, MAX_PAGE))).stream()
                .map(row -> toItem(row, me)).toList();
    }

    /** How many tasks the filter matches, up to {@value InboxRepository#COUNT_CAP} + 1 ("1,000+"). */
    public int count(InboxFilter filter) {
        return inboxRepository.count(filter, viewer());
    }

    /** The request types among the user's tasks, for filtering. */
    public List<String> requestTypes() {
        return inboxRepository.requestTypes(viewer());
    }

    /** The requesters among the user's tasks (username to display name), for filtering. */
    public List<Map.Entry<String, String>> requesters() {
        return inboxRepository.requesters(viewer());
    }

    /** The first tasks of the whole inbox, oldest first. */
    public List<InboxItem> myTasks() {
        return page(InboxFilter.all(), 0, MAX_PAGE);
    }

    /** The count next to "Inbox". */
    public int myTaskCount() {
        return count(InboxFilter.all());
    }

    /** Takes a task offered to the user's group, so that the others see it is being handled. */
    @Transactional
    public void claim(String taskId) {
        Request request = checkMayDecide(taskId);
        String me = currentUser.username();
        try {
            tasks.claim(taskId, me);
        } catch (TaskAlreadyHandledException e) {
            throw alreadyTaken(e);
        }
        log.info("{} took the task {} of request {}", me, taskId, request.number());
    }

    /** Gives a task the user has back to the group. */
    @Transactional
    public void unclaim(String taskId) {
        String me = currentUser.username();
        WorkTask task = availableTask(taskId, me);
        if (!me.equals(task.assignee())) {
            throw new TaskNotAvailableException(taskId);
        }
        if (task.candidateGroups().isEmpty() && task.candidateUsers().isEmpty()) {
            log.warn("Refused: {} tried to give back task {}, which is offered to nobody else", me, taskId);
            throw new TaskNotAvailableException(taskId);
        }
        tasks.unclaim(taskId);
        log.info("{} gave task {} back to its group", me, taskId);
    }

    private TaskAlreadyTakenException alreadyTaken(TaskAlreadyHandledException e) {
        String by = e.handledBy() == null ? null : afresh.execute(status -> users.displayName(e.handledBy()));
        log.info("Task {} was already handled by {}", e.taskId(), e.handledBy());
        return new TaskAlreadyTakenException(e.taskId(), by);
    }

    /**
     * One task with the request's details, if the current user may see it: offered to them and not about their own
     * request (the inbox never lists those; opened by its address it is "not available", as any task not theirs).
     */
    public InboxItem open(String taskId) {
        String me = currentUser.username();
        WorkTask task = availableTask(taskId, me);
        Request request = requestOf(task).orElseThrow(() -> new TaskNotAvailableException(taskId));
        if (request.requester().equals(me)) {
            log.warn("Refused: {} opened task {} of their own request {} by its address", me, taskId, request.number());
            throw new TaskNotAvailableException(taskId);
        }
        return new InboxItem(task.id(), task.name(), task.taskDefinitionKey(), request,
                users.displayName(request.requester()), me.equals(task.assignee()), task.created(),
                requests.factsOf(request), task.assignee(), task.priority(), task.due(), task.followUp());
    }

    @Transactional
    public void approve(String taskId) {
        decide(taskId, true, null);
    }

    @Transactional
    public void reject(String taskId, String reason) {
        String trimmed = FreeText.clean(reason);
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
        completeAs(taskId, me, ProcessVariables.create()
                .with(ApprovalOutcome.APPROVED, approved)
                .with(ApprovalOutcome.REJECTION_REASON, reason)
                .with(ApprovalOutcome.DECIDED_BY, me)
                .asMap());
        log.info("{} {} request {}", me, approved ? "approved" : "rejected", request.number());
        if (approved) {
            notifications.notify(request.requester(), request.number(), NotificationService.APPROVED,
                    request.number(), request.summary(), users.displayName(me));
        }
    }

    /**
     * Completes as the user; if someone else was first, says who. A task assigned to someone the user stands in
     * for is first assigned to the user, so the history shows who really did it.
     */
    void completeAs(String taskId, String me, Map<String, Object> variables) {
        try {
            takeOverIfStandingIn(taskId, me);
            tasks.completeAs(taskId, me, variables);
        } catch (TaskAlreadyHandledException e) {
            throw alreadyTaken(e);
        }
    }

    /**
     * The task if it is offered to the user. If it was offered to them but someone else took or completed it
     * first, says who; anything else is simply "not available".
     */
    private WorkTask availableTask(String taskId, String me) {
        Set<String> groups = currentUser.roles();
        Optional<WorkTask> found = tasks.find(taskId);
        if (found.isEmpty()) {
            Optional<String> handledBy = tasks.endedTaskHandledBy(taskId, me, groups);
            if (handledBy.isPresent() && !handledBy.get().equals(me)) {
                throw alreadyTaken(new TaskAlreadyHandledException(taskId, handledBy.get()));
            }
            throw new TaskNotAvailableException(taskId);
        }
        WorkTask task = found.get();
        if (task.isOfferedTo(me, groups)
                || substitutions.substitutedBy(me).stream().anyMatch(absent -> task.isOfferedTo(absent, Set.of()))) {
            return task;
        }
        boolean candidate = task.candidateUsers().contains(me) || task.candidateGroups().stream().anyMatch(groups::contains);
        if (candidate && task.assignee() != null) {
            // still open: a colleague has it, it is not done
            throw new TaskAlreadyTakenException(taskId, users.displayName(task.assignee()), true);
        }
        throw new TaskNotAvailableException(taskId);
    }

    private void takeOverIfStandingIn(String taskId, String me) {
        tasks.find(taskId).map(WorkTask::assignee).filter(assignee -> !assignee.equals(me))
                .filter(assignee -> substitutions.substitutedBy(me).contains(assignee))
                .ifPresent(assignee -> {
                    tasks.assign(taskId, me);
                    log.info("{} took over task {} from {} (standing in)", me, taskId, assignee);
                });
    }

    /**
     * Hands a task the user has (or that is offered to them) to a colleague who may work on it: someone in one of
     * the task's candidate groups or among its candidate users, never the requester. The colleague is told.
     */
    @Transactional
    public void reassign(String taskId, String toUsername) {
        Request request = checkMayDecide(taskId);
        String me = currentUser.username();
        WorkTask task = tasks.find(taskId).orElseThrow(() -> new TaskNotAvailableException(taskId));
        UserAccount target = users.find(toUsername).filter(UserAccount::enabled)
                .filter(u -> task.candidateUsers().contains(u.username())
                        || u.roles().stream().anyMatch(task.candidateGroups()::contains))
                .orElseThrow(() -> new InvalidRequestException(Map.of(FIELD_ASSIGNEE, "inbox.reassign.not-allowed")));
        if (target.username().equals(request.requester())) {
            throw new OwnRequestException(request.number(), target.username());
        }
        tasks.assign(taskId, target.username());
        notifications.notify(target.username(), request.number(), NotificationService.TASK_ASSIGNED,
                request.number(), users.displayName(me), request.summary());
        log.info("{} handed task {} of {} to {}", me, taskId, request.number(), target.username());
    }

    /** The colleagues a task may be handed to (see {@link #reassign}). */
    public List<UserAccount> reassignCandidates(String taskId) {
        Request request = checkMayDecide(taskId);
        WorkTask task = tasks.find(taskId).orElseThrow(() -> new TaskNotAvailableException(taskId));
        String me = currentUser.username();
        return users.all().stream().filter(UserAccount::enabled)
                .filter(u -> !u.username().equals(me) && !u.username().equals(request.requester())
                        && !u.username().equals(task.assignee()))
                .filter(u -> task.candidateUsers().contains(u.username())
                        || u.roles().stream().anyMatch(task.candidateGroups()::contains))
                .toList();
    }

    /** The task's request's steps so far, from the engine's history. */
    public List<TimelineEntry> timeline(String taskId) {
        WorkTask task = availableTask(taskId, currentUser.username());
        return history.timeline(task.processInstanceId());
    }

    /** The comments, questions and answers on the task's request. */
    public List<Comment> comments(String taskId) {
        WorkTask task = availableTask(taskId, currentUser.username());
        return requestOf(task).map(request -> comments.of(request.id())).orElse(List.of());
    }

    /** A comment to the requester, who is told. */
    @Transactional
    public void comment(String taskId, String text) {
        tellRequester(taskId, Comment.Kind.COMMENT, NotificationService.COMMENTED, text);
    }

    /**
     * "More information needed": a question to the requester. The request waits for them (their request page asks
     * for an answer) until they answer; the task stays with the one who asked, who is told when the answer comes.
     */
    @Transactional
    public void askRequester(String taskId, String question) {
        tellRequester(taskId, Comment.Kind.QUESTION, NotificationService.QUESTION, question);
    }

    private void tellRequester(String taskId, Comment.Kind kind, String notificationKind, String text) {
        Request request = checkMayDecide(taskId);
        String me = currentUser.username();
        comments.add(request.id(), me, kind, text);
        notifications.notify(request.requester(), request.number(), notificationKind,
                request.number(), users.displayName(me), FreeText.clean(text));
        log.info("{} wrote a {} to the requester of {}", me, kind.name().toLowerCase(), request.number());
    }

    /** Whether a question to the requester of this task's request is open. */
    public boolean waitingForRequester(String taskId) {
        WorkTask task = tasks.find(taskId).orElseThrow(() -> new TaskNotAvailableException(taskId));
        return requestOf(task).map(request -> comments.questionOpen(request.id())).orElse(false);
    }

    /** Sets or clears a task's due and follow-up dates (for the inbox's filters and sorting). */
    @Transactional
    public void plan(String taskId, java.time.Instant due, java.time.Instant followUp) {
        checkMayDecide(taskId);
        tasks.plan(taskId, due, followUp);
    }

    private InboxRepository.Viewer viewer() {
        String me = currentUser.username();
        List<String> actingFor = new java.util.ArrayList<>();
        actingFor.add(me);
        actingFor.addAll(substitutions.substitutedBy(me));
        return new InboxRepository.Viewer(me, actingFor, currentUser.roles());
    }

    private Optional<Request> requestOf(WorkTask task) {
        return task.businessKey() == null ? Optional.empty() : requests.findByNumber(task.businessKey());
    }

    private static InboxItem toItem(InboxRepository.Row row, String me) {
        return new InboxItem(row.taskId(), row.taskName(), row.taskKey(), row.request(), row.requesterName(),
                me.equals(row.assignee()), row.created(), List.of(), row.assignee(), row.priority(), row.due(),
                row.followUp());
    }

}
