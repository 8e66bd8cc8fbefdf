package nl.loket.environment;

import static nl.loket.environment.EnvironmentLifecycleIT.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.OwnRequestException;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approval rules against the real services: the estimate on the configure page and the process agree on who
 * approves; the privacy owner and tenant owner decide in their inbox; far over budget is refused; nobody approves
 * their own environment.
 */
@LoketIntegrationTest
class EnvironmentApprovalIT {

    @Autowired EnvironmentService environments;
    @Autowired RequestService requests;
    @Autowired InboxService inbox;
    @Autowired TenantService tenants;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;

    @AfterEach
    void reset() {
        EngineTime.reset();
        processes.endAll(EnvironmentProcess.KEY);
        processes.endAll(LeaseExtensionProcess.KEY);
        TestUsers.logout();
    }

    @Test
    void production_like_data_waits_for_the_privacy_owner_who_approves_in_her_inbox() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        EnvironmentOrder order = withData(order("utrecht", name("data"), LocalDate.of(2026, 11, 30)));
        assertThat(environments.estimate(order).orElseThrow().approvals()).containsExactly("privacy-owner");
        Request request = environments.order(order);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);

        users.loginAs("sanne");
        InboxItem task = single(inbox.myTasks(), request);
        inbox.approve(task.taskId());
        processes.executeJobsOf(request.processInstanceId());
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 1));   // the simulated cloud takes 20 s
        processes.executeJobsOf(request.processInstanceId());
        users.loginAs("emma");
        assertThat(environments.findByRequest(request.number()).orElseThrow().environment().status())
                .isEqualTo(EnvironmentStatus.RUNNING);
    }

    @Test
    void an_approval_skipped_by_instance_modification_creates_no_environment() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        String name = name("skip");
        Request request = environments.order(withData(order("utrecht", name, LocalDate.of(2026, 11, 30))));
        String instance = request.processInstanceId();
        // what a process admin's "modify" in Cockpit (or engine-rest) does: on to provisioning, approval cancelled
        runtimeService.createProcessInstanceModification(instance)
                .startBeforeActivity(EnvironmentProcess.PROVISION)
                .setVariable("approved", true)
                .cancelAllForActivity(EnvironmentProcess.APPROVE)
                .execute(true, false);
        String job = managementService.createJobQuery().processInstanceId(instance).activityId(EnvironmentProcess.PROVISION)
                .singleResult().getId();

        assertThatThrownBy(() -> managementService.executeJob(job))
                .hasMessageContaining("Four-eyes").hasMessageContaining("never given");
        assertThat(environments.findByRequest(request.number()).orElseThrow().environment().status())
                .as("nothing was created").isEqualTo(EnvironmentStatus.REQUESTED);
        assertThat(jdbc.sql("select count(*) from sim_resource where name = ?").param("utrecht-" + name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_approver_sees_the_estimate_the_requester_saw_and_the_rule_that_sent_it_to_her() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        EnvironmentOrder order = withData(order("utrecht", name("seen"), LocalDate.of(2026, 11, 30)));
        var estimate = environments.estimate(order).orElseThrow();
        Request request = environments.order(order);

        users.loginAs("sanne");
        InboxItem task = inbox.open(single(inbox.myTasks(), request).taskId());
        assertThat(task.facts()).extracting(nl.loket.request.RequestFact::labelKey, nl.loket.request.RequestFact::value)
                .contains(org.assertj.core.groups.Tuple.tuple("environment.estimate.per-hour",
                                estimate.creditsPerHour().setScale(4)),
                        org.assertj.core.groups.Tuple.tuple("environment.estimate.lease",
                                estimate.leaseCredits().setScale(2)),
                        org.assertj.core.groups.Tuple.tuple("environment.estimate.left-when-ordered",
                                estimate.budget().left().setScale(2)),
                        org.assertj.core.groups.Tuple.tuple("environment.estimate.left-after",
                                estimate.leftAfter().setScale(2)));
        assertThat(task.facts()).filteredOn(f -> f.kind() == nl.loket.request.RequestFact.Kind.RULE)
                .extracting(f -> ((nl.loket.workflow.MatchedRule) f.value()).ruleId())
                .as("the rule of the approval decision that sent it to the privacy owner")
                .containsExactly("Rule_ProductionData");
        inbox.approve(task.taskId());
    }

    @Test
    void a_rejection_closes_the_request_with_its_reason_and_frees_the_name() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        String name = name("rejected");
        Request request = environments.order(withData(order("utrecht", name, LocalDate.of(2026, 11, 30))));
        users.loginAs("sanne");
        inbox.reject(single(inbox.myTasks(), request).taskId(), "Use the anonymised data set");
        processes.executeJobsOf(request.processInstanceId());

        users.loginAs("emma");
        Request closed = requests.get(request.id());
        assertThat(closed.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(closed.outcomeReason()).isEqualTo("Use the anonymised data set");
        assertThat(environments.findByRequest(request.number()).orElseThrow().environment().status())
                .isEqualTo(EnvironmentStatus.REFUSED);
        environments.order(order("utrecht", name, LocalDate.of(2026, 11, 30)));
    }

    @Test
    void far_over_budget_is_refused_by_the_rules_and_a_little_over_goes_to_the_tenant_owner() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        EnvironmentOrder probe = order("utrecht", name("probe"), LocalDate.of(2026, 11, 30));
        BigDecimal cost = environments.estimate(probe).orElseThrow().creditsThisYear();

        // a tenant whose whole budget is a tenth of the cost: far over
        String poor = tenant(cost.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP));
        EnvironmentOrder far = order(poor, name("far"), LocalDate.of(2026, 11, 30));
        assertThat(environments.estimate(far).orElseThrow().refused()).isTrue();
        Request refused = environments.order(far);
        processes.executeJobsOf(refused.processInstanceId());
        assertThat(requests.get(refused.id()).status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(requests.get(refused.id()).outcomeReason()).contains("10%");

        // a tenant with 95% of the cost: 5% over, the tenant owner (mark) decides
        String tight = tenant(cost.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.HALF_UP));
        EnvironmentOrder little = order(tight, name("little"), LocalDate.of(2026, 11, 30));
        Estimate estimate = environments.estimate(little).orElseThrow();
        assertThat(estimate.overBudget()).isTrue();
        assertThat(estimate.leftAfter()).isNegative();
        assertThat(estimate.approvals()).containsExactly("tenant-owner");
        Request request = environments.order(little);
        users.loginAs("mark");
        assertThat(single(inbox.myTasks(), request).assignee()).isEqualTo("mark");
    }

    @Test
    void the_tenant_owner_ordering_himself_is_approved_by_another_approver_never_by_himself() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("mark");   // owner of amersfoort
        EnvironmentOrder acceptance = new EnvironmentOrder("amersfoort", "web-application", name("acc"),
                Stage.ACCEPTANCE, Size.SMALL, false, false, Schedule.officeHours(), LocalDate.of(2026, 12, 31));
        Request request = environments.order(acceptance);
        var task = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
        assertThat(task.getAssignee()).as("not mark: the approver group").isNull();
        assertThatThrownBy(() -> inbox.claim(task.getId())).isInstanceOf(OwnRequestException.class);
    }

    @Test
    void a_lease_beyond_the_stage_maximum_is_asked_of_the_tenant_owner_and_applied_when_approved() {
        long id = runningEnvironmentOfEmma("longer");
        LocalDate maximum = environments.maximumLeaseEnd(environments.find(id).orElseThrow().environment());
        assertThatThrownBy(() -> environments.extend(id, maximum.plusDays(1))).as("not in one click")
                .isInstanceOfSatisfying(nl.loket.request.InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("leaseEnd", "environment.error.lease.too-long"));

        Request asked = environments.requestLongerLease(id, maximum.plusDays(30));
        users.loginAs("mark");
        inbox.approve(single(inbox.myTasks(), asked).taskId());
        processes.executeJobsOf(asked.processInstanceId());
        users.loginAs("emma");
        assertThat(requests.get(asked.id()).status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(environments.find(id).orElseThrow().environment().leaseEnd())
                .isEqualTo(CreditBudgets.leaseEndOf(maximum.plusDays(30)));
    }

    @Test
    void a_lease_extension_whose_approval_is_skipped_by_instance_modification_extends_nothing() {
        long id = runningEnvironmentOfEmma("skipext");
        java.time.Instant leaseEnd = environments.find(id).orElseThrow().environment().leaseEnd();
        LocalDate maximum = environments.maximumLeaseEnd(environments.find(id).orElseThrow().environment());
        Request asked = environments.requestLongerLease(id, maximum.plusDays(30));
        runtimeService.createProcessInstanceModification(asked.processInstanceId())
                .startBeforeActivity(LeaseExtensionProcess.EXTEND)
                .setVariable("approved", true)
                .cancelAllForActivity(LeaseExtensionProcess.APPROVE)
                .execute(true, false);
        String job = managementService.createJobQuery().processInstanceId(asked.processInstanceId())
                .activityId(LeaseExtensionProcess.EXTEND).singleResult().getId();

        assertThatThrownBy(() -> managementService.executeJob(job))
                .hasMessageContaining("Four-eyes").hasMessageContaining("never given");
        assertThat(environments.find(id).orElseThrow().environment().leaseEnd()).as("the lease as it was")
                .isEqualTo(leaseEnd);
        assertThat(requests.get(asked.id()).status()).isNotEqualTo(RequestStatus.FULFILLED);
        // its failing job would meet other tests that run every job of the shared engine
        runtimeService.deleteProcessInstance(asked.processInstanceId(), "test over", true, true);
    }

    @Test
    void withdrawing_before_approval_frees_the_name() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        String name = name("withdrawn");
        Request request = environments.order(withData(order("utrecht", name, LocalDate.of(2026, 11, 30))));
        requests.withdraw(request.number(), "Not needed after all");
        assertThat(environments.findByRequest(request.number()).orElseThrow().environment().status())
                .as("withdrawn, not refused: nobody said no").isEqualTo(EnvironmentStatus.WITHDRAWN);
        environments.order(order("utrecht", name, LocalDate.of(2026, 11, 30)));
    }

    /** Emma's environment, ordered without approval and provisioned by the simulated cloud: its id. */
    private long runningEnvironmentOfEmma(String namePrefix) {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs("emma");
        Request order = environments.order(order("utrecht", name(namePrefix), LocalDate.of(2026, 11, 30)));
        processes.executeJobsOf(order.processInstanceId());
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 1));
        processes.executeJobsOf(order.processInstanceId());
        return environments.findByRequest(order.number()).orElseThrow().environment().id();
    }

    private String tenant(BigDecimal budget) {
        String code = "t" + UUID.randomUUID().toString().substring(0, 8);
        tenants.addIfAbsent(new Tenant(code, "Test tenant " + code, "mark", "sanne", budget), List.of("emma"));
        return code;
    }

    private static EnvironmentOrder withData(EnvironmentOrder order) {
        return new EnvironmentOrder(order.tenant(), order.template(), order.name(), Stage.TEST, order.size(),
                order.support(), true, order.schedule(), order.leaseEnd());
    }

    private static InboxItem single(List<InboxItem> items, Request request) {
        return items.stream().filter(item -> item.request().id() == request.id()).findFirst().orElseThrow();
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
