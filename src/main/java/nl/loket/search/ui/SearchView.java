package nl.loket.search.ui;

import nl.loket.search.SearchKind;
import nl.loket.search.SearchResults;
import nl.loket.search.SearchService;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;
import nl.loket.ui.SearchBox;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The results of the portal's search ({@code search?q=...}, bookmarkable): request types, the products inside them
 * and the user's own requests, each group under its heading. What the user may not see or start is never found.
 */
@Route(value = SearchBox.SEARCH_ROUTE, layout = MainLayout.class)
@PermitAll
public class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SearchService search;
    private String title;

    final SearchBox query;
    final Paragraph summary = new Paragraph();
    final Div results = new Div();

    public SearchView(SearchService search) {
        this.search = search;
        addClassName("loket-page");
        title = getTranslation("search.title");
        query = new SearchBox(getTranslation("search.field"), getTranslation("search.placeholder.page"));
        query.setId("search-query");
        query.setWidth("min(100%, 36rem)");
        query.onSearch(typed -> query.getUI().ifPresent(ui -> SearchBox.openResults(ui, typed)));
        Div box = new Div(query);
        box.getElement().setAttribute("role", "search");
        box.getElement().setAttribute("aria-label", getTranslation("search.title"));
        box.setWidthFull();
        summary.setId("search-summary");
        // read out when a new search on this page changes it
        summary.getElement().setAttribute("role", "status");
        summary.addClassNames(LumoUtility.TextColor.SECONDARY);
        results.setId("search-results");
        results.setWidthFull();
        add(new PageHeading(getTranslation("search.title")), box, summary, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String typed = event.getLocation().getQueryParameters().getSingleParameter(SearchBox.QUERY_PARAMETER)
                .orElse("");
        query.setValue(typed);
        show(search.search(typed, getLocale()));
    }

    void show(SearchResults found) {
        results.removeAll();
        String typed = found.query().text();
        if (found.query().isBlank()) {
            title = getTranslation("search.title");
            summary.setText(getTranslation("search.empty-query"));
            query.focus();
            return;
        }
        title = getTranslation("search.title-for", typed);
        if (found.isEmpty()) {
            summary.setText(getTranslation("search.none", typed));
            results.add(new Anchor("catalog", getTranslation("search.browse-catalog")));
            return;
        }
        summary.setText(getTranslation("search.count", found.count(), typed));
        for (SearchKind kind : SearchKind.values()) {
            if (!found.of(kind).isEmpty()) {
                results.add(new SearchHitList(kind, found.of(kind), found.truncated().contains(kind)));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return title + " | Loket";
    }
}
