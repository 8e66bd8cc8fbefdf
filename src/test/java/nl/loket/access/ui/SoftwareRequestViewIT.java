package nl.loket.access.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import nl.loket.access.SoftwareOption;
import nl.loket.request.RequestStatus;
import nl.loket.request.ui.RequestDetailView;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import nl.loket.request.ui.StatusBadge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.flow.component.UI;

/** The request form as emma uses it, without a browser. */
@LoketIntegrationTest
class SoftwareRequestViewIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void submitting_an_empty_form_marks_the_fields_and_creates_nothing() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        long before = requestCount();
        UI.getCurrent().navigate(SoftwareRequestView.class);
        SoftwareRequestView view = _get(SoftwareRequestView.class);

        _click(view.submit);

        assertThat(view.software.isInvalid()).isTrue();
        assertThat(view.software.getErrorMessage()).isEqualTo("This field is required.");
        assertThat(view.justification.isInvalid()).isTrue();
        assertThat(view.endDate.isInvalid()).isFalse();
        assertThat(requestCount()).isEqualTo(before);
        assertThat(view.submit.isEnabled()).as("the user can correct and submit again").isTrue();

        view.justification.setValue("Corrected: I need it for the tender documents.");
        assertThat(view.justification.isInvalid()).as("a corrected field loses its error").isFalse();
    }

    @Test
    void a_paid_licence_is_submitted_and_shown_awaiting_approval_in_dutch() {
        KaribuSupport.openAs("emma", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(SoftwareRequestView.class);
        SoftwareRequestView view = _get(SoftwareRequestView.class);

        view.software.setValue(option(view, "IntelliJ IDEA Ultimate"));
        assertThat(view.approvalHint.isVisible()).isTrue();
        assertThat(view.approvalHint.getText()).isEqualTo("Deze aanvraag gaat ter goedkeuring naar uw manager.");
        view.justification.setValue("Ik ontwikkel het Loket en heb een Java-IDE nodig.");
        _click(view.submit);

        RequestDetailView detail = _get(RequestDetailView.class);
        StatusBadge status = _get(detail, StatusBadge.class, spec -> spec.withId("request-status"));
        assertThat(status.getElement().getAttribute("data-status")).isEqualTo(RequestStatus.AWAITING_APPROVAL.name());
        assertThat(status.getText()).isEqualTo("Wacht op goedkeuring");
    }

    @Test
    void free_software_tells_the_requester_it_is_granted_at_once() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(SoftwareRequestView.class);
        SoftwareRequestView view = _get(SoftwareRequestView.class);

        view.software.setValue(option(view, "LibreOffice"));
        assertThat(view.approvalHint.getText()).isEqualTo("This request will be granted automatically.");
        view.adminRights.setValue(true);
        assertThat(view.approvalHint.getText()).isEqualTo("This request will go to your manager for approval.");
    }

    private static SoftwareOption option(SoftwareRequestView view, String name) {
        return view.software.getListDataView().getItems().filter(o -> o.software().name().equals(name))
                .findFirst().orElseThrow();
    }

    private long requestCount() {
        return jdbc.sql("select count(*) from service_request").query(Long.class).single();
    }
}
