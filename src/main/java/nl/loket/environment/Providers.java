package nl.loket.environment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.loket.environment.provider.EnvironmentProvider;
import org.springframework.stereotype.Component;

/** The providers this installation has (the simulated cloud always; PostgreSQL when configured), by id. */
@Component
class Providers {

    private final Map<String, EnvironmentProvider> byId;

    Providers(List<EnvironmentProvider> providers) {
        this.byId = providers.stream().collect(Collectors.toMap(EnvironmentProvider::id, Function.identity()));
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
