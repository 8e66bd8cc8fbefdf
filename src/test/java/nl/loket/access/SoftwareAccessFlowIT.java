package nl.loket.access;

import nl.loket.support.LoketIntegrationTest;

/** The software-access flow on the embedded default database (H2). */
@LoketIntegrationTest
class SoftwareAccessFlowIT extends SoftwareAccessFlowContract {
}
