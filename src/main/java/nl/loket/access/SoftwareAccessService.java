package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import nl.loket.catalog.CatalogService;
import nl.loket.notification.NotificationService;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.DecisionEvaluator;
import nl.loket.workflow.ProcessVariables;
import nl.loket.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Software access: submitting a request, and the steps its process calls back into. */
@Service
public class SoftwareAccessService {

    private static final Logger log = LoggerFactory.getLogger(SoftwareAccessService.class);

    private final SoftwareCatalog software;
    private final CatalogService catalog;
    private final SoftwareAccessValidator validator;
    private final RequestService requests;
    private final UserAccountService users;
    private final NotificationService notifications;
    private final WorkflowService workflow;
    private final DecisionEvaluator decisions;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;

    SoftwareAccessService(SoftwareCatalog software, CatalogService catalog, SoftwareAccessValidator validator, RequestService requests,
                          UserAccountService users, NotificationService notifications, WorkflowService workflow,
                          DecisionEvaluator decisions, CurrentUser currentUser, JdbcClient jdbc, Clock clock) {
        this.software = software;
        this.catalog = catalog;
        this.validator = validator;
        this.requests = requests;
        this.users = users;
        this.notifications = notifications;
        this.workflow = workflow;
        this.decisions = decisions;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The catalogue with, per item, whether the approval decision asks for approval (without admin rights). */
    public List<SoftwareOption> options() {
        return software.active().stream().map(s -> new SoftwareOption(s, needsApproval(s, false))).toList();
    }

    /** Asks the deployed DMN decision, so the form tells the truth the process will act on. */
    public boolean needsApproval(Software software, boolean adminRights) {
        Map<String, Object> result = decisions.evaluateSingle(APPROVAL_DECISION, ProcessVariables.create()
                .with(LICENCE_COST, software.licenceCostEur().doubleValue())
                .with(ADMIN_RIGHTS, adminRights)
                .asMap());
        return Boolean.TRUE.equals(result.get(APPROVAL_REQUIRED.name()));
    }

    /** Validates, stores the request and starts its process in one transaction: all of it, or nothing. */
    @Transactional
    public Request submit(SoftwareAccessForm form) {
        catalog.checkMayStart(KEY);
        Map<String, String> errors = validator.validate(form);
        if (!errors.isEmpty()) {
            log.warn("Refused software-access request from {}: {}", currentUser.username(), errors);
            throw new InvalidRequestException(errors);
        }
        String requester = currentUser.username();
        Software chosen = software.findActive(form.softwareId()).orElseThrow();
        Request request = requests.create(KEY, requester, chosen.name());
        jdbc.sql("""
                insert into software_access_request (request_id, software_id, justification, admin_rights, end_date)
                values (?, ?, ?, ?, ?)""")
                .params(request.id(), chosen.id(), form.justification().strip(), form.adminRights(), form.endDate())
                .update();
        String manager = users.find(requester).map(UserAccount::managerUsername).orElse(null);
        String instanceId = workflow.start(KEY, request.number(), ProcessVariables.create()
                .with(REQUEST_ID, request.id())
                .with(REQUESTER, requester)
                .with(APPROVER, manager)
                .with(LICENCE_COST, chosen.licenceCostEur().doubleValue())
                .with(ADMIN_RIGHTS, form.adminRights())
                .asMap());
        requests.attachProcess(request, instanceId);
        log.info("Software-access request {} submitted by {} for {}", request.number(), requester, chosen.name());
        return requests.get(request.id());
    }

    @Transactional
    public void markAwaitingApproval(long requestId, String approver) {
        requests.changeStatus(requestId, RequestStatus.AWAITING_APPROVAL, null);
        if (approver != null) {
            Request request = requests.get(requestId);
            notifications.notify(approver, request.number(), NotificationService.APPROVAL_NEEDED,
                    request.number(), users.displayName(request.requester()), request.summary());
        }
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
    public void grant(long requestId) {
        Request request = requests.get(requestId);
        boolean alreadyGranted = jdbc.sql("select count(*) from software_grant where request_id = ?").param(requestId)
                .query(Integer.class).single() > 0;
        if (alreadyGranted) {
            log.info("Access for {} was already granted; nothing to do", request.number());
            return;
        }
        jdbc.sql("""
                insert into software_grant (request_id, username, software_id, admin_rights, granted_at, end_date)
                select r.request_id, ?, r.software_id, r.admin_rights, ?, r.end_date
                from software_access_request r where r.request_id = ?""")
                .params(request.requester(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), requestId)
                .update();
        requests.changeStatus(requestId, RequestStatus.FULFILLED, null);
        notifications.notify(request.requester(), request.number(), NotificationService.FULFILLED,
                request.number(), request.summary());
        log.info("Granted {} to {} for {}", request.summary(), request.requester(), request.number());
    }

    @Transactional
    public void recordRejection(long requestId, String reason) {
        Request request = requests.get(requestId);
        if (request.status() == RequestStatus.REJECTED) {
            return;
        }
        requests.changeStatus(requestId, RequestStatus.REJECTED, reason);
        notifications.notify(request.requester(), request.number(), NotificationService.REJECTED,
                request.number(), request.summary(), reason == null ? "-" : reason);
    }

    public boolean hasGrant(String username, long softwareId) {
        return jdbc.sql("select count(*) from software_grant where username = ? and software_id = ?")
                .params(username, softwareId).query(Integer.class).single() > 0;
    }
}
