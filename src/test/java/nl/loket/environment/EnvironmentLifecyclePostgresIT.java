package nl.loket.environment;

import nl.loket.support.EmbeddedPostgresConfiguration;
import nl.loket.support.LoketIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The environment lifecycle on a real PostgreSQL server: Flyway's V6, the ledger's and budgets' SQL, the timers. */
@LoketIntegrationTest
@Import(EmbeddedPostgresConfiguration.class)
// Camunda's web apps find engines by name in a JVM-wide registry: a second "default" would take over that name
@TestPropertySource(properties = "camunda.bpm.process-engine-name=postgres")
class EnvironmentLifecyclePostgresIT extends EnvironmentLifecycleContract {
}
