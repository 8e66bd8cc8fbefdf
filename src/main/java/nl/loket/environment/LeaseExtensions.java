package nl.loket.environment;

import java.time.LocalDate;

import nl.loket.notification.NotificationService;
import nl.loket.request.ApprovalCheck;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.tenant.TenantService;
import nl.loket.workflow.ProcessVariables;
import nl.loket.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A longer lease than the stage allows in one click: its own request type (environment-lease-extension), decided
 * by the tenant owner in the inbox like any approval.
 */
@Service
public class LeaseExtensions {

    private static final Logger log = LoggerFactory.getLogger(LeaseExtensions.class);

    private final JdbcClient jdbc;
    private final RequestService requests;
    private final WorkflowService workflow;
    private final TenantService tenants;
    private final EnvironmentRepository environments;
    private final EnvironmentLifecycle lifecycle;
    private final NotificationService notifications;
    private final ApprovalCheck approvals;

    LeaseExtensions(JdbcClient jdbc, RequestService requests, WorkflowService workflow, TenantService tenants,
                    EnvironmentRepository environments, EnvironmentLifecycle lifecycle,
                    NotificationService notifications, ApprovalCheck approvals) {
        this.approvals = approvals;
        this.jdbc = jdbc;
        this.requests = requests;
        this.workflow = workflow;
        this.tenants = tenants;
        this.environments = environments;
        this.lifecycle = lifecycle;
        this.notifications = notifications;
    }

    /** The request and its process, in the caller's transaction. */
    @Transactional
    Request request(Environment environment, LocalDate lastDay, String requester) {
        Request request = requests.create(LeaseExtensionProcess.KEY, requester,
                environment.name() + " → " + lastDay);
        jdbc.sql("insert into environment_extension (request_id, environment_id, last_day) values (?, ?, ?)")
                .params(request.id(), environment.id(), lastDay).update();
        String owner = tenants.find(environment.tenant()).map(t -> t.owner()).orElse(null);
        String instance = workflow.start(LeaseExtensionProcess.KEY, request.number(), ProcessVariables.create()
                .with(LeaseExtensionProcess.REQUEST_ID, request.id())
                .with(LeaseExtensionProcess.REQUESTER, requester)
                .with(LeaseExtensionProcess.APPROVER, requester.equals(owner) ? null : owner)
                .with(LeaseExtensionProcess.ENVIRONMENT_ID, environment.id())
                .asMap());
        requests.attachProcess(request, instance);
        notifications.notify(requester, request.number(), NotificationService.SUBMITTED, request.number(),
                request.summary());
        log.info("{} asks to extend {} ({}) to {}: {}", requester, environment.key(), environment.name(), lastDay,
                request.number());
        return requests.get(request.id());
    }

    /** ServiceTask_ExtendLease: idempotent (setting the same lease again changes nothing). */
    @Transactional
    public void extend(long requestId, String processInstanceId) {
        Request request = requests.get(requestId);
        // a longer lease is asked only beyond what one may set oneself, so it always needs its approval
        approvals.requireApprovals(request, processInstanceId, 1);
        Extension extension = extensionOf(requestId);
        Environment environment = lifecycle.get(extension.environmentId());
        if (environment.status().isProvisioned()) {
            lifecycle.setLease(environment.id(), extension.lastDay());
        }
        requests.changeStatus(requestId, RequestStatus.FULFILLED, null);
        notifications.notify(request.requester(), request.number(), NotificationService.FULFILLED, request.number(),
                request.summary());
    }

    @Transactional
    public void recordRejection(long requestId, String reason) {
        requests.reject(requestId, reason);
    }

    Extension extensionOf(long requestId) {
        return extensionOf(jdbc, requestId);
    }

    static Extension extensionOf(JdbcClient jdbc, long requestId) {
        return jdbc.sql("select environment_id, last_day from environment_extension where request_id = ?")
                .param(requestId)
                .query((rs, row) -> new Extension(rs.getLong("environment_id"), rs.getObject("last_day", LocalDate.class)))
                .single();
    }

    record Extension(long environmentId, LocalDate lastDay) {
    }
}
