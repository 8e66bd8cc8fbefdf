package nl.loket.environment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * How the PostgreSQL provider is switched on and what users are told by default. No application starts: the runner
 * builds a context of just the provider, and nothing connects to a server.
 */
class PostgresSandboxConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PostgresSandboxProvider.class);

    @Test
    void without_a_url_there_is_no_postgresql_provider() {
        context.run(started -> assertThat(started).doesNotHaveBean(EnvironmentProvider.class));
    }

    @Test
    void with_a_url_the_provider_is_there_with_its_settings() {
        context.withPropertyValues("loket.environments.postgresql.url=jdbc:postgresql://db.internal/postgres",
                        "loket.environments.postgresql.username=loket_sandbox_admin",
                        "loket.environments.postgresql.public-host=sandboxes.example.org",
                        // what ${LOKET_SANDBOX_PG_PUBLIC_PORT:} gives when the variable is not set
                        "loket.environments.postgresql.public-port=")
                .run(started -> {
                    assertThat(started).hasSingleBean(EnvironmentProvider.class);
                    assertThat(started.getBean(EnvironmentProvider.class).id()).isEqualTo("postgresql");
                    PostgresSandboxProperties properties = started.getBean(PostgresSandboxProperties.class);
                    assertThat(properties.username()).isEqualTo("loket_sandbox_admin");
                    assertThat(properties.endpointHost()).isEqualTo("sandboxes.example.org");
                    assertThat(properties.endpointPort()).isEqualTo(5432);
                });
    }

    @Test
    void a_url_that_is_not_postgresql_stops_the_application_from_starting() {
        context.withPropertyValues("loket.environments.postgresql.url=jdbc:h2:mem:sandbox")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("must be a JDBC URL starting with jdbc:postgresql://"));
    }

    @Test
    void users_are_told_the_host_and_port_of_the_url_unless_configured() {
        assertThat(properties("jdbc:postgresql://db.internal:5433/postgres?ssl=true", null, null))
                .extracting(PostgresSandboxProperties::endpointHost, PostgresSandboxProperties::endpointPort)
                .containsExactly("db.internal", 5433);
        assertThat(properties("jdbc:postgresql://db.internal/postgres", null, null).endpointPort()).isEqualTo(5432);
        assertThat(properties("jdbc:postgresql://[::1]:5433/postgres", null, null).endpointHost()).isEqualTo("::1");
        assertThat(properties("jdbc:postgresql://db.internal:5433/postgres", "sandboxes.example.org", 6543))
                .extracting(PostgresSandboxProperties::endpointHost, PostgresSandboxProperties::endpointPort)
                .containsExactly("sandboxes.example.org", 6543);
    }

    @Test
    void a_url_with_several_hosts_needs_a_public_host() {
        String failover = "jdbc:postgresql://db1.internal:5432,db2.internal:5432/postgres";

        assertThatThrownBy(() -> properties(failover, null, null).endpointHost())
                .hasMessageContaining("public-host");
        assertThat(properties(failover, "sandboxes.example.org", null).endpointHost())
                .isEqualTo("sandboxes.example.org");
    }

    private static PostgresSandboxProperties properties(String url, String publicHost, Integer publicPort) {
        return new PostgresSandboxProperties(url, "admin", "secret", publicHost, publicPort);
    }
}
