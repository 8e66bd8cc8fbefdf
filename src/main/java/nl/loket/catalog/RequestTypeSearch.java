package nl.loket.catalog;

import java.util.List;
import java.util.Locale;

import nl.loket.search.SearchHit;
import nl.loket.search.SearchKind;
import nl.loket.search.SearchQuery;
import nl.loket.search.SearchSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Search finds the request types of the user's catalogue, as the catalogue's own search does. */
@Component
@Order(0)
class RequestTypeSearch implements SearchSource {

    private final CatalogService catalog;

    RequestTypeSearch(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.REQUEST_TYPE;
    }

    @Override
    public List<SearchHit> search(SearchQuery query, Locale locale, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        return catalog.search(query.text(), locale).stream().limit(limit)
                .map(item -> new SearchHit(SearchKind.REQUEST_TYPE, item.processKey(), item.name(),
                        item.description(), "", item.startPath(), item.icon()))
                .toList();
    }
}
