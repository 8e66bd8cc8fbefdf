package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.loket.TransactionScoped;
import nl.loket.notification.NotificationService;
import nl.loket.request.ApprovalCheck;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.workflow.DecisionEvaluator;
import nl.loket.workflow.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Software access: what its start form offers, and the steps its process calls back into. */
@Service
public class SoftwareAccessService {

    private static final Logger log = LoggerFactory.getLogger(SoftwareAccessService.class);

    private final SoftwareCatalog software;
    private final RequestService requests;
    private final NotificationService notifications;
    private final DecisionEvaluator decisions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApprovalCheck approvals;
    /** The product a submit checked, for the listener that records the request in the same transaction. */
    private final TransactionScoped<Long, Software> checked = new TransactionScoped<>();

    SoftwareAccessService(SoftwareCatalog software, RequestService requests,
                          NotificationService notifications, DecisionEvaluator decisions, JdbcClient jdbc,
                          Clock clock, ApprovalCheck approvals) {
        this.software = software;
        this.requests = requests;
        this.notifications = notifications;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.approvals = approvals;
    }

    /**
     * The software that can be requested, with whether the approval decision asks for approval without admin
     * rights: one query for the catalogue, one for the decision's latest version, the rest in memory.
     */
    public List<SoftwareChoice> choices() {
        DecisionEvaluator.Preview decision = decisions.latest(APPROVAL_DECISION);
        return software.active().stream().map(s -> new SoftwareChoice(s, needsApproval(decision, s, false))).toList();
    }

    /** Asks the deployed DMN decision, so the form tells the truth the process will act on. */
    public boolean needsApproval(Software software, boolean adminRights) {
        return needsApproval(decisions.latest(APPROVAL_DECISION), software, adminRights);
    }

    private static boolean needsApproval(DecisionEvaluator.Preview decision, Software software, boolean adminRights) {
        Map<String, Object> result = decision.evaluateSingle(ProcessVariables.create()
                .with(LICENCE_COST, software.licenceCostEur().doubleValue())
                .with(ADMIN_RIGHTS, adminRights)
                .asMap());
        return Boolean.TRUE.equals(result.get(APPROVAL_REQUIRED.name()));
    }

    /**
     * The product a submission chose, if it is active: what the start form's validation needs at submit, without
     * the rest of the catalogue. The request recorded in the same transaction reuses it.
     */
    public Optional<Software> chosen(long softwareId) {
        return checked.get(softwareId, software::findActive);
    }

    /** What the process needs to know of the chosen product: its licence cost and how it is delivered. */
    public record RecordedRequest(double licenceCost, boolean manualFulfilment) {
    }

    /**
     * Records what the start form asked for, in the transaction that starts the process: the software's details
     * row and the request's summary. Returns the licence cost, for the approval decision, and whether an IT
     * fulfiller must deliver it. The form's validation (against the options offered) already refused unknown or
     * inactive software; this checks again.
     */
    @Transactional
    public RecordedRequest recordRequest(long requestId, long softwareId, String justification, boolean adminRights,
                                         LocalDate endDate) {
        Software chosen = checked.get(softwareId, software::findActive)
                .orElseThrow(() -> new IllegalArgumentException("No active software with id " + softwareId));
        jdbc.sql("""
                insert into software_access_request (request_id, software_id, justification, admin_rights, end_date)
                values (?, ?, ?, ?, ?)""")
                .params(requestId, chosen.id(), justification.strip(), adminRights, endDate)
                .update();
        requests.changeSummary(requestId, chosen.name());
        log.debug("Software-access request {} is for {} ({})", requestId, chosen.name(), chosen.fulfilment());
        return new RecordedRequest(chosen.licenceCostEur().doubleValue(), chosen.isManual());
    }

    @Transactional
    public void markAwaitingApproval(long requestId, String approver) {
        requests.awaitingApproval(requestId, approver);
    }

    @Transactional
    public void markApproved(long requestId) {
        requests.changeStatus(requestId, RequestStatus.IN_FULFILMENT, null);
    }

    /**
     * Records the grant. Idempotent: a retried job finds the grant of the earlier attempt and does not grant twice
     * or notify twice.
     */
    @Transactional
    public void grant(long requestId, String processInstanceId) {
        Request request = requests.get(requestId);
        // one approval, unless the instance's own evaluation of the decision said none is needed
        approvals.requireApprovals(request, processInstanceId, approvals.decided(processInstanceId, APPROVAL_DECISION,
                APPROVAL_REQUIRED.name()).map(outputs -> outputs.equals(List.of(Boolean.FALSE)) ? 0 : 1).orElse(1));
        // one statement checks and inserts: a retry finds the earlier attempt's row and inserts nothing
        int granted = jdbc.sql("""
                insert into software_grant (request_id, username, software_id, admin_rights, granted_at, end_date)
                select r.request_id, ?, r.software_id, r.admin_rights, ?, r.end_date
                from software_access_request r
                where r.request_id = ? and not exists (select 1 from software_grant g where g.request_id = r.request_id)""")
                .params(request.requester(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), requestId)
                .update();
        if (granted == 0) {
            log.info("Access for {} was already granted; nothing to do", request.number());
            return;
        }
        requests.changeStatus(requestId, RequestStatus.FULFILLED, null);
        notifications.notify(request.requester(), request.number(), NotificationService.FULFILLED,
                request.number(), request.summary());
        log.info("Granted {} to {} for {}", request.summary(), request.requester(), request.number());
    }

    /** An IT fulfiller's task was created: the request is being fulfilled. */
    @Transactional
    public void markAwaitingFulfilment(long requestId) {
        requests.changeStatus(requestId, RequestStatus.IN_FULFILMENT, null);
    }

    /**
     * What the IT fulfiller did, as they complete their task: done (what, and a note for the requester) or not
     * (the reason goes to the request's outcome when the process records it). One row per request.
     */
    @Transactional
    public void recordFulfilment(long requestId, String fulfiller, boolean fulfilled, String done, String note) {
        jdbc.sql("""
                insert into software_fulfilment (request_id, fulfilled_by, fulfilled, done, note, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(requestId, fulfiller, fulfilled, blankToNull(done), blankToNull(note),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        log.info("{} {} software-access request {}", fulfiller, fulfilled ? "fulfilled" : "could not fulfil",
                requestId);
    }

    /** The fulfiller could not do it: the request is closed as not fulfilled and the requester is told why. */
    @Transactional
    public void recordNotFulfilled(long requestId, String reason) {
        requests.notFulfilled(requestId, blankToNull(reason));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Transactional
    public void recordRejection(long requestId, String reason) {
        requests.reject(requestId, reason);
    }

    public boolean hasGrant(String username, long softwareId) {
        return jdbc.sql("select count(*) from software_grant where username = ? and software_id = ?")
                .params(username, softwareId).query(Integer.class).single() > 0;
    }
}
