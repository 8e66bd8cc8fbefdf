package nl.loket.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A text field that searches when Enter is pressed. The value is taken from the keystroke itself, so the search
 * never runs on a value the server has not seen yet; the field sends nothing while the user types.
 */
public class SearchBox extends TextField {

    /** Where the portal shows search results ({@code search?q=...}). */
    public static final String SEARCH_ROUTE = "search";
    public static final String QUERY_PARAMETER = "q";

    public SearchBox(String label, String placeholder) {
        setAriaLabel(label);
        setPlaceholder(placeholder);
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        // phones show a search key instead of a return key
        getElement().executeJs("const input = this.inputElement; if (input) input.setAttribute('enterkeyhint', 'search')");
    }

    /** Called with what was typed when the user presses Enter. */
    public void onSearch(Consumer<String> search) {
        getElement().addEventListener("keydown", event -> {
            String typed = event.getEventData().hasKey("element.value")
                    ? event.getEventData().getString("element.value") : getValue();
            setValue(typed == null ? "" : typed);
            search.accept(getValue());
        }).setFilter("event.key === 'Enter'").addEventData("element.value");
    }

    /** Opens the results page for a query: bookmarkable, and the back button returns to it. */
    public static void openResults(com.vaadin.flow.component.UI ui, String query) {
        ui.navigate(SEARCH_ROUTE, com.vaadin.flow.router.QueryParameters.of(QUERY_PARAMETER,
                query == null ? "" : query.strip()));
    }
}
