package nl.loket.environment;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import nl.loket.request.Request;
import nl.loket.request.RequestFact;
import nl.loket.request.RequestFacts;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.workflow.ProcessHistoryService;
import org.springframework.stereotype.Component;

/** What an environment request asked for, on the request page and in the approver's inbox. */
@Component
class EnvironmentRequestFacts implements RequestFacts {

    private final EnvironmentRepository environments;
    private final TemplateCatalog templates;
    private final TenantService tenants;
    private final ProcessHistoryService history;

    EnvironmentRequestFacts(EnvironmentRepository environments, TemplateCatalog templates, TenantService tenants,
                            ProcessHistoryService history) {
        this.history = history;
        this.environments = environments;
        this.templates = templates;
        this.tenants = tenants;
    }

    @Override
    public String requestType() {
        return EnvironmentProcess.KEY;
    }

    @Override
    public List<RequestFact> factsOf(Request request) {
        return environments.findByRequest(request.id()).map(e -> {
            List<RequestFact> facts = new ArrayList<>();
            facts.add(RequestFact.text("environment.name", e.name()));
            facts.add(RequestFact.text("environment.tenant", tenants.find(e.tenant()).map(Tenant::name).orElse(e.tenant())));
            facts.add(RequestFact.text("environment.template",
                    templates.find(e.template()).map(EnvironmentTemplate::nameEn).orElse(e.template())));
            facts.add(RequestFact.message("environment.stage", "environment.stage." + e.stage().name()));
            facts.add(RequestFact.message("environment.size", "environment.size." + e.size().name()));
            facts.add(RequestFact.yesNo("environment.support", e.support()));
            facts.add(RequestFact.yesNo("environment.production-data", e.productionData()));
            facts.add(schedule(e.schedule()));
            facts.add(RequestFact.date("environment.lease-end",
                    e.leaseEnd().atZone(Schedule.AMSTERDAM).toLocalDate().minusDays(1)));
            facts.add(RequestFact.message("environment.status", "environment.status." + e.status().name()));
            environments.estimateOf(request.id()).ifPresent(estimate -> facts.addAll(estimateFacts(estimate)));
            if (request.processInstanceId() != null) {
                // why it needs this approval: the rules of the approval decision that matched
                history.matchedRules(request.processInstanceId(), EnvironmentProcess.APPROVAL_DECISION)
                        .forEach(rule -> facts.add(RequestFact.rule("environment.approval-reason", rule)));
            }
            return facts;
        }).orElse(List.of());
    }

    /** What the requester saw in the estimate when ordering, so that approvers decide on the same figures. */
    private static List<RequestFact> estimateFacts(OrderEstimate estimate) {
        return List.of(
                RequestFact.credits("environment.estimate.per-hour", estimate.creditsPerHour()),
                RequestFact.credits("environment.estimate.per-month", estimate.creditsPerMonth()),
                RequestFact.euros("environment.estimate.per-month-euros", estimate.eurosPerMonth()),
                RequestFact.credits("environment.estimate.lease", estimate.leaseCredits()),
                RequestFact.euros("environment.estimate.lease-euros", estimate.leaseEuros()),
                RequestFact.credits("environment.estimate.left-when-ordered", estimate.budgetLeft()),
                RequestFact.credits("environment.estimate.left-after", estimate.leftAfter()));
    }

    private static RequestFact schedule(Schedule schedule) {
        if (schedule.isAlwaysOn()) {
            return RequestFact.message("environment.schedule", "environment.schedule.ALWAYS_ON");
        }
        if (schedule.equals(Schedule.officeHours())) {
            return RequestFact.message("environment.schedule", "environment.schedule.OFFICE_HOURS");
        }
        String days = schedule.days().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
        return RequestFact.text("environment.schedule", days + " " + schedule.from() + "–" + schedule.until());
    }
}
