package nl.loket.catalog.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.loket.catalog.CatalogItem;
import nl.loket.catalog.CatalogService;
import nl.loket.search.SearchHit;
import nl.loket.search.SearchKind;
import nl.loket.search.SearchResults;
import nl.loket.search.SearchService;
import nl.loket.search.ui.SearchHitList;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;
import nl.loket.ui.SearchBox;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** What the user can request, grouped by category and searchable. Built from the deployed processes. */
@Route(value = "catalog", layout = MainLayout.class)
@Menu(title = "nav.catalog", order = 2, icon = "vaadin:grid-big")
@PermitAll
public class CatalogView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    private final SearchService searchService;

    final TextField search = new TextField();
    final Div results = new Div();

    public CatalogView(CatalogService catalog, SearchService searchService) {
        this.catalog = catalog;
        this.searchService = searchService;
        addClassName("loket-page");
        search.setPlaceholder(getTranslation("catalog.search"));
        search.setAriaLabel(getTranslation("catalog.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 32rem)");
        search.setId("catalog-search");
        search.addValueChangeListener(e -> search(e.getValue()));
        results.setWidthFull();
        results.setId("catalog-results");
        Paragraph intro = new Paragraph(getTranslation("catalog.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(new PageHeading(getTranslation("catalog.title")), intro, search, results);
        show(catalog.items(getLocale()));
    }

    /**
     * The portal's search, so the catalogue finds what the search page finds: the request types that match, then
     * the products inside them (an application, a template), then a link to everything, the user's requests included.
     */
    void search(String query) {
        SearchResults found = searchService.search(query, getLocale());
        if (found.query().isBlank()) {
            show(catalog.items(getLocale()));
            return;
        }
        Set<String> types = found.of(SearchKind.REQUEST_TYPE).stream().map(SearchHit::id).collect(Collectors.toSet());
        List<SearchHit> products = found.of(SearchKind.PRODUCT);
        show(catalog.items(getLocale()).stream().filter(item -> types.contains(item.processKey())).toList(),
                !products.isEmpty());
        if (!products.isEmpty()) {
            results.add(new SearchHitList(SearchKind.PRODUCT, products, found.truncated().contains(SearchKind.PRODUCT)));
        }
        Anchor everything = new Anchor(SearchBox.SEARCH_ROUTE + "?" + SearchBox.QUERY_PARAMETER + "="
                + URLEncoder.encode(found.query().text(), StandardCharsets.UTF_8),
                getTranslation("catalog.search-everywhere", found.query().text()));
        everything.setId("catalog-search-everywhere");
        results.add(new Paragraph(everything));
    }

    void show(List<CatalogItem> items) {
        show(items, false);
    }

    private void show(List<CatalogItem> items, boolean productsFollow) {
        results.removeAll();
        if (items.isEmpty() && productsFollow) {
            return;
        }
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("catalog.empty"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY);
            none.setId("catalog-empty");
            results.add(none);
            return;
        }
        Map<String, Div> categories = new LinkedHashMap<>();
        for (CatalogItem item : items) {
            categories.computeIfAbsent(item.category(), this::category).add(card(item));
        }
    }

    private Div category(String id) {
        String key = "catalog.category." + id;
        String title = getTranslation(key);
        Div cards = new Div();
        cards.addClassName("loket-catalog-cards");
        // a category without a text in the bundles shows its id, capitalised
        results.add(new H2(title.equals(key) ? id.substring(0, 1).toUpperCase(getLocale()) + id.substring(1) : title),
                cards);
        return cards;
    }

    private Div card(CatalogItem item) {
        Icon icon = new Icon(item.icon());
        icon.addClassName("loket-catalog-icon");
        Span name = new Span(item.name());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        Paragraph description = new Paragraph(item.description());
        description.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Button request = new Button(getTranslation("catalog.request"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(item.startPath())));
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        request.setId("request-" + item.processKey());
        Div card = new Div(new Div(icon, name), description);
        if (item.expectedFulfilment() != null) {
            Span eta = new Span(getTranslation("catalog.expected", humanDuration(item.expectedFulfilment())));
            eta.addClassNames(LumoUtility.FontSize.SMALL);
            card.add(new Div(eta));
        }
        card.add(request);
        card.addClassNames("loket-card", "loket-catalog-card");
        return card;
    }

    private String humanDuration(Duration duration) {
        if (duration.toDays() >= 1) {
            return getTranslation("duration.days", duration.toDays());
        }
        if (duration.toHours() >= 1) {
            return getTranslation("duration.hours", duration.toHours());
        }
        return getTranslation("duration.minutes", Math.max(1, duration.toMinutes()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title") + " | Loket";
    }
}
