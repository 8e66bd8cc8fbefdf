package nl.loket.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The portal's one search, behind the search box in the header and the catalogue's: request types, the products
 * inside them and the user's own requests, from every {@link SearchSource} the features contribute. Sources read
 * the shared database (or the engine's deployments in it), so every Loket node gives the same answers.
 */
@Service
public class SearchService {

    /** Hits shown per kind. */
    public static final int LIMIT_PER_KIND = 25;

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final List<SearchSource> sources;

    SearchService(List<SearchSource> sources) {
        this.sources = sources;
    }

    public SearchResults search(String text, Locale locale) {
        return search(SearchQuery.of(text), locale);
    }

    public SearchResults search(SearchQuery query, Locale locale) {
        Map<SearchKind, List<SearchHit>> hits = new EnumMap<>(SearchKind.class);
        Set<SearchKind> truncated = EnumSet.noneOf(SearchKind.class);
        if (query.isBlank()) {
            return new SearchResults(query, hits, truncated);
        }
        for (SearchSource source : sources) {
            List<SearchHit> found = source.search(query, locale, LIMIT_PER_KIND + 1);
            hits.computeIfAbsent(source.kind(), kind -> new ArrayList<>()).addAll(found);
        }
        hits.replaceAll((kind, list) -> {
            if (list.size() <= LIMIT_PER_KIND) {
                return List.copyOf(list);
            }
            truncated.add(kind);
            return List.copyOf(list.subList(0, LIMIT_PER_KIND));
        });
        log.debug("Search for {} words found {}", query.words().size(), hits.values().stream().mapToInt(List::size).sum());
        return new SearchResults(query, Collections.unmodifiableMap(hits), truncated);
    }
}
