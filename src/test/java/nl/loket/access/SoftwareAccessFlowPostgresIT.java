package nl.loket.access;

import nl.loket.support.EmbeddedPostgresConfiguration;
import nl.loket.support.LoketIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The same flow on a real PostgreSQL server: Camunda's schema, Flyway's migrations and Loket's SQL. */
@LoketIntegrationTest
@Import(EmbeddedPostgresConfiguration.class)
// Camunda's web apps find engines by name in a JVM-wide registry: a second "default" would take over that name
@TestPropertySource(properties = "camunda.bpm.process-engine-name=postgres")
class SoftwareAccessFlowPostgresIT extends SoftwareAccessFlowContract {
}
