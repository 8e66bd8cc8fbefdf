package nl.loket.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import nl.loket.search.SearchHit;
import nl.loket.search.SearchKind;
import nl.loket.search.SearchQuery;
import nl.loket.search.SearchSource;

/**
 * A search source for what is chosen inside one request type (the applications of software access, the templates
 * of environments): found only for a user who may start that type, and opening its start page with the product
 * already chosen ({@code <start path>?<parameter>=<value>}).
 */
public abstract class ProductSearch implements SearchSource {

    private final String processKey;
    private final CatalogService catalog;

    protected ProductSearch(String processKey, CatalogService catalog) {
        this.processKey = processKey;
        this.catalog = catalog;
    }

    @Override
    public final SearchKind kind() {
        return SearchKind.PRODUCT;
    }

    @Override
    public final List<SearchHit> search(SearchQuery query, Locale locale, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        return catalog.find(processKey, locale).map(type -> products(type, query, locale, limit)).orElse(List.of());
    }

    /** The products that match, in the user's language; the user may start {@code type}. */
    protected abstract List<SearchHit> products(CatalogItem type, SearchQuery query, Locale locale, int limit);

    /** A product of the type, opening its start page with {@code parameter=value} chosen. */
    public static SearchHit hit(CatalogItem type, String id, String title, String description, String parameter,
                                Object value) {
        return new SearchHit(SearchKind.PRODUCT, id, title, description, type.name(),
                type.startPath() + "?" + encode(parameter) + "=" + encode(String.valueOf(value)), type.icon());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
