package nl.loket.environment;

import nl.loket.support.LoketIntegrationTest;

/** The environment lifecycle on H2, the embedded default. */
@LoketIntegrationTest
class EnvironmentLifecycleIT extends EnvironmentLifecycleContract {
}
