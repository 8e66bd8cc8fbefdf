package nl.loket.environment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.loket.environment.provider.EnvironmentProvider;
import nl.loket.environment.provider.EnvironmentSpec;
import nl.loket.environment.provider.Provisioning;
import nl.loket.notification.NotificationService;
import nl.loket.request.Request;
import nl.loket.request.ApprovalCheck;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * The steps processes/environment.bpmn calls back into: provisioning, applying the schedule, the lease's
 * milestones and deletion. Every step is idempotent: a retried or repeated job finds what the earlier attempt did.
 */
@Service
public class EnvironmentLifecycle {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Logger log = LoggerFactory.getLogger(EnvironmentLifecycle.class);

    private final EnvironmentRepository environments;
    private final TemplateCatalog templates;
    private final Providers providers;
    private final CreditLedger ledger;
    private final RequestService requests;
    private final NotificationService notifications;
    private final UserAccountService users;
    private final I18NProvider texts;
    private final EnvironmentProperties settings;
    private final Clock clock;
    private final WorkflowService workflow;
    private final EnvironmentSecrets secrets;
    private final ApprovalCheck approvals;

    EnvironmentLifecycle(EnvironmentRepository environments, TemplateCatalog templates, Providers providers,
                         CreditLedger ledger, RequestService requests, NotificationService notifications,
                         UserAccountService users, I18NProvider texts, EnvironmentProperties settings,
                         Clock clock, WorkflowService workflow, EnvironmentSecrets secrets, ApprovalCheck approvals) {
        this.approvals = approvals;
        this.secrets = secrets;
        this.workflow = workflow;
        this.environments = environments;
        this.templates = templates;
        this.providers = providers;
        this.ledger = ledger;
        this.requests = requests;
        this.notifications = notifications;
        this.users = users;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** UserTask_ApproveEnvironment created: the request awaits approval and the approver is told. */
    @Transactional
    public void awaitingApproval(long requestId, String approver) {
        requests.awaitingApproval(requestId, approver);
    }

    /** ServiceTask_Provision: asks the provider to create it. True when it is ready already. */
    @Transactional
    public boolean provision(long environmentId, String processInstanceId) {
        Environment environment = get(environmentId);
        if (environment.status().isProvisioned()) {
            return true;
        }
        // one approval per role the instance's own evaluation of the decision named (none: none needed)
        approvals.requireApprovals(requests.get(environment.requestId()), processInstanceId,
                approvals.decided(processInstanceId, EnvironmentProcess.APPROVAL_DECISION, EnvironmentProcess.APPROVAL_OUTPUT)
                        .map(roles -> roles.contains(EnvironmentProcess.REFUSE) ? ApprovalCheck.REFUSED_BY_DECISION
                                : roles.size())
                        .orElse(1));
        if (environment.status() == EnvironmentStatus.REQUESTED) {
            requests.changeStatus(environment.requestId(), RequestStatus.IN_FULFILMENT, null);
        }
        environments.updateStatus(environmentId, EnvironmentStatus.PROVISIONING);
        Provisioning provisioning = provider(environment).provision(specOf(environment));
        log.info("Provisioning {} ({}) at {}", environment.key(), environment.name(), environment.provider());
        return whenReady(get(environmentId), provisioning);
    }

    /** ServiceTask_CheckProvisioning: true once the provider has finished. */
    @Transactional
    public boolean checkProvisioning(long environmentId) {
        Environment environment = get(environmentId);
        if (environment.status().isProvisioned()) {
            return true;
        }
        return whenReady(environment, provider(environment).status(environment.key()));
    }

    private boolean whenReady(Environment environment, Provisioning provisioning) {
        if (provisioning.oneTimeSecret() != null) {
            secrets.keep(environment.id(), provisioning.oneTimeSecret());
        }
        if (!provisioning.ready()) {
            environments.updateStatus(environment.id(), EnvironmentStatus.PROVISIONING);
            return false;
        }
        Instant now = clock.instant();
        environments.markReady(environment.id(), provisioning.endpoint(), provisioning.connectionInfo(), now);
        // a new environment runs at the provider; the schedule decides at once whether it should
        if (desiredState(environment, now) == EnvironmentStatus.RUNNING) {
            ledger.openRun(environment.id(), now);
            environments.updateStatus(environment.id(), EnvironmentStatus.RUNNING);
        } else {
            provider(environment).stop(environment.key());
            environments.updateStatus(environment.id(), EnvironmentStatus.STOPPED);
        }
        requests.changeStatus(environment.requestId(), RequestStatus.FULFILLED, null);
        notifications.notify(environment.owner(), environment.requestNumber(), NotificationService.ENVIRONMENT_READY,
                environment.requestNumber(), environment.name(),
                provisioning.endpoint() == null ? "-" : provisioning.endpoint());
        log.info("Environment {} ({}) is ready", environment.key(), environment.name());
        return true;
    }

    /** ServiceTask_ApplySchedule: starts or stops it as the schedule (or a start/stop now) says. */
    @Transactional
    public void applySchedule(long environmentId) {
        Environment environment = get(environmentId);
        if (!environment.status().isProvisioned()) {
            return;
        }
        Instant now = clock.instant();
        if (environment.manualState() != null && !environment.manualOverrideAt(now)) {
            environments.updateManual(environmentId, null, null);
            environment = get(environmentId);
        }
        applyDesiredState(environment, now);
    }

    /** Brings the provider and the ledger in line with what should be so now. */
    void applyDesiredState(Environment environment, Instant now) {
        EnvironmentStatus desired = desiredState(environment, now);
        boolean running = environment.status() == EnvironmentStatus.RUNNING;
        if (desired == EnvironmentStatus.RUNNING && !running) {
            provider(environment).start(environment.key());
            ledger.openRun(environment.id(), now);
            environments.updateStatus(environment.id(), EnvironmentStatus.RUNNING);
            log.info("Started {} ({})", environment.key(), environment.name());
        } else if (desired != EnvironmentStatus.RUNNING && running) {
            provider(environment).stop(environment.key());
            ledger.closeRun(environment, now);
            environments.updateStatus(environment.id(), desired);
            log.info("Stopped {} ({})", environment.key(), environment.name());
        }
    }

    static EnvironmentStatus desiredState(Environment environment, Instant now) {
        if (environment.status() == EnvironmentStatus.EXPIRED) {
            return EnvironmentStatus.EXPIRED;
        }
        if (environment.manualOverrideAt(now)) {
            return environment.manualState();
        }
        return environment.schedule().isRunningAt(now) ? EnvironmentStatus.RUNNING : EnvironmentStatus.STOPPED;
    }

    /** When the next start or stop is due: the end of a start/stop now, else the schedule's next change. */
    public Instant nextScheduleChange(long environmentId) {
        Environment environment = get(environmentId);
        Instant now = clock.instant();
        if (environment.manualOverrideAt(now)) {
            return environment.manualUntil() != null ? environment.manualUntil() : never(environment);
        }
        return environment.schedule().nextChangeAfter(now).orElseGet(() -> never(environment));
    }

    /** When the next lease milestone not yet handled is due (may be past: it then fires at once). */
    public Instant nextLeaseMilestone(long environmentId) {
        Environment environment = get(environmentId);
        return nextMilestone(environment).at(environment.leaseEnd(), settings);
    }

    /**
     * ServiceTask_HandleLeaseMilestone: reminds, expires (stops, until extended) or ends the lease. Returns true
     * when the lease is over and the environment must be deleted.
     */
    @Transactional
    public boolean handleLeaseMilestone(long environmentId) {
        Environment environment = get(environmentId);
        Instant now = clock.instant();
        LeaseMilestone milestone = nextMilestone(environment);
        if (milestone.at(environment.leaseEnd(), settings).isAfter(now)) {
            return false; // the lease changed while the timer was due
        }
        environments.updateLeaseNotice(environmentId, milestone);
        switch (milestone) {
            case FIRST_REMINDER, LAST_REMINDER -> notifications.notify(environment.owner(),
                    environment.requestNumber(), NotificationService.LEASE_REMINDER, environment.requestNumber(),
                    environment.name(), local(environment.leaseEnd()));
            case EXPIRY -> {
                if (environment.status() == EnvironmentStatus.RUNNING) {
                    provider(environment).stop(environment.key());
                    ledger.closeRun(environment, now);
                }
                environments.updateStatus(environmentId, EnvironmentStatus.EXPIRED);
                notifications.notify(environment.owner(), environment.requestNumber(),
                        NotificationService.LEASE_EXPIRED, environment.requestNumber(), environment.name(),
                        local(LeaseMilestone.DELETION.at(environment.leaseEnd(), settings)));
                log.info("Lease of {} ({}) ended; deleted after the grace period unless extended", environment.key(),
                        environment.name());
            }
            case DELETION -> {
                log.info("Grace period of {} ({}) is over", environment.key(), environment.name());
                return true;
            }
        }
        return false;
    }

    /** ServiceTask_Delete: removes it at the provider, books its last run, keeps it in history as deleted. */
    @Transactional
    public void delete(long environmentId) {
        Environment environment = get(environmentId);
        if (environment.status() == EnvironmentStatus.DELETED) {
            return;
        }
        Instant now = clock.instant();
        provider(environment).delete(environment.key());
        ledger.closeRun(environment, now);
        environments.markGone(environmentId, EnvironmentStatus.DELETED, now);
        secrets.forget(environmentId);
        notifications.notify(environment.owner(), environment.requestNumber(), NotificationService.ENVIRONMENT_DELETED,
                environment.requestNumber(), environment.name());
        log.info("Deleted {} ({})", environment.key(), environment.name());
    }

    /**
     * Sets a new lease end (the owner's extension, or an approved longer one). The reminders whose moment has
     * passed count as sent; an expired environment comes back (stopped, then as its schedule says); the
     * environment's instance is told, so its timers follow.
     */
    @Transactional
    public void setLease(long environmentId, LocalDate lastDay) {
        Environment environment = get(environmentId);
        Instant now = clock.instant();
        Instant leaseEnd = CreditBudgets.leaseEndOf(lastDay);
        environments.updateLease(environmentId, leaseEnd, noticeAt(leaseEnd, now));
        if (environment.status() == EnvironmentStatus.EXPIRED) {
            environments.updateStatus(environmentId, EnvironmentStatus.STOPPED);
            applyDesiredState(get(environmentId), now);
        }
        workflow.message(EnvironmentProcess.MSG_ENVIRONMENT_CHANGED,
                requests.get(environment.requestId()).processInstanceId());
        log.info("Lease of {} ({}) now ends after {}", environment.key(), environment.name(), lastDay);
    }

    /** The reminders whose moment is already past when a lease is set count as sent: no "7 days left" for a 3-day lease. */
    LeaseMilestone noticeAt(Instant leaseEnd, Instant now) {
        LeaseMilestone notice = null;
        for (LeaseMilestone milestone : List.of(LeaseMilestone.FIRST_REMINDER, LeaseMilestone.LAST_REMINDER)) {
            if (!milestone.at(leaseEnd, settings).isAfter(now)) {
                notice = milestone;
            }
        }
        return notice;
    }

    /** ServiceTask_RecordRefusal / ServiceTask_RecordRejection: it will not be made; its name is free again. */
    @Transactional
    public void recordRefusal(long environmentId, String reason) {
        Environment environment = get(environmentId);
        if (environment.status() == EnvironmentStatus.REFUSED) {
            return;
        }
        environments.markGone(environmentId, EnvironmentStatus.REFUSED, clock.instant());
        Request request = requests.get(environment.requestId());
        Locale language = users.language(request.requester());
        String text = reason != null ? reason : texts.getTranslation("environment.refused.rules", language);
        requests.reject(request.id(), text);
        log.info("Environment {} ({}) refused: {}", environment.key(), environment.name(), text);
    }

    private LeaseMilestone nextMilestone(Environment environment) {
        LeaseMilestone last = environment.leaseNotice();
        int next = last == null ? 0 : last.ordinal() + 1;
        return LeaseMilestone.values()[Math.min(next, LeaseMilestone.DELETION.ordinal())];
    }

    /** No change is due before the environment is gone: a date the timer never reaches in its life. */
    private Instant never(Environment environment) {
        return LeaseMilestone.DELETION.at(environment.leaseEnd(), settings).plus(java.time.Duration.ofDays(1));
    }

    private EnvironmentSpec specOf(Environment environment) {
        EnvironmentTemplate template = templates.find(environment.template())
                .orElseThrow(() -> new IllegalStateException("Template " + environment.template() + " is gone"));
        return new EnvironmentSpec(environment.key(), environment.tenant(), environment.name(), template.code(),
                template.components(), environment.stage().code(), environment.size().name().toLowerCase(Locale.ROOT),
                environment.owner());
    }

    private EnvironmentProvider provider(Environment environment) {
        return providers.get(environment.provider());
    }

    Environment get(long environmentId) {
        return environments.find(environmentId)
                .orElseThrow(() -> new IllegalArgumentException("No environment with id " + environmentId));
    }

    private static String local(Instant instant) {
        return DATE_TIME.format(instant.atZone(Schedule.AMSTERDAM)) + " (" + Schedule.AMSTERDAM.getId() + ")";
    }
}
