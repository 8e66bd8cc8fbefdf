package nl.loket.search;

import nl.loket.support.LoketIntegrationTest;

/** The portal's search on the embedded default database (H2). */
@LoketIntegrationTest
class SearchIT extends SearchContract {
}
