package nl.loket.workflow;

import nl.loket.support.LoketIntegrationTest;

/** Decision outputs from history, on H2. */
@LoketIntegrationTest
class DecisionOutputsIT extends DecisionOutputsContract {
}
