package nl.loket.environment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.loket.environment.provider.EnvironmentProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/** The providers this installation has (the simulated cloud always; PostgreSQL when configured), by id. */
@Component
class Providers {

    private final Map<String, EnvironmentProvider> byId;

    Providers(List<EnvironmentProvider> providers, MeterRegistry registry) {
        // every call goes through here, so every failure is counted (FailureCountingProvider)
        this.byId = providers.stream().collect(Collectors.toMap(EnvironmentProvider::id,
                provider -> new FailureCountingProvider(provider, registry)));
    }

    List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }

    EnvironmentProvider get(String id) {
        EnvironmentProvider provider = byId.get(id);
        if (provider == null) {
            throw new IllegalStateException("No environment provider '" + id + "' is configured");
        }
        return provider;
    }
}
