package nl.loket.environment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.loket.catalog.CatalogService;
import nl.loket.environment.provider.ProviderException;
import nl.loket.notification.NotificationService;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.security.CurrentUser;
import nl.loket.security.Roles;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.workflow.ProcessVariables;
import nl.loket.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wegwijzer for its users: ordering an environment (checked, estimated, then request and process in one
 * transaction), seeing one's own and one's tenants' environments, and what an owner does with theirs. Members of a
 * tenant see its environments; the owner of an environment and the tenant's owner act on it; process admins see all.
 */
@Service
public class EnvironmentService {

    public static final String FIELD_ENVIRONMENT = "environment";

    private static final Logger log = LoggerFactory.getLogger(EnvironmentService.class);

    private final EnvironmentRepository environments;
    private final TemplateCatalog templates;
    private final OrderCheck check;
    private final CreditBudgets budgets;
    private final EnvironmentLifecycle lifecycle;
    private final TenantService tenants;
    private final RequestService requests;
    private final CatalogService catalog;
    private final WorkflowService workflow;
    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final EnvironmentProperties settings;
    private final LeaseExtensions extensions;
    private final EnvironmentSecrets secrets;

    EnvironmentService(EnvironmentRepository environments, TemplateCatalog templates, OrderCheck check,
                       CreditBudgets budgets, EnvironmentLifecycle lifecycle, TenantService tenants,
                       RequestService requests, CatalogService catalog, WorkflowService workflow,
                       NotificationService notifications, CurrentUser currentUser, Clock clock,
                       EnvironmentProperties settings, LeaseExtensions extensions, EnvironmentSecrets secrets) {
        this.secrets = secrets;
        this.extensions = extensions;
        this.environments = environments;
        this.templates = templates;
        this.check = check;
        this.budgets = budgets;
        this.lifecycle = lifecycle;
        this.tenants = tenants;
        this.requests = requests;
        this.catalog = catalog;
        this.workflow = workflow;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
        this.settings = settings;
    }

    public List<Tenant> myTenants() {
        return tenants.tenantsOf(currentUser.username());
    }

    public List<EnvironmentTemplate> templates() {
        return templates.active();
    }

    public EnvironmentProperties settings() {
        return settings;
    }

    /** The estimate for an order, or empty while it lacks what an estimate needs (tenant, template, size). */
    public Optional<Estimate> estimate(EnvironmentOrder order) {
        if (order.tenant() == null || order.template() == null || order.size() == null || order.stage() == null
                || order.schedule() == null || order.leaseEnd() == null
                || !tenants.isMember(order.tenant(), currentUser.username())) {
            return Optional.empty();
        }
        return templates.find(order.template()).filter(t -> t.offers(order.size()))
                .map(template -> budgets.estimate(order, template));
    }

    /**
     * Orders an environment: checked field by field, then the request, the environment (holding its name) and
     * the process start in one transaction. The approval decision gets what the estimate found.
     */
    @Transactional
    public Request order(EnvironmentOrder order) {
        String me = currentUser.username();
        catalog.checkMayStart(EnvironmentProcess.KEY);
        Map<String, String> problems = check.problems(order, me);
        if (!problems.isEmpty()) {
            log.warn("Refused environment order by {}: {}", me, problems);
            throw new InvalidRequestException(problems);
        }
        EnvironmentTemplate template = templates.find(order.template()).orElseThrow();
        Estimate estimate = budgets.estimate(order, template);
        Tenant tenant = tenants.find(order.tenant()).orElseThrow();
        Request request = requests.create(EnvironmentProcess.KEY, me, order.name() + " (" + tenant.name() + ")");
        Instant now = clock.instant();
        Instant leaseEnd = CreditBudgets.leaseEndOf(order.leaseEnd());
        long environmentId;
        try {
            environmentId = environments.insert(request.id(), order, template, me, leaseEnd, lifecycle.noticeAt(leaseEnd, now),
                    now);
        } catch (DuplicateKeyException e) {
            log.warn("Refused environment order by {}: name {} was just taken in {}", me, order.name(), order.tenant());
            throw new InvalidRequestException(Map.of(OrderCheck.NAME, "environment.error.name.taken"));
        }
        environments.recordEstimate(environmentId, estimate);
        String instance = workflow.start(EnvironmentProcess.KEY, request.number(), ProcessVariables.create()
                .with(EnvironmentProcess.REQUEST_ID, request.id())
                .with(EnvironmentProcess.REQUESTER, me)
                .with(EnvironmentProcess.ENVIRONMENT_ID, environmentId)
                .with(EnvironmentProcess.TENANT, order.tenant())
                .with(EnvironmentProcess.STAGE, order.stage().code())
                .with(EnvironmentProcess.PRODUCTION_DATA, order.productionData())
                .with(EnvironmentProcess.OVER_BUDGET, estimate.overBudget())
                .with(EnvironmentProcess.OVERRUN_PERCENT, estimate.overrunPercent())
                .asMap());
        requests.attachProcess(request, instance);
        notifications.notify(me, request.number(), NotificationService.SUBMITTED, request.number(), request.summary());
        log.info("{} ordered environment {} in {} ({}, {} credits for the lease)", me, order.name(), order.tenant(),
                request.number(), estimate.leaseCredits());
        return requests.get(request.id());
    }

