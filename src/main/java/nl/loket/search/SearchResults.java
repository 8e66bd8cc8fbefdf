package nl.loket.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a search found, by kind.
 *
 * @param truncated the kinds that had more hits than are shown
 */
public record SearchResults(SearchQuery query, Map<SearchKind, List<SearchHit>> hits, Set<SearchKind> truncated) {

    public List<SearchHit> of(SearchKind kind) {
        return hits.getOrDefault(kind, List.of());
    }

    public boolean isEmpty() {
        return hits.values().stream().allMatch(List::isEmpty);
    }

    public int count() {
        return hits.values().stream().mapToInt(List::size).sum();
    }
}
