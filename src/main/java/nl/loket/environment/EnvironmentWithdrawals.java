package nl.loket.environment;

import java.time.Clock;

import nl.loket.request.Request;
import nl.loket.request.WithdrawalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A withdrawn environment request: whatever the provider had started making is removed, and the name is free
 * again. (Once made, an environment is not withdrawn but deleted: the request is fulfilled by then.) Uses no
 * request service: the request service calls this.
 */
@Component
class EnvironmentWithdrawals implements WithdrawalHandler {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentWithdrawals.class);

    private final EnvironmentRepository environments;
    private final Providers providers;
    private final EnvironmentSecrets secrets;
    private final Clock clock;

    EnvironmentWithdrawals(EnvironmentRepository environments, Providers providers, EnvironmentSecrets secrets,
                           Clock clock) {
        this.environments = environments;
        this.providers = providers;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public String requestType() {
        return EnvironmentProcess.KEY;
    }

    @Override
    public void withdrawn(Request request) {
        environments.findByRequest(request.id()).ifPresent(environment -> {
            if (environment.status() == EnvironmentStatus.PROVISIONING) {
                providers.get(environment.provider()).delete(environment.key());
            }
            environments.markGone(environment.id(), EnvironmentStatus.WITHDRAWN, clock.instant());
            secrets.forget(environment.id());
            log.info("Environment {} ({}) withdrawn before it was ready", environment.key(), environment.name());
        });
    }
}
