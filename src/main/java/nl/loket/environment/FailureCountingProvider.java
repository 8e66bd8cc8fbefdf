package nl.loket.environment;

import java.util.function.Supplier;

import nl.loket.environment.provider.EnvironmentProvider;
import nl.loket.environment.provider.EnvironmentSpec;
import nl.loket.environment.provider.Provisioning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A provider that counts its failures for operators (docs/operations.md, "Metrics"), per provider and operation:
 * each failed call is one (the engine's retries count again). A counter per node, since it counts calls this node
 * made; what the failure was is in the log and, once retries run out, in Cockpit's incident.
 */
final class FailureCountingProvider implements EnvironmentProvider {

    static final String FAILURES = "loket.provider.failures";

    private final EnvironmentProvider provider;
    private final MeterRegistry registry;

    FailureCountingProvider(EnvironmentProvider provider, MeterRegistry registry) {
        this.provider = provider;
        this.registry = registry;
    }

    @Override
    public String id() {
        return provider.id();
    }

    @Override
    public Provisioning provision(EnvironmentSpec spec) {
        return counted("provision", () -> provider.provision(spec));
    }

    @Override
    public Provisioning status(String key) {
        return counted("status", () -> provider.status(key));
    }

    @Override
    public void start(String key) {
        counted("start", () -> {
            provider.start(key);
            return null;
        });
    }

    @Override
    public void stop(String key) {
        counted("stop", () -> {
            provider.stop(key);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        counted("delete", () -> {
            provider.delete(key);
            return null;
        });
    }

    private <T> T counted(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Counter.builder(FAILURES).tag("provider", provider.id()).tag("operation", operation)
                    .description("Failed calls to an environment provider from this node").register(registry)
                    .increment();
            throw e;
        }
    }
}
