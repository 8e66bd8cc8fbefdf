package nl.loket.environment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.loket.tenant.TenantService;
import org.springframework.stereotype.Component;

/**
 * Checks an order field by field, with one message key per field so the configure page shows each where it
 * belongs. The name becomes part of a host name: a DNS label of at most 30 characters, unique within the tenant.
 */
@Component
class OrderCheck {

    static final String TENANT = "tenant";
    static final String TEMPLATE = "template";
    static final String NAME = "name";
    static final String STAGE = "stage";
    static final String SIZE = "size";
    static final String SCHEDULE = "schedule";
    static final String LEASE_END = "leaseEnd";
    static final int NAME_MAX = 30;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9-]+");

    private final TenantService tenants;
    private final TemplateCatalog templates;
    private final EnvironmentRepository environments;
    private final Clock clock;

    OrderCheck(TenantService tenants, TemplateCatalog templates, EnvironmentRepository environments, Clock clock) {
        this.tenants = tenants;
        this.templates = templates;
        this.environments = environments;
        this.clock = clock;
    }

    /** Field name to message key; empty when the order is fine for this user. */
    Map<String, String> problems(EnvironmentOrder order, String user) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (order.tenant() == null || !tenants.isMember(order.tenant(), user)) {
            problems.put(TENANT, "environment.error.tenant");
        }
        Optional<EnvironmentTemplate> template = order.template() == null ? Optional.empty()
                : templates.find(order.template()).filter(EnvironmentTemplate::active);
        if (template.isEmpty()) {
            problems.put(TEMPLATE, "environment.error.template");
        }
        nameProblem(order).ifPresent(key -> problems.put(NAME, key));
        if (order.stage() == null || template.isPresent() && !template.get().stages().contains(order.stage())) {
            problems.put(STAGE, "environment.error.stage");
        }
        if (order.size() == null || template.isPresent() && !template.get().offers(order.size())) {
            problems.put(SIZE, "environment.error.size");
        }
        if (order.schedule() == null || order.schedule().days().isEmpty()) {
            problems.put(SCHEDULE, "environment.error.schedule");
        }
        leaseProblem(order).ifPresent(key -> problems.put(LEASE_END, key));
        return problems;
    }

    private Optional<String> nameProblem(EnvironmentOrder order) {
        String name = order.name() == null ? "" : order.name();
        if (name.isBlank()) {
            return Optional.of("environment.error.name.required");
        }
        if (name.length() > NAME_MAX) {
            return Optional.of("environment.error.name.too-long");
        }
        if (!DNS_LABEL.matcher(name).matches()) {
            return Optional.of("environment.error.name.characters");
        }
        if (!Character.isLetter(name.charAt(0)) || name.endsWith("-")) {
            return Optional.of("environment.error.name.edges");
        }
        if (order.tenant() != null && environments.nameTaken(order.tenant(), name)) {
            return Optional.of("environment.error.name.taken");
        }
        return Optional.empty();
    }

    private Optional<String> leaseProblem(EnvironmentOrder order) {
        LocalDate today = LocalDate.now(clock.withZone(Schedule.AMSTERDAM));
        if (order.leaseEnd() == null) {
            return Optional.of("environment.error.lease.required");
        }
        if (!order.leaseEnd().isAfter(today)) {
            return Optional.of("environment.error.lease.past");
        }
        if (order.stage() != null && order.leaseEnd().isAfter(today.plus(order.stage().maximumLease()))) {
            return Optional.of("environment.error.lease.too-long");
        }
        return Optional.empty();
    }

    /** A custom schedule's hours: the day ends after it starts (until midnight is the end of the day). */
    static boolean validHours(LocalTime from, LocalTime until) {
        return from != null && until != null && (until.isAfter(from) || until.equals(LocalTime.MIDNIGHT));
    }
}
