package nl.loket.environment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EnvironmentProvider} promises (see its Javadoc): each operation is idempotent per key, a
 * provisioned environment becomes ready with an endpoint, the first provisioning hands out a secret once, and stop,
 * start and delete may be repeated. A provider's test extends this class and proves reality in
 * {@link #assertUsable} and {@link #assertNotUsable}: the contract alone only sees what the provider says about
 * itself.
 */
abstract class EnvironmentProviderContract {

    /** A provider that is not ready after this many {@link #letTimePass()} calls is taken to be stuck. */
    private static final int MAX_WAITS = 50;

    /** A new key per test, so tests do not see each other's environments on a shared server. */
    protected String key;

    protected abstract EnvironmentProvider provider();

    /**
     * Proves that the environment can really be used with what its user was told: {@code told} holds the endpoint and
     * connection info from the provider and the secret that should be valid now.
     */
    protected abstract void assertUsable(String key, Provisioning told);

    /** Proves that nobody can use the environment with what its user was told (after a stop or a delete). */
    protected abstract void assertNotUsable(String key, Provisioning told);

    /**
     * Called while waiting for an environment to become ready. A provider that is ready at once never needs it; one
     * that becomes ready after a while advances its clock here.
     */
    protected void letTimePass() {
    }

    protected EnvironmentSpec spec(String key) {
        return new EnvironmentSpec(key, "tenant-a", "sandbox", "database-sandbox", List.of("postgresql"), "test",
                "small", "alice");
    }

    @BeforeEach
    void newKey() {
        key = "env-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeWhatTheTestMade() {
        provider().delete(key);
    }

    @Test
    void a_key_that_was_never_provisioned_is_not_ready() {
        assertThat(provider().status(key).ready()).isFalse();
    }

    @Test
    void a_created_environment_is_ready_with_an_endpoint_and_connection_info() {
        Provisioning told = provisionUntilReady();

        assertThat(told.ready()).isTrue();
        assertThat(told.endpoint()).isNotBlank();
        assertThat(told.connectionInfo()).isNotBlank();
        assertUsable(key, told);
    }

    @Test
    void the_first_provisioning_returns_a_secret_that_status_never_repeats() {
        Provisioning first = provider().provision(spec(key));
        Provisioning ready = awaitReady();

        assertThat(first.oneTimeSecret()).isNotBlank();
        assertThat(ready.oneTimeSecret()).as("status keeps no secret").isNull();
    }

    @Test
    void provisioning_twice_creates_one_environment() {
        Provisioning first = provider().provision(spec(key));
        Provisioning second = provider().provision(spec(key));
        Provisioning ready = awaitReady();

        assertThat(ready.ready()).isTrue();
        // a second call may hand out a new secret (the first may have been lost with a failed job); then that one counts
        String secret = second.oneTimeSecret() != null ? second.oneTimeSecret() : first.oneTimeSecret();
        assertUsable(key, withSecret(ready, secret));
    }

    @Test
    void stopping_twice_is_fine_and_nobody_can_use_it_meanwhile() {
        Provisioning told = provisionUntilReady();

        provider().stop(key);
        provider().stop(key);

        assertNotUsable(key, told);
    }

    @Test
    void starting_after_a_stop_makes_it_usable_again() {
        Provisioning told = provisionUntilReady();
        provider().stop(key);

        provider().start(key);
        provider().start(key);

        assertThat(provider().status(key).ready()).isTrue();
        assertUsable(key, told);
    }

    @Test
    void deleting_twice_is_fine_and_it_is_no_longer_ready() {
        Provisioning told = provisionUntilReady();

        provider().delete(key);
        provider().delete(key);

        assertThat(provider().status(key).ready()).isFalse();
        assertNotUsable(key, told);
    }

    @Test
    void deleting_what_was_never_created_is_fine() {
        provider().delete(key);

        assertThat(provider().status(key).ready()).isFalse();
    }

    /** Provisions and waits until ready; the result carries the secret of the provisioning. */
    protected Provisioning provisionUntilReady() {
        Provisioning provisioned = provider().provision(spec(key));
        return withSecret(awaitReady(), provisioned.oneTimeSecret());
    }

    protected Provisioning awaitReady() {
        Provisioning status = provider().status(key);
        for (int waits = 0; !status.ready(); waits++) {
            if (waits == MAX_WAITS) {
                fail("Environment " + key + " is not ready after " + MAX_WAITS + " waits");
            }
            letTimePass();
            status = provider().status(key);
        }
        return status;
    }

    private static Provisioning withSecret(Provisioning status, String secret) {
        return new Provisioning(status.ready(), status.endpoint(), status.connectionInfo(), secret);
    }
}
