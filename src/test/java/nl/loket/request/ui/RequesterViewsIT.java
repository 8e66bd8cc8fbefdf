package nl.loket.request.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;

/** The requester's side without a browser: where a request stands in words, filters, and withdrawing. */
@LoketIntegrationTest
class RequesterViewsIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired SoftwareRequests software;
    @Autowired RequestService requests;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void emma_sees_who_has_her_request_and_withdraws_it_in_dutch(@Autowired nl.loket.inbox.InboxService inbox) {
        Request request = software.submitAs("emma", "Microsoft Visio");
        java.time.Instant due = dueOfApproval(inbox, request);
        Locale dutch = Locale.forLanguageTag("nl");
        assertThat(due).as("the model sets the approval's due date: after the usual 4 hours")
                .isAfter(request.createdAt().plus(java.time.Duration.ofHours(4)));
        KaribuSupport.openAs("emma", users, context, dutch);
        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("number", request.number()));
        RequestDetailView view = _get(RequestDetailView.class);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("current-step")).getText())
                .isEqualTo("Wacht op Mark de Vries: Softwaretoegang goedkeuren, sinds vandaag, uiterlijk "
                        + nl.loket.ui.Formats.date(due, dutch));
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("expected")).getText())
                .as("not before the approval is due").isEqualTo("Naar verwachting klaar op "
                        + nl.loket.ui.Formats.dateTime(due, dutch));
        nl.loket.support.EngineTime.set(due.plus(java.time.Duration.ofHours(1)));
        try {
            UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("number", request.number()));
            RequestDetailView late = _get(RequestDetailView.class);
            assertThat(_get(late, Paragraph.class, spec -> spec.withId("expected")).getText())
                    .as("past the expected time: no date in the past").isEqualTo("Duurt langer dan de gebruikelijke 4 uur");
            assertThat(_get(late, Paragraph.class, spec -> spec.withId("current-step")).getText())
                    .endsWith(", over tijd sinds " + nl.loket.ui.Formats.date(due, dutch));
        } finally {
            nl.loket.support.EngineTime.reset();
        }
        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("number", request.number()));
        view = _get(RequestDetailView.class);

        _click(view.withdraw);
        view.withdrawReason.setValue("Niet meer nodig");
        _click(view.confirmWithdraw);

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.WITHDRAWN);
        RequestDetailView after = _get(RequestDetailView.class);
        assertThat(_get(after, StatusBadge.class, spec -> spec.withId("request-status")).getText())
                .isEqualTo("Ingetrokken");
        assertThat(after.withdraw.isAttached()).as("no withdraw button on a closed request").isFalse();
        String timeline = _get(after, TimelineList.class).getElement().getTextRecursively();
        assertThat(timeline).as("the approval was never made: cancelled, not 'by Mark de Vries'")
                .contains("Softwaretoegang goedkeuren", "geannuleerd, niet gedaan", "Ingetrokken", "door Emma Jansen",
                        "Niet meer nodig")
                .doesNotContain("door Mark de Vries");
    }

    /** When the approval of this request is due, as the approver's inbox shows it. */
    private java.time.Instant dueOfApproval(nl.loket.inbox.InboxService inbox, Request request) {
        users.loginAs("mark");
        try {
            return inbox.page(nl.loket.inbox.InboxFilter.all(), 0, 200).stream()
                    .filter(i -> i.request().number().equals(request.number())).findFirst().orElseThrow().due();
        } finally {
            TestUsers.logout();
        }
    }

    @Test
    void emma_answers_a_question_on_her_request_page(@Autowired nl.loket.inbox.InboxService inbox) {
        Request request = software.submitAs("emma", "Microsoft Visio");
        users.loginAs("mark");
        String taskId = inbox.page(nl.loket.inbox.InboxFilter.all(), 0, 200).stream()
                .filter(i -> i.request().number().equals(request.number())).findFirst().orElseThrow().taskId();
        inbox.askRequester(taskId, "Voor welk project?");
        TestUsers.logout();

        KaribuSupport.openAs("emma", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("number", request.number()));
        RequestDetailView view = _get(RequestDetailView.class);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("current-step")).getText())
                .isEqualTo("Wacht op u: beantwoord de vraag hieronder.");
        _get(view, Paragraph.class, spec -> spec.withId("question-open"));
        _click(_get(view.comments, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("comment-send")));
        assertThat(view.comments.text.isInvalid()).as("an empty answer is refused").isTrue();

        view.comments.text.setValue("Het Loket-project.");
        _click(_get(view.comments, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("comment-send")));

        RequestDetailView after = _get(RequestDetailView.class);
        assertThat(_get(after, Paragraph.class, spec -> spec.withId("current-step")).getText())
                .startsWith("Wacht op Mark de Vries");
        assertThat(requests.myRequest(request.number()).orElseThrow().questionOpen()).isFalse();
    }

    @Test
    void my_requests_filter_by_status_and_show_the_current_step() {
        Request open = software.submitAs("emma", "Adobe Acrobat Pro");
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        MyRequestsView view = _get(MyRequestsView.class);

        view.status.setValue(MyRequestsView.Shown.OPEN);
        assertThat(view.grid.getListDataView().getItems()).isNotEmpty()
                .allMatch(r -> !r.status().isClosed()).anyMatch(r -> r.number().equals(open.number()));
        view.status.setValue(MyRequestsView.Shown.CLOSED);
        assertThat(view.grid.getListDataView().getItems()).allMatch(r -> r.status().isClosed())
                .noneMatch(r -> r.number().equals(open.number()));
        view.status.setValue(MyRequestsView.Shown.ALL);
        view.period.setValue(MyRequestsView.Period.LAST_30_DAYS);
        assertThat(view.grid.getListDataView().getItems()).anyMatch(r -> r.number().equals(open.number()));
        view.type.setValue("no-such-type");
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.empty.getText()).isEqualTo("None of your requests match these filters.");
    }

}
