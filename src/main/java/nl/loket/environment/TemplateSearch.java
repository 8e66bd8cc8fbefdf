package nl.loket.environment;

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
 * Search finds the environment templates by name, description (Dutch and English) or component; a hit opens the
 * order page with that template chosen ({@code environments/new?template=<code>}).
 */
@Component
@Order(20)
class TemplateSearch extends ProductSearch {

    private final TemplateCatalog templates;

    TemplateSearch(TemplateCatalog templates, CatalogService catalog) {
        super(EnvironmentProcess.KEY, catalog);
        this.templates = templates;
    }

    @Override
    protected List<SearchHit> products(CatalogItem type, SearchQuery query, Locale locale, int limit) {
        return templates.search(query, limit).stream()
                .map(template -> hit(type, "template:" + template.code(), template.name(locale),
                        template.description(locale), TemplateCatalog.ORDER_PARAMETER, template.code()))
                .toList();
    }
}