    public List<EnvironmentView> mine() {
        return withFailures(environments.ownedBy(currentUser.username()));
    }

    /** The environments of a tenant the current user belongs to (all tenants for process admins). */
    public List<EnvironmentView> ofTenant(String tenant) {
        if (!mayViewTenant(tenant)) {
            log.warn("Refused: {} may not see the environments of {}", currentUser.username(), tenant);
            return List.of();
        }
        return withFailures(environments.ofTenants(List.of(tenant)));
    }

    public boolean mayViewTenant(String tenant) {
        return currentUser.hasRole(Roles.PROCESS_ADMIN) || tenants.isMember(tenant, currentUser.username());
    }

    /** One environment, if the current user may see it. */
    public Optional<EnvironmentView> find(long id) {
        return environments.find(id).filter(e -> e.owner().equals(currentUser.username()) || mayViewTenant(e.tenant()))
                .map(e -> withFailures(List.of(e)).get(0));
    }

    public Optional<EnvironmentView> findByRequest(String requestNumber) {
        return requests.findByNumber(requestNumber).flatMap(r -> environments.findByRequest(r.id()))
                .flatMap(e -> find(e.id()));
    }

    /** The owner of the environment, or of its tenant, may act on it. */
    public boolean mayManage(Environment environment) {
        String me = currentUser.username();
        return environment.owner().equals(me)
                || tenants.find(environment.tenant()).map(t -> me.equals(t.owner())).orElse(false);
    }

    /** Start now: runs for {@code manual-run} (4 hours), then the schedule decides again. */
    @Transactional
    public void startNow(long id) {
        override(id, EnvironmentStatus.RUNNING, now -> now.plus(settings.manualRun()), "started now");
    }

    /** Stop now: stopped until the schedule would next start it (for always-on: until started again). */
    @Transactional
    public void stopNow(long id) {
        override(id, EnvironmentStatus.STOPPED,
                now -> nextScheduledStart(environments.find(id).orElseThrow().schedule(), now), "stopped now");
    }

