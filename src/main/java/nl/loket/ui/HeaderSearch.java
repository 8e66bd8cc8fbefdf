package nl.loket.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The search box in the header of every page: Enter opens the results page. On a phone, where the header has no
 * room for a field, a search button opens that page with its own field instead.
 */
class HeaderSearch extends Div {

    final SearchBox field;
    final Button open = new Button(VaadinIcon.SEARCH.create());

    HeaderSearch() {
        addClassName("loket-header-search");
        getElement().setAttribute("role", "search");
        // a name of its own: the results page has a search landmark too
        getElement().setAttribute("aria-label", getTranslation("search.field"));
        field = new SearchBox(getTranslation("search.field"), getTranslation("search.placeholder"));
        field.setId("header-search");
        field.addClassName("loket-header-search-field");
        field.onSearch(query -> field.getUI().ifPresent(ui -> {
            SearchBox.openResults(ui, query);
            field.clear();
        }));
        open.setId("header-search-open");
        open.setAriaLabel(getTranslation("search.field"));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        open.addClassName("loket-header-search-open");
        open.addClickListener(e -> open.getUI().ifPresent(ui -> ui.navigate(SearchBox.SEARCH_ROUTE)));
        add(field, open);
    }
}
