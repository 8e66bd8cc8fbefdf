package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.loket.environment.provider.EnvironmentProvider;
import nl.loket.environment.provider.EnvironmentSpec;
import nl.loket.environment.provider.ProviderException;
import nl.loket.environment.provider.Provisioning;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FailureCountingProviderTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private boolean down;
    private final EnvironmentProvider provider = new FailureCountingProvider(new EnvironmentProvider() {
        @Override public String id() { return "flaky"; }
        @Override public Provisioning provision(EnvironmentSpec spec) { return answer(); }
        @Override public Provisioning status(String key) { return answer(); }
        @Override public void start(String key) { answer(); }
        @Override public void stop(String key) { answer(); }
        @Override public void delete(String key) { answer(); }

        private Provisioning answer() {
            if (down) {
                throw new ProviderException("unreachable");
            }
            return Provisioning.inProgress();
        }
    }, registry);

    @Test
    void each_failed_call_is_counted_per_provider_and_operation_and_still_thrown() {
        provider.stop("env-1");
        down = true;
        assertThatThrownBy(() -> provider.stop("env-1")).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.stop("env-1")).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.status("env-1")).isInstanceOf(ProviderException.class);

        assertThat(failures("stop")).isEqualTo(2);
        assertThat(failures("status")).isEqualTo(1);
        assertThat(registry.find(FailureCountingProvider.FAILURES).tag("operation", "start").counter())
                .as("no failure, no series").isNull();
    }

    @Test
    void calls_that_succeed_count_nothing() {
        provider.provision(null);
        provider.delete("env-1");
        assertThat(registry.find(FailureCountingProvider.FAILURES).counters()).isEmpty();
    }

    private double failures(String operation) {
        return registry.get(FailureCountingProvider.FAILURES).tag("provider", "flaky").tag("operation", operation)
                .counter().count();
    }
}
