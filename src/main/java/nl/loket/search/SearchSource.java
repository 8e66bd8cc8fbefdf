package nl.loket.search;

import java.util.List;
import java.util.Locale;

/**
 * One kind of thing search finds, contributed by the feature that owns it (the catalogue, software access,
 * environments, requests), so that search knows no feature. A source finds only what the current user may see
 * or start.
 */
public interface SearchSource {

    SearchKind kind();

    /**
     * At most {@code limit} hits for a query that is not blank, best first, in the user's language; each matches
     * every word of the query in any language the source has texts in.
     */
    List<SearchHit> search(SearchQuery query, Locale locale, int limit);
}
