package nl.loket.access;

import java.util.List;
import java.util.Locale;

import nl.loket.catalog.CatalogItem;
import nl.loket.catalog.CatalogService;
import nl.loket.catalog.ProductSearch;
import nl.loket.search.SearchHit;
import nl.loket.search.SearchQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Search finds the applications of the software catalogue by name, vendor or description; a hit opens the request
 * with that application chosen ({@code request/software-access?software=<id>}).
 */
@Component
@Order(10)
class SoftwareSearch extends ProductSearch {

    private final SoftwareCatalog software;

    SoftwareSearch(SoftwareCatalog software, CatalogService catalog) {
        super(SoftwareAccessProcess.KEY, catalog);
        this.software = software;
    }

    @Override
    protected List<SearchHit> products(CatalogItem type, SearchQuery query, Locale locale, int limit) {
        return software.search(query, limit).stream()
                .map(app -> hit(type, "software:" + app.id(), app.name(),
                        app.vendor() + (app.description() == null ? "" : " · " + app.description()),
                        SoftwareAccessProcess.SOFTWARE.name(), app.id()))
                .toList();
    }
}