    /** The Friday nudge's action: stopped until Monday 07:00, whatever the schedule says. */
    @Transactional
    public void stopForTheWeekend(long id) {
        override(id, EnvironmentStatus.STOPPED, now -> LocalDate.now(clock.withZone(Schedule.AMSTERDAM))
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(7, 0))
                .atZone(Schedule.AMSTERDAM).toInstant(), "stopped for the weekend");
    }

    /** The owner overrides the schedule until a moment (null: until they change it again), at the provider at once. */
    private void override(long id, EnvironmentStatus state, java.util.function.UnaryOperator<Instant> until,
                          String what) {
        Environment environment = manageable(id, true);
        Instant now = clock.instant();
        environments.updateManual(id, state, until.apply(now));
        applyNow(id, now);
        changed(environment, what);
    }

    @Transactional
    public void changeSchedule(long id, Schedule schedule) {
        Environment environment = manageable(id, true);
        if (schedule == null || schedule.days().isEmpty()) {
            throw new InvalidRequestException(Map.of(OrderCheck.SCHEDULE, "environment.error.schedule"));
        }
        environments.updateSchedule(id, schedule);
        environments.updateManual(id, null, null);
        applyNow(id, clock.instant());
        changed(environment, "rescheduled");
    }

    /** The latest lease end one click can give: today plus the stage's maximum. */
    public LocalDate maximumLeaseEnd(Environment environment) {
        return LocalDate.now(clock.withZone(Schedule.AMSTERDAM)).plus(environment.stage().maximumLease());
    }

    /** One click: the stage's default lease more, from today or the current end, within the stage's maximum. */
    public LocalDate oneClickLeaseEnd(Environment environment) {
        LocalDate today = LocalDate.now(clock.withZone(Schedule.AMSTERDAM));
        LocalDate currentLastDay = environment.leaseEnd().atZone(Schedule.AMSTERDAM).toLocalDate().minusDays(1);
        LocalDate from = currentLastDay.isAfter(today) ? currentLastDay : today;
        LocalDate wanted = from.plus(environment.stage().defaultLease());
        LocalDate maximum = maximumLeaseEnd(environment);
        return wanted.isAfter(maximum) ? maximum : wanted;
    }

    /**
     * Extends the lease to the end of {@code lastDay}, within the stage's maximum. An expired environment comes
     * back (stopped, then as its schedule says).
     */
    @Transactional
    public void extend(long id, LocalDate lastDay) {
        Environment environment = manageable(id, false);
        if (!environment.status().isProvisioned()) {
            throw new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.not-extendable"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Schedule.AMSTERDAM));
        if (lastDay == null || !lastDay.isAfter(today)
                || !CreditBudgets.leaseEndOf(lastDay).isAfter(environment.leaseEnd())) {
            throw new InvalidRequestException(Map.of(OrderCheck.LEASE_END, "environment.error.lease.not-later"));
        }
        if (lastDay.isAfter(maximumLeaseEnd(environment))) {
            throw new InvalidRequestException(Map.of(OrderCheck.LEASE_END, "environment.error.lease.too-long"));
        }
        applyLease(environment, lastDay);
    }

    private void applyLease(Environment environment, LocalDate lastDay) {
        try {
            lifecycle.setLease(environment.id(), lastDay);
        } catch (ProviderException e) {
            log.error("Provider failed for environment {}: {}", environment.id(), e.getMessage(), e);
            throw new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.provider"));
        }
        log.info("{} extended {} ({}) to {}", currentUser.username(), environment.key(), environment.name(), lastDay);
    }

    /**
     * A lease beyond what the stage allows in one click: a request the tenant owner approves (another approver if
     * the owner asks it). At most two years ahead.
     */
    @Transactional
    public Request requestLongerLease(long id, LocalDate lastDay) {
        Environment environment = manageable(id, false);
        if (!environment.status().isProvisioned()) {
            throw new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.not-extendable"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Schedule.AMSTERDAM));
        if (lastDay == null || !lastDay.isAfter(maximumLeaseEnd(environment)) || lastDay.isAfter(today.plusYears(2))) {
            throw new InvalidRequestException(Map.of(OrderCheck.LEASE_END, "environment.error.lease.longer"));
        }
        return extensions.request(environment, lastDay, currentUser.username());
    }

    /** Delete now: the instance deletes it (async, retried), as at the end of a lease. */
    @Transactional
    public void deleteNow(long id) {
        Environment environment = manageable(id, false);
        if (!environment.status().isProvisioned()) {
            throw new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.not-deletable"));
        }
        Request request = requests.get(environment.requestId());
        if (!workflow.message(EnvironmentProcess.MSG_DELETE_REQUESTED, request.processInstanceId())) {
            throw new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.busy"));
        }
        log.info("{} deletes {} ({}) now", currentUser.username(), environment.key(), environment.name());
    }

    /** The generated password, once: it is gone from Loket after this call. Only the environment's owner gets it. */
    @Transactional
    public Optional<String> revealSecret(long id) {
        Environment environment = environments.find(id).filter(e -> e.owner().equals(currentUser.username()))
                .orElseThrow(() -> new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.not-found")));
        Optional<String> secret = secrets.take(environment.id());
        secret.ifPresent(s -> log.info("{} saw the password of {} (now removed from Loket)", currentUser.username(),
                environment.key()));
        return secret;
    }

    public boolean hasSecret(long id) {
        return secrets.has(id);
    }

    /**
     * Starts or stops at the provider now, in the user's transaction: if the provider fails, nothing changes and
     * the user is told, instead of a half-done change.
     */
    private void applyNow(long id, Instant now) {
        try {
            lifecycle.applyDesiredState(lifecycle.get(id), now);
        } catch (ProviderException e) {
            log.error("Provider failed for environment {}: {}", id, e.getMessage(), e);
            throw new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.provider"));
        }
    }

    private Environment manageable(long id, boolean mustBeLive) {
        Environment environment = environments.find(id).filter(this::mayManage)
                .orElseThrow(() -> new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.not-found")));
        boolean live = environment.status() == EnvironmentStatus.RUNNING || environment.status() == EnvironmentStatus.STOPPED;
        if (mustBeLive && !live) {
            throw new InvalidRequestException(Map.of(FIELD_ENVIRONMENT, "environment.error.not-live"));
        }
        return environment;
    }

    /** Tells the instance, so its timers follow the change; if it is busy, it reads the change when it next waits. */
    private void changed(Environment environment, String what) {
        Request request = requests.get(environment.requestId());
        workflow.message(EnvironmentProcess.MSG_ENVIRONMENT_CHANGED, request.processInstanceId());
        log.info("{}: {} ({}) {}", currentUser.username(), environment.key(), environment.name(), what);
    }

    private static Instant nextScheduledStart(Schedule schedule, Instant now) {
        Instant moment = now;
        for (int i = 0; i < 4; i++) {
            Optional<Instant> change = schedule.nextChangeAfter(moment);
            if (change.isEmpty()) {
                return null;
            }
            if (schedule.isRunningAt(change.get())) {
                return change.get();
            }
            moment = change.get();
        }
        return null;
    }

    /** The environments as shown: one query for their requests, one for failing jobs (not one per environment). */
    private List<EnvironmentView> withFailures(Collection<Environment> list) {
        Map<String, Request> byNumber = requests.findByNumbers(list.stream().map(Environment::requestNumber).toList());
        Map<String, String> failures = workflow.failures(byNumber.values().stream().map(Request::processInstanceId)
                .filter(java.util.Objects::nonNull).toList());
        Instant now = clock.instant();
        return list.stream().map(e -> {
            Request request = byNumber.get(e.requestNumber());
            String failure = request == null || request.processInstanceId() == null ? null
                    : failures.get(request.processInstanceId());
            return new EnvironmentView(e, failure != null && e.status().isLive() ? EnvironmentStatus.FAILED : e.status(),
                    failure, e.isExpiring(now, settings.firstReminder()));
        }).toList();
    }
}
