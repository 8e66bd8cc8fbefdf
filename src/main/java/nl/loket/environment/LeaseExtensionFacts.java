package nl.loket.environment;

import java.util.List;

import nl.loket.request.Request;
import nl.loket.request.RequestFact;
import nl.loket.request.RequestFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a lease extension request asks: the environment, its current lease end and the asked one. */
@Component
class LeaseExtensionFacts implements RequestFacts {

    private final JdbcClient jdbc;
    private final EnvironmentRepository environments;

    LeaseExtensionFacts(JdbcClient jdbc, EnvironmentRepository environments) {
        this.jdbc = jdbc;
        this.environments = environments;
    }

    @Override
    public String requestType() {
        return LeaseExtensionProcess.KEY;
    }

    @Override
    public List<RequestFact> factsOf(Request request) {
        LeaseExtensions.Extension extension = LeaseExtensions.extensionOf(jdbc, request.id());
        return environments.find(extension.environmentId()).map(e -> List.of(
                RequestFact.text("environment.name", e.name()),
                RequestFact.message("environment.stage", "environment.stage." + e.stage().name()),
                RequestFact.date("environment.lease.current",
                        e.leaseEnd().atZone(Schedule.AMSTERDAM).toLocalDate().minusDays(1)),
                RequestFact.date("environment.lease.asked", extension.lastDay()))).orElse(List.of());
    }
}
