package nl.loket.request.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import nl.loket.access.SoftwareAccessProcess;
import nl.loket.forms.FormField;
import nl.loket.request.RequestStatus;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;

/**
 * The software-access request as emma fills it in, without a browser: its Camunda Form
 * (forms/software-access-request.form) rendered by the generic start page, with the software options from Loket.
 */
@LoketIntegrationTest
class SoftwareAccessStartPageIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void submitting_an_empty_form_marks_the_fields_and_creates_nothing() {
        StartRequestView view = open(Locale.ENGLISH);
        long before = requestCount();

        _click(view.submit);

        assertThat(software(view).isInvalid()).isTrue();
        assertThat(software(view).getErrorMessage()).isEqualTo("This field is required.");
        assertThat(justification(view).isInvalid()).isTrue();
        assertThat(endDate(view).isInvalid()).isFalse();
        assertThat(requestCount()).isEqualTo(before);

        justification(view).setValue("Corrected: I need it for the tender documents.");
        assertThat(justification(view).isInvalid()).as("a corrected field loses its error").isFalse();
    }

    @Test
    void each_option_tells_its_cost_and_whether_it_needs_approval() {
        StartRequestView view = open(Locale.ENGLISH);

        assertThat(optionLabel(view, "LibreOffice")).contains("The Document Foundation", "Free", "Granted at once");
        assertThat(optionLabel(view, "IntelliJ IDEA Ultimate")).contains("JetBrains", "€", "per month",
                "Needs approval");
        assertThat(((Checkbox) view.form.input(SoftwareAccessProcess.ADMIN_RIGHTS.name())).getLabel())
                .isEqualTo("I need administrator rights");
    }

    @Test
    void an_option_that_it_installs_by_hand_says_so_instead_of_granted_at_once() {
        StartRequestView view = open(Locale.ENGLISH);
        assertThat(optionLabel(view, "QGIS")).contains("Free", "No approval needed", "Installed by IT")
                .doesNotContain("Granted at once");
        assertThat(optionLabel(view, "ArcGIS Pro")).contains("Needs approval", "Installed by IT");
        assertThat(optionLabel(view, "LibreOffice")).doesNotContain("Installed by IT");
        KaribuSupport.close();
        assertThat(optionLabel(open(Locale.forLanguageTag("nl")), "QGIS"))
                .contains("Gratis", "Geen goedkeuring nodig", "Installatie door IT");
    }

    @Test
    void a_paid_licence_is_submitted_and_shown_awaiting_approval_in_dutch() {
        StartRequestView view = open(Locale.forLanguageTag("nl"));
        assertThat(justification(view).getLabel()).as("the form's Dutch texts").isEqualTo("Toelichting");
        assertThat(optionLabel(view, "IntelliJ IDEA Ultimate")).contains("per maand", "Goedkeuring nodig");

        software(view).setValue(option(view, "IntelliJ IDEA Ultimate"));
        justification(view).setValue("Ik ontwikkel het Loket en heb een Java-IDE nodig.");
        _click(view.submit);

        RequestDetailView detail = _get(RequestDetailView.class);
        StatusBadge status = _get(detail, StatusBadge.class, spec -> spec.withId("request-status"));
        assertThat(status.getElement().getAttribute("data-status")).isEqualTo(RequestStatus.AWAITING_APPROVAL.name());
        assertThat(status.getText()).isEqualTo("Wacht op goedkeuring");
        assertThat(jdbc.sql("select summary from service_request where requester = 'emma' order by id desc limit 1")
                .query(String.class).single()).as("the request is named after the software").isEqualTo("IntelliJ IDEA Ultimate");
    }

    @Test
    void an_end_date_in_the_past_is_refused() {
        StartRequestView view = open(Locale.ENGLISH);
        long before = requestCount();
        software(view).setValue(option(view, "LibreOffice"));
        justification(view).setValue("Needed for the quarterly report.");
        endDate(view).setValue(LocalDate.now().minusDays(1));

        _click(view.submit);

        assertThat(endDate(view).isInvalid()).isTrue();
        assertThat(endDate(view).getErrorMessage()).isEqualTo("Choose today or a later date.");
        assertThat(requestCount()).isEqualTo(before);
    }

    private StartRequestView open(Locale locale) {
        KaribuSupport.openAs("emma", users, context, locale);
        UI.getCurrent().navigate(StartRequestView.class, new RouteParameters("key", SoftwareAccessProcess.KEY));
        return _get(StartRequestView.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<FormField.Option> software(StartRequestView view) {
        return (ComboBox<FormField.Option>) view.form.input(SoftwareAccessProcess.SOFTWARE.name());
    }

    private static TextArea justification(StartRequestView view) {
        return (TextArea) view.form.input(SoftwareAccessProcess.JUSTIFICATION.name());
    }

    private static DatePicker endDate(StartRequestView view) {
        return (DatePicker) view.form.input(SoftwareAccessProcess.END_DATE.name());
    }

    private static FormField.Option option(StartRequestView view, String name) {
        return software(view).getGenericDataView().getItems().filter(o -> o.label().startsWith(name + " ("))
                .findFirst().orElseThrow(() -> new AssertionError("No option for " + name));
    }

    private static String optionLabel(StartRequestView view, String name) {
        return option(view, name).label();
    }

    private long requestCount() {
        return jdbc.sql("select count(*) from service_request").query(Long.class).single();
    }
}
