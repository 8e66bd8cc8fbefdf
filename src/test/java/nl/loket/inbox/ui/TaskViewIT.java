package nl.loket.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import nl.loket.access.SoftwareAccessProcess;
import nl.loket.forms.FormField;
import nl.loket.request.ui.RequestDetailView;
import nl.loket.request.ui.StatusBadge;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestProcesses;
import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;

/** The approver's inbox and task view as mark uses them, without a browser. */
@LoketIntegrationTest
class TaskViewIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired RequestService requests;
    @Autowired InboxService inboxService;
    @Autowired TestProcesses processes;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void mark_approves_emmas_request_from_his_inbox() {
        Request request = emmaRequests("Microsoft Visio");
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = _get(InboxView.class);
        InboxItem item = inbox.grid.getGenericDataView().getItems()
                .filter(i -> i.request().number().equals(request.number())).findFirst().orElseThrow();

        inbox.open(item);
        TaskView task = _get(TaskView.class);
        assertThat(_get(task, nl.loket.request.ui.TimelineList.class).getChildren()
                .map(li -> ((com.vaadin.flow.component.HasText) li.getChildren().findFirst().orElseThrow()).getText()))
                .as("the request's timeline on the task page")
                .containsSubsequence("Request submitted", "Approve software access");
        _click(task.approve);

        _get(InboxView.class);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
    }

    @Test
    void rejecting_needs_a_reason_which_reaches_the_request() {
        Request request = emmaRequests("Adobe Acrobat Pro");
        String taskId = taskOf(request);
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", taskId));
        TaskView task = _get(TaskView.class);

        _click(task.reject);
        _click(task.rejectDialog.confirm);
        assertThat(task.rejectDialog.reason.isInvalid()).isTrue();
        assertThat(task.rejectDialog.reason.getErrorMessage()).isEqualTo("Please give a reason for the rejection.");
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);

        task.rejectDialog.reason.setValue("We have a site licence for another PDF editor.");
        _click(task.rejectDialog.confirm);
        _get(InboxView.class);
        // the rejection is recorded by an async step; the decision itself is in the engine now
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
    }

    @Test
    void a_task_that_is_not_yours_shows_a_plain_message() {
        String taskId = taskOf(emmaRequests("Microsoft Visio"));
        KaribuSupport.openAs("frank", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", taskId));
        TaskView task = _get(TaskView.class);
        assertThat(_get(task, com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withId("task-not-available")).getText())
                .isEqualTo("This task does not exist, is already done, or is not yours.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void frank_installs_emmas_software_with_the_fulfil_form_in_dutch_and_she_reads_what_he_did() {
        Request request = emmaRequests("QGIS");
        KaribuSupport.openAs("frank", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = _get(InboxView.class);
        inbox.open(inbox.grid.getGenericDataView().getItems()
                .filter(i -> i.request().number().equals(request.number())).findFirst().orElseThrow());
        TaskView task = _get(TaskView.class);
        assertThat(_get(task, nl.loket.ui.PageHeading.class, spec -> spec.withId("task-heading")).getText())
                .isEqualTo("Software installeren");
        assertThat(_find(task, com.vaadin.flow.component.html.Span.class).stream().map(Span::getText))
                .as("what emma asked, as an approver sees it").contains("QGIS", "Installatie door IT");
        assertThat(task.approve.isAttached()).as("its own form, no approve/reject").isFalse();

        var outcome = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<FormField.Option>)
                task.form.input(SoftwareAccessProcess.FULFILLED.name());
        assertThat(outcome.getLabel()).isEqualTo("Uitkomst");
        outcome.setValue(outcome.getGenericDataView().getItems().filter(o -> Boolean.TRUE.equals(o.value()))
                .findFirst().orElseThrow());
        ((com.vaadin.flow.component.textfield.TextArea) task.form.input(SoftwareAccessProcess.FULFILMENT_DONE.name()))
                .setValue("QGIS 3.40 geïnstalleerd op LT-0042");
        ((com.vaadin.flow.component.textfield.TextArea) task.form.input(SoftwareAccessProcess.FULFILMENT_NOTE.name()))
                .setValue("U vindt QGIS in het Startmenu.");
        _click(task.complete);
        _get(InboxView.class);
        processes.executeJobsOf(request.processInstanceId());

        KaribuSupport.close();
        KaribuSupport.openAs("emma", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("number", request.number()));
        RequestDetailView detail = _get(RequestDetailView.class);
        assertThat(_get(detail, StatusBadge.class, spec -> spec.withId("request-status")).getText())
                .isEqualTo("Afgehandeld");
        assertThat(_find(detail, Span.class).stream().map(Span::getText))
                .contains("Wat IT heeft gedaan", "QGIS 3.40 geïnstalleerd op LT-0042", "Bericht van IT",
                        "U vindt QGIS in het Startmenu.", "Software installeren");
    }

    private Request emmaRequests(String software) {
        users.loginAs("emma");
        Request request = softwareRequests.submit(SoftwareRequests.form(softwareRequests.softwareId(software),
                "Needed for the tender documents.", false, LocalDate.now().plusMonths(3)));
        TestUsers.logout();
        return request;
    }

    private String taskOf(Request request) {
        users.loginAs("mark");
        try {
            return inboxService.myTasks().stream().filter(t -> t.request().number().equals(request.number()))
                    .findFirst().orElseThrow().taskId();
        } finally {
            TestUsers.logout();
        }
    }
}
