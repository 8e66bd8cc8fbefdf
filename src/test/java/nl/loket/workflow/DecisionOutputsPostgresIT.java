package nl.loket.workflow;

import nl.loket.support.EmbeddedPostgresConfiguration;
import nl.loket.support.LoketIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Decision outputs from history, on PostgreSQL (the context of the other PostgreSQL tests). */
@LoketIntegrationTest
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = "camunda.bpm.process-engine-name=postgres")
class DecisionOutputsPostgresIT extends DecisionOutputsContract {
}
