package nl.loket.request.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.support.EquipmentLoan;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;


/**
 * Views that redraw themselves (after a comment, on entering the same page again, a dialog opened again) keep one
 * action per button: a click after a redraw acts once (issue 11, point 1). Each test redraws first, then acts once,
 * and counts what happened.
 */
@LoketIntegrationTest
class RequestViewsRedrawIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired RequestService requests;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void withdrawing_after_a_comment_and_a_second_look_opens_one_dialog_and_withdraws_once() {
        Request request = softwareRequests.submitAs("emma", "Adobe Acrobat Pro");
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        RouteParameters number = new RouteParameters("number", request.number());
        UI.getCurrent().navigate(RequestDetailView.class, number);
        RequestDetailView view = _get(RequestDetailView.class);
        view.comments.text.setValue("Is there an update?");
        _click(_get(view, Button.class, spec -> spec.withId("comment-send")));
        UI.getCurrent().navigate(RequestDetailView.class, number);
        view = _get(RequestDetailView.class);

        _click(view.withdraw);
        assertThat(_find(Dialog.class)).as("one dialog").hasSize(1);
        _get(Dialog.class).close();
        _click(view.withdraw);
        assertThat(_find(Dialog.class).stream().filter(Dialog::isOpened)).as("reopened: still one").hasSize(1);
        NotificationsKt.clearNotifications();
        _click(view.confirmWithdraw);

        assertThat(KaribuSupport.notificationTexts()).as("withdrawn once, no 'already closed' beside it")
                .containsExactly("Request " + request.number() + " is withdrawn.");
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_start_page_entered_twice_submits_one_request() {
        EquipmentLoan.deployOnce(repositoryService);
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        RouteParameters key = new RouteParameters("key", EquipmentLoan.KEY);
        UI.getCurrent().navigate(StartRequestView.class, key);
        UI.getCurrent().navigate(nl.loket.catalog.ui.CatalogView.class);
        UI.getCurrent().navigate(StartRequestView.class, key);
        UI.getCurrent().navigate(StartRequestView.class, key);
        StartRequestView view = _get(StartRequestView.class);
        Select<nl.loket.forms.FormField.Option> item = (Select<nl.loket.forms.FormField.Option>) view.form.input("item");
        item.setValue(item.getListDataView().getItems().findFirst().orElseThrow());
        ((BigDecimalField) view.form.input("days")).setValue(java.math.BigDecimal.valueOf(2));
        long before = rows();

        _click(view.submit);

        assertThat(rows()).as("one request").isEqualTo(before + 1);
    }

    private long rows() {
        return jdbc.sql("select count(*) from service_request").query(Long.class).single();
    }
}
