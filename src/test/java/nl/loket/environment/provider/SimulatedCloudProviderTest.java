package nl.loket.environment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import nl.loket.support.MovableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulated cloud keeps the provider contract on its own table (Loket's migrations on in-memory H2): ready after
 * its delay, idempotent, a password only a running environment accepts, and failures on request.
 */
class SimulatedCloudProviderTest extends EnvironmentProviderContract {

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private static SimulatedCloudProvider cloud;

    @BeforeAll
    static void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:simulated-cloud;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        cloud = new SimulatedCloudProvider(JdbcClient.create(dataSource), CLOCK, Duration.ofSeconds(20), 0, "");
    }

    @Override
    protected EnvironmentProvider provider() {
        return cloud;
    }

    @Override
    protected void letTimePass() {
        CLOCK.advance(Duration.ofSeconds(10));
    }

    @Override
    protected void assertUsable(String key, Provisioning told) {
        assertThat(told.endpoint()).contains("tenant-a-sandbox");
        assertThat(cloud.canLogIn(key, told.oneTimeSecret())).as("log in with the password handed out").isTrue();
    }

    @Override
    protected void assertNotUsable(String key, Provisioning told) {
        assertThat(cloud.canLogIn(key, told.oneTimeSecret())).isFalse();
    }

    @Test
    void creating_takes_its_delay() {
        cloud.provision(spec(key));
        assertThat(cloud.status(key).ready()).isFalse();
        CLOCK.advance(Duration.ofSeconds(20));
        assertThat(cloud.status(key).ready()).isTrue();
    }

    @Test
    void a_retried_provisioning_replaces_the_password() {
        String first = cloud.provision(spec(key)).oneTimeSecret();
        String second = cloud.provision(spec(key)).oneTimeSecret();
        awaitReady();
        assertThat(cloud.canLogIn(key, second)).isTrue();
        assertThat(cloud.canLogIn(key, first)).isFalse();
    }

    @Test
    void at_a_failure_rate_of_one_every_call_fails_and_at_zero_none() {
        try {
            cloud.failures().setRate(1);
            assertThatThrownBy(() -> cloud.provision(spec(key))).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("injected failure");
            assertThatThrownBy(() -> cloud.provision(spec(key))).isInstanceOf(ProviderException.class);
            assertThat(cloud.status(key).ready()).as("nothing was made").isFalse();
        } finally {
            cloud.failures().setRate(0);
        }
        assertThat(cloud.provision(spec(key)).oneTimeSecret()).isNotBlank();
    }

    @Test
    void a_failure_rate_fails_that_share_of_calls_the_same_way_for_the_same_seed() {
        SimulatedFailures failures = new SimulatedFailures(0.3, "42");
        int failed = failedCalls(failures, 1000);
        assertThat(failed).isBetween(250, 350);
        assertThat(failedCalls(new SimulatedFailures(0.3, "42"), 1000)).as("same seed, same failures")
                .isEqualTo(failed);
    }

    @Test
    void a_failure_rate_outside_zero_to_one_is_refused_at_start() {
        assertThatThrownBy(() -> new SimulatedFailures(30, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }

    private static int failedCalls(SimulatedFailures failures, int calls) {
        int failed = 0;
        for (int i = 0; i < calls; i++) {
            try {
                failures.maybeFail("call " + i);
            } catch (ProviderException e) {
                failed++;
            }
        }
        return failed;
    }

    @Test
    void starting_what_does_not_exist_is_an_error() {
        assertThatThrownBy(() -> cloud.start(key)).isInstanceOf(ProviderException.class);
    }
}
