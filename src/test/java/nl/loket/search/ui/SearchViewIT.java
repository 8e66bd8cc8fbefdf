package nl.loket.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import nl.loket.access.SoftwareAccessProcess;
import nl.loket.catalog.ui.CatalogView;
import nl.loket.environment.EnvironmentTemplate;
import nl.loket.environment.ui.ConfigureEnvironmentView;
import nl.loket.forms.FormField;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.ui.MyRequestsView;
import nl.loket.request.ui.RequestDetailView;
import nl.loket.request.ui.StartRequestView;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestModels;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.router.QueryParameters;

import elemental.json.Json;
import elemental.json.JsonObject;

/**
 * The search box in the header, the results page, and what its links open, without a browser: a product opens
 * its request type's start page with the product chosen, a request its detail page.
 */
@LoketIntegrationTest
class SearchViewIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired RequestService requests;
    @Autowired SoftwareRequests software;
    @Autowired RepositoryService repositoryService;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void enter_in_the_header_search_opens_the_bookmarkable_results_page() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        TextField header = _get(TextField.class, spec -> spec.withId("header-search"));
        assertThat(header.getAriaLabel()).contains("Search Loket");
        assertThat(_get(Button.class, spec -> spec.withId("header-search-open")).getAriaLabel())
                .as("the phone's search button has a name too").contains("Search Loket");

        // the vendor: emma may have requested IntelliJ in another test, but no request is named after its vendor
        pressEnter(header, "jetbrains");

        SearchView view = _get(SearchView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("search?q=jetbrains");
        assertThat(view.query.getValue()).isEqualTo("jetbrains");
        assertThat(view.summary.getText()).isEqualTo("1 result for “jetbrains”");
        assertThat(headings()).containsExactly("Products (1)");
        assertThat(link("hit-software-" + software.softwareId("IntelliJ IDEA Ultimate")).getText())
                .isEqualTo("IntelliJ IDEA Ultimate");
        assertThat(header.getValue()).as("the header's box is free for the next search").isEmpty();
        assertThat(view.getPageTitle()).isEqualTo("Search: jetbrains | Loket");
    }

    @Test
    void a_software_hit_opens_software_access_with_that_application_chosen() {
        SearchView view = open("emma", "intellij", Locale.ENGLISH);
        long id = software.softwareId("IntelliJ IDEA Ultimate");
        follow(link("hit-software-" + id));

        _get(StartRequestView.class);
        ComboBox<FormField.Option> choice = softwareField();
        assertThat(choice.getValue()).isNotNull();
        assertThat(choice.getValue().label()).startsWith("IntelliJ IDEA Ultimate (JetBrains)");
        assertThat(view).isNotNull();
    }

    @Test
    void an_unknown_or_unoffered_choice_in_the_link_leaves_the_field_empty() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate("request/software-access", QueryParameters.of("software", "999999"));
        _get(StartRequestView.class);
        assertThat(softwareField().getValue()).isNull();

        UI.getCurrent().navigate("request/software-access", QueryParameters.of("softwareOptions", "[]"));
        _get(StartRequestView.class);
        ComboBox<FormField.Option> choice = softwareField();
        assertThat(choice.getListDataView().getItemCount()).as("the options Loket offers cannot be replaced")
                .isGreaterThan(3);
    }

    @Test
    void a_template_hit_opens_the_order_page_with_that_template_chosen_in_dutch() {
        open("emma", "datawerkplek", Locale.forLanguageTag("nl"));
        assertThat(headings()).containsExactly("Producten (1)");
        Anchor hit = link("hit-template-data-workspace");
        assertThat(hit.getText()).isEqualTo("Datawerkplek");
        follow(hit);

        _get(ConfigureEnvironmentView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<EnvironmentTemplate> template = _get(RadioButtonGroup.class, spec -> spec.withId("template"));
        assertThat(template.getValue().code()).isEqualTo("data-workspace");
    }

    @Test
    void a_form_option_hit_opens_its_request_type_with_the_option_chosen() {
        TestModels.deployOnce(repositoryService, "workplace-monitor", "form-request-types/workplace-monitor.bpmn",
                "form-request-types/workplace-monitor-request.form");
        open("emma", "27 inch", Locale.ENGLISH);
        follow(link("hit-workplace-monitor-size-27"));

        _get(StartRequestView.class);
        @SuppressWarnings("unchecked")
        Select<FormField.Option> size = _get(Select.class, spec -> spec.withId("field-size"));
        assertThat(size.getValue().label()).isEqualTo("27 inch");
    }

    @Test
    void own_requests_are_found_by_number_and_open_their_page_and_nobody_elses_are() {
        Request mine = software.submitAs("emma", "Adobe Acrobat Pro");
        Request marks = software.submitAs("mark", "Adobe Acrobat Pro");

        SearchView view = open("emma", mine.number().substring(mine.number().lastIndexOf('-') + 1), Locale.ENGLISH);
        assertThat(headings()).containsExactly("My requests (1)");
        follow(link("hit-" + mine.number()));
        assertThat(_get(RequestDetailView.class)).isNotNull();

        view = open("emma", marks.number(), Locale.ENGLISH);
        assertThat(view.summary.getText()).startsWith("Nothing found for “" + marks.number() + "”");
        assertThat(_find(Anchor.class, spec -> spec.withText("Browse the catalogue"))).hasSize(1);
    }

    @Test
    void an_empty_query_says_what_can_be_searched() {
        SearchView view = open("emma", "", Locale.forLanguageTag("nl"));
        assertThat(view.summary.getText()).startsWith("Typ wat u zoekt");
        assertThat(headings()).isEmpty();
        assertThat(view.getPageTitle()).isEqualTo("Zoeken | Loket");
    }

    @Test
    void the_catalogue_search_finds_the_products_the_search_page_finds() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(CatalogView.class);
        _get(CatalogView.class);
        TextField search = _get(TextField.class, spec -> spec.withId("catalog-search"));
        search.setValue("IntelliJ");

        assertThat(_find(_get(Div.class, spec -> spec.withId("catalog-results")), SearchHitList.class)).hasSize(1);
        assertThat(link("hit-software-" + software.softwareId("IntelliJ IDEA Ultimate")).getHref())
                .isEqualTo("request/software-access?software=" + software.softwareId("IntelliJ IDEA Ultimate"));
        assertThat(_find(Paragraph.class, spec -> spec.withId("catalog-empty"))).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withId("catalog-search-everywhere")).getHref())
                .isEqualTo("search?q=IntelliJ");

        search.setValue("licentie");
        assertThat(_find(Button.class, spec -> spec.withId("request-software-access"))).hasSize(1);

        search.setValue("zzzqqq");
        assertThat(_get(Paragraph.class, spec -> spec.withId("catalog-empty")).getText())
                .startsWith("Nothing in the catalogue matches");
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<FormField.Option> softwareField() {
        return _get(ComboBox.class, spec -> spec.withId("field-" + SoftwareAccessProcess.SOFTWARE.name()));
    }

    private SearchView open(String username, String query, Locale locale) {
        if (UI.getCurrent() == null) {
            KaribuSupport.openAs(username, users, context, locale);
        }
        UI.getCurrent().navigate(SearchView.class, QueryParameters.of("q", query));
        return _get(SearchView.class);
    }

    private static void pressEnter(TextField field, String typed) {
        JsonObject data = Json.createObject();
        data.put("element.value", typed);
        // the filter the browser evaluates, as it reports it
        data.put("event.key === 'Enter'", true);
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(field.getElement(),
                new DomEvent(field.getElement(), "keydown", data));
    }

    /** Follows a link as the router does when it is clicked. */
    private static void follow(Anchor link) {
        String[] href = link.getHref().split("\\?", 2);
        UI.getCurrent().navigate(href[0], href.length > 1 ? QueryParameters.fromString(href[1]) : QueryParameters.empty());
    }

    private static Anchor link(String id) {
        return _get(Anchor.class, spec -> spec.withId(id));
    }

    private static List<String> headings() {
        return _find(H2.class).stream().filter(h -> h.getParent().filter(SearchHitList.class::isInstance).isPresent())
                .map(H2::getText).toList();
    }
}
