package nl.loket.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import nl.loket.inbox.InboxService;
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
class TaskViewRedrawIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired RequestService requests;
    @Autowired InboxService inbox;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void an_approval_after_a_comment_redrew_the_task_page_is_made_once() {
        Request request = softwareRequests.submitAs("emma", "Microsoft Visio");
        String taskId = taskOf(request);
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", taskId));
        comment(_get(TaskView.class), "Checking the licence pool first.");
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", taskId));
        NotificationsKt.clearNotifications();

        _click(_get(TaskView.class).approve);

        assertThat(KaribuSupport.notificationTexts()).as("one approval, no second try on a task that is gone")
                .containsExactly("Request " + request.number() + " approved.");
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
    }

    @Test
    void a_hand_over_dialog_opened_twice_hands_over_once() {
        Request request = softwareRequests.submitAs("emma", "Microsoft Visio");
        String taskId = taskOf(request);
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", taskId));
        TaskView view = _get(TaskView.class);
        _click(view.planning.handOver);
        _get(Dialog.class).close();
        _click(view.planning.handOver);
        var colleague = view.planning.colleague;
        colleague.setValue(colleague.getListDataView().getItems().findFirst().orElseThrow());
        NotificationsKt.clearNotifications();

        _click(view.planning.confirmHandOver);

        assertThat(KaribuSupport.notificationTexts()).as("one hand-over").hasSize(1);
    }

    private void comment(TaskView view, String text) {
        view.comments.text.setValue(text);
        _click(_get(view, Button.class, spec -> spec.withId("comment-send")));
    }

    private String taskOf(Request request) {
        users.loginAs("mark");
        try {
            return inbox.myTasks().stream().filter(t -> t.request().number().equals(request.number())).findFirst()
                    .orElseThrow().taskId();
        } finally {
            TestUsers.logout();
        }
    }
}
