package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.PRIVACY_OWNER;
import static nl.loket.environment.EnvironmentProcess.REQUESTER;
import static nl.loket.environment.EnvironmentProcess.TENANT;
import static nl.loket.environment.EnvironmentProcess.TENANT_OWNER;

import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who approves in a round of UserTask_ApproveEnvironment: the tenant's privacy owner or owner. Nobody approves
 * their own request: when that person is the requester (or the tenant has none), the task goes to the approver
 * group instead.
 */
@ProcessBean
@Component("environmentApprovers")
public class EnvironmentApprovers {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentApprovers.class);

    private final TenantService tenants;

    EnvironmentApprovers(TenantService tenants) {
        this.tenants = tenants;
    }

    public String assignee(String role, DelegateExecution execution) {
        String requester = REQUESTER.from(execution);
        Tenant tenant = tenants.find(TENANT.from(execution)).orElse(null);
        String person = tenant == null ? null : switch (role) {
            case PRIVACY_OWNER -> tenant.privacyOwner();
            case TENANT_OWNER -> tenant.owner();
            default -> null;
        };
        if (person == null || person.equals(requester)) {
            log.info("Approval as {} for {} goes to the approver group", role, execution.getBusinessKey());
            return null;
        }
        return person;
    }
}
