package nl.loket.access;

import nl.loket.support.EmbeddedPostgresConfiguration;
import nl.loket.support.LoketIntegrationTest;
import org.springframework.context.annotation.Import;

/** The same flow on a real PostgreSQL server: Camunda's schema, Flyway's migrations and Loket's SQL. */
@LoketIntegrationTest
@Import(EmbeddedPostgresConfiguration.class)
class SoftwareAccessFlowPostgresIT extends SoftwareAccessFlowContract {
}
