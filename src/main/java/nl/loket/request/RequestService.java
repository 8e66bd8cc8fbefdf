package nl.loket.request;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;

import nl.loket.TransactionScoped;
import nl.loket.notification.NotificationService;
import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.ProcessHistoryService;
import nl.loket.workflow.TimelineEntry;
import nl.loket.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests of every type: creating the row that a process instance belongs to, and what a requester may see of
 * them. A requester sees only their own requests; anyone else gets "not found", so existence does not leak.
 */
@Service
public class RequestService {

    public static final String FIELD_REQUEST = "request";
    public static final String FIELD_REASON = "reason";
    public static final int REASON_MAX_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);

    private final RequestRepository requests;
    private final ProcessHistoryService history;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Map<String, RequestFacts> factsByType;
    private final StartFormFacts startFormFacts;
    private final List<RequestProgress> progress;
    private final Map<String, WithdrawalHandler> withdrawalHandlers;
    private final WorkflowService workflow;
    private final RequestComments comments;
    private final NotificationService notifications;
    private final UserAccountService users;
    private final RequestMetrics metrics;
    /**
     * The requests written in this transaction, as written: a submit reads its request back after the start, and
     * the steps of the start read it too; an update that changes nothing (the summary it was created with) is not
     * sent. Only rows this service wrote are served from memory.
     */
    private final TransactionScoped<Long, Request> written = new TransactionScoped<>();

    RequestService(RequestRepository requests, ProcessHistoryService history, CurrentUser currentUser, Clock clock,
                   List<RequestFacts> facts, StartFormFacts startFormFacts, List<RequestProgress> progress,
                   List<WithdrawalHandler> withdrawalHandlers, WorkflowService workflow, RequestComments comments,
                   NotificationService notifications, UserAccountService users, RequestMetrics metrics) {
        this.metrics = metrics;
        this.comments = comments;
        this.notifications = notifications;
        this.users = users;
        this.progress = progress;
        this.withdrawalHandlers = withdrawalHandlers.stream()
                .collect(Collectors.toMap(WithdrawalHandler::requestType, h -> h));
        this.workflow = workflow;
        this.requests = requests;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
        this.factsByType = facts.stream().collect(Collectors.toMap(RequestFacts::requestType, f -> f));
        this.startFormFacts = startFormFacts;
    }

    /** The details of a request: its type's own, or what was filled in on its start form. Callers check access. */
    public List<RequestFact> factsOf(Request request) {
        RequestFacts facts = factsByType.get(request.type());
        return facts == null ? startFormFacts.factsOf(request) : facts.factsOf(request);
    }

    /** For a request type's own service, inside its submit transaction. */
    @Transactional
    public Request create(String type, String requester, String summary) {
        Request request = requests.insert(type, requester, summary, clock.instant());
        written.put(request.id(), request);
        metrics.submitted(type);
        return request;
    }

    /**
     * The same for a start that attaches its process in the same transaction ({@link #attachProcess}): the number
     * is written with the process instance, one update fewer. Until then only this service knows the number.
     */
    @Transactional
    public Request createForStart(String type, String requester, String summary) {
        Request request = requests.insertWithoutNumber(type, requester, summary, clock.instant());
        written.put(request.id(), request);
        metrics.submitted(type);
        return request;
    }

    @Transactional
    public void attachProcess(Request request, String processInstanceId) {
        requests.attachProcess(request.id(), request.number(), processInstanceId);
        written.peek(request.id()).ifPresent(known -> written.put(known.id(), new Request(known.id(), known.number(),
                known.type(), known.requester(), known.summary(), known.status(), processInstanceId,
                known.outcomeReason(), known.createdAt(), known.updatedAt())));
    }

    /** A request type's own summary, once its process knows more than the catalogue item's name. */
    @Transactional
    public void changeSummary(long requestId, String summary) {
        Optional<Request> known = written.peek(requestId);
        if (known.isPresent() && known.get().summary().equals(summary)) {
            return;
        }
        requests.updateSummary(requestId, summary);
        known.ifPresent(r -> written.put(r.id(), new Request(r.id(), r.number(), r.type(), r.requester(), summary,
                r.status(), r.processInstanceId(), r.outcomeReason(), r.createdAt(), r.updatedAt())));
    }

    @Transactional
    public void changeStatus(long requestId, RequestStatus status, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        requests.updateStatus(requestId, status, reason, now);
        written.peek(requestId).ifPresent(r -> written.put(r.id(), new Request(r.id(), r.number(), r.type(),
                r.requester(), r.summary(), status, r.processInstanceId(), reason == null ? r.outcomeReason() : reason,
                r.createdAt(), now)));
    }

    /** An approval task was created: the request awaits approval, and the approver (if one person) is told. */
    @Transactional
    public void awaitingApproval(long requestId, String approver) {
        changeStatus(requestId, RequestStatus.AWAITING_APPROVAL, null);
        if (approver != null) {
            Request request = get(requestId);
            notifications.notify(approver, request.number(), NotificationService.APPROVAL_NEEDED, request.number(),
                    users.displayName(request.requester()), request.summary());
        }
    }

    /** Closes the request as rejected and tells the requester why. Idempotent: a retried step tells them once. */
    @Transactional
    public void reject(long requestId, String reason) {
        closeWithReason(requestId, RequestStatus.REJECTED, reason, NotificationService.REJECTED);
    }

    /**
     * Closes the request as not fulfilled (whoever had to fulfil it could not) and tells the requester why.
     * Idempotent: a retried step tells them once.
     */
    @Transactional
    public void notFulfilled(long requestId, String reason) {
        closeWithReason(requestId, RequestStatus.NOT_FULFILLED, reason, NotificationService.NOT_FULFILLED);
    }

    private void closeWithReason(long requestId, RequestStatus status, String reason, String notification) {
        Request request = get(requestId);
        if (request.status() == status) {
            return;
        }
        changeStatus(requestId, status, reason);
        notifications.notify(request.requester(), request.number(), notification, request.number(),
                request.summary(), reason == null ? "-" : reason);
    }

    public Request get(long requestId) {
        return find(requestId).orElseThrow(() -> new IllegalArgumentException("No request with id " + requestId));
    }

    public Optional<Request> find(long requestId) {
        return written.peek(requestId).or(() -> requests.findById(requestId));
    }

    public Optional<Request> findByNumber(String number) {
        return requests.findByNumber(number);
    }

    /** The requests with these numbers, by number, in one query. */
    public Map<String, Request> findByNumbers(Collection<String> numbers) {
        return requests.findByNumbers(numbers).stream().collect(Collectors.toMap(Request::number, r -> r));
    }

    public List<Request> myRequests() {
        return requests.findByRequester(currentUser.username());
    }

    /** Whether the current user's requests changed (anywhere): compare with the mark of the last look. */
    public ChangeMark myRequestsMark() {
        return requests.markOfRequester(currentUser.username());
    }

    /** The same for one of the current user's requests: its status or its conversation. */
    public Optional<ChangeMark> myRequestMark(String number) {
        return requests.markOf(number, currentUser.username());
    }

    /** The current user's own request with its timeline; empty if there is none or it is someone else's. */
    public Optional<RequestDetail> myRequest(String number) {
        String me = currentUser.username();
        return requests.findByNumber(number)
                .filter(request -> request.requester().equals(me))
                .map(this::detailOf);
    }

    /** The open steps of these requests (who has them, since when), by request id. */
    public Map<Long, List<RequestProgress.CurrentStep>> currentSteps(Collection<Long> requestIds) {
        Map<Long, List<RequestProgress.CurrentStep>> steps = new HashMap<>();
        progress.forEach(source -> steps.putAll(source.currentSteps(requestIds)));
        return steps;
    }

    /**
     * The requester withdraws their request while it is not yet fulfilled: its process ends (its tasks leave every
     * inbox), the request type undoes what it had done, and the request is closed as withdrawn. All or nothing.
     */
    @Transactional
    public Request withdraw(String number, String reason) {
        String me = currentUser.username();
        Request request = requests.findByNumber(number).filter(r -> r.requester().equals(me))
                .orElseThrow(() -> new InvalidRequestException(Map.of(FIELD_REQUEST, "request.not-found")));
        String trimmed = FreeText.clean(reason);
        if (trimmed.length() > REASON_MAX_LENGTH) {
            throw new InvalidRequestException(Map.of(FIELD_REASON, "validation.reason.too-long"));
        }
        if (request.status().isClosed()) {
            log.warn("Refused: {} tried to withdraw {}, which is {}", me, number, request.status());
            throw new InvalidRequestException(Map.of(FIELD_REQUEST, "request.withdraw.closed"));
        }
        if (request.processInstanceId() != null) {
            workflow.cancel(request.processInstanceId(), "Withdrawn by " + me + (trimmed.isEmpty() ? "" : ": " + trimmed));
        }
        WithdrawalHandler handler = withdrawalHandlers.get(request.type());
        if (handler != null) {
            handler.withdrawn(request);
        }
        changeStatus(request.id(), RequestStatus.WITHDRAWN, trimmed.isEmpty() ? null : trimmed);
        log.info("{} withdrew request {}", me, number);
        return get(request.id());
    }

    private RequestDetail detailOf(Request request) {
        return new RequestDetail(request, factsOf(request), timelineOf(request),
                request.status().isClosed() ? List.of()
                        : currentSteps(List.of(request.id())).getOrDefault(request.id(), List.of()),
                comments.of(request.id()), !request.status().isClosed() && comments.questionOpen(request.id()));
    }

    /** The process's steps, and the withdrawal (who, when, why) when the requester withdrew the request. */
    private List<TimelineEntry> timelineOf(Request request) {
        List<TimelineEntry> timeline = new java.util.ArrayList<>(request.processInstanceId() == null ? List.of()
                : history.timeline(request.processInstanceId()));
        if (request.status() == RequestStatus.WITHDRAWN) {
            timeline.add(TimelineEntry.withdrawn(request.requester(), request.updatedAt(), request.outcomeReason()));
        }
        return timeline;
    }

    /**
     * The requester comments on their open request; if a question to them is open, this is their answer, which
     * resumes the request. Whoever has its open steps is told.
     */
    @Transactional
    public void comment(String number, String text) {
        String me = currentUser.username();
        Request request = requests.findByNumber(number).filter(r -> r.requester().equals(me))
                .orElseThrow(() -> new InvalidRequestException(Map.of(FIELD_REQUEST, "request.not-found")));
        if (request.status().isClosed()) {
            throw new InvalidRequestException(Map.of(RequestComments.FIELD_COMMENT, "comment.closed"));
        }
        boolean answer = comments.questionOpen(request.id());
        comments.add(request.id(), me, answer ? Comment.Kind.ANSWER : Comment.Kind.COMMENT, text);
        String name = request.summary();
        currentSteps(List.of(request.id())).getOrDefault(request.id(), List.of()).stream()
                .map(RequestProgress.CurrentStep::assignee).filter(java.util.Objects::nonNull).distinct()
                .forEach(holder -> notifications.notify(holder, request.number(),
                        answer ? NotificationService.ANSWERED : NotificationService.REQUESTER_COMMENTED,
                        request.number(), users.displayName(me), text.strip()));
        log.info("{} {} request {} ({})", me, answer ? "answered on" : "commented on", number, name);
    }
}
