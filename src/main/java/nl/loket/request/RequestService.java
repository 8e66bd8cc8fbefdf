package nl.loket.request;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;

import nl.loket.security.CurrentUser;
import nl.loket.workflow.ProcessHistoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests of every type: creating the row that a process instance belongs to, and what a requester may see of
 * them. A requester sees only their own requests; anyone else gets "not found", so existence does not leak.
 */
@Service
public class RequestService {

    private final RequestRepository requests;
    private final ProcessHistoryService history;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Map<String, RequestFacts> factsByType;
    private final StartFormFacts startFormFacts;

    RequestService(RequestRepository requests, ProcessHistoryService history, CurrentUser currentUser, Clock clock,
                   List<RequestFacts> facts, StartFormFacts startFormFacts) {
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
        return requests.insert(type, requester, summary, clock.instant());
    }

    @Transactional
    public void attachProcess(Request request, String processInstanceId) {
        requests.attachProcess(request.id(), processInstanceId);
    }

    /** A request type's own summary, once its process knows more than the catalogue item's name. */
    @Transactional
    public void changeSummary(long requestId, String summary) {
        requests.updateSummary(requestId, summary);
    }

    @Transactional
    public void changeStatus(long requestId, RequestStatus status, String reason) {
        requests.updateStatus(requestId, status, reason, clock.instant());
    }

    public Request get(long requestId) {
        return requests.findById(requestId)
                .orElseThrow(() -> new IllegalArgumentException("No request with id " + requestId));
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

    /** The current user's own request with its timeline; empty if there is none or it is someone else's. */
    public Optional<RequestDetail> myRequest(String number) {
        String me = currentUser.username();
        return requests.findByNumber(number)
                .filter(request -> request.requester().equals(me))
                .map(this::detailOf);
    }

    private RequestDetail detailOf(Request request) {
        return new RequestDetail(request, factsOf(request),
                request.processInstanceId() == null ? List.of() : history.timeline(request.processInstanceId()));
    }
}
