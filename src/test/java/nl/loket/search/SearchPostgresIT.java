package nl.loket.search;

import nl.loket.support.EmbeddedPostgresConfiguration;
import nl.loket.support.LoketIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The same searches on a real PostgreSQL server: its lower(), translate() and like ... escape. */
@LoketIntegrationTest
@Import(EmbeddedPostgresConfiguration.class)
// Camunda's web apps find engines by name in a JVM-wide registry: a second "default" would take over that name
@TestPropertySource(properties = "camunda.bpm.process-engine-name=postgres")
class SearchPostgresIT extends SearchContract {
}
