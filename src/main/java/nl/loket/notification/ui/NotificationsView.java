package nl.loket.notification.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.loket.notification.NotificationPreferences;
import nl.loket.notification.NotificationService;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** The user's in-app notifications, newest first; opening the page marks them read. */
@Route(value = NotificationsView.PATH, layout = MainLayout.class)
@Menu(title = "nav.notifications", order = 4, icon = "vaadin:bell")
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "notifications";

    final VerticalLayout list = new VerticalLayout();
    final Map<String, Checkbox> emailChoices = new LinkedHashMap<>();

    public NotificationsView(NotificationService notifications, NotificationPreferences preferences) {
        addClassName("loket-page");
        List<nl.loket.notification.Notification> mine = notifications.mine();
        list.setPadding(false);
        list.setId("notifications");
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notifications.empty"));
            empty.addClassNames(LumoUtility.TextColor.SECONDARY);
            list.add(empty);
        }
        mine.forEach(n -> list.add(card(n)));
        add(new PageHeading(getTranslation("notifications.title")), settings(preferences), list);
        // shown once as unread (highlighted), then read: the bell's count drops as in any mail client
        notifications.markAllRead();
    }

    /** Per kind: e-mail on or off; saved at once. */
    private Details settings(NotificationPreferences preferences) {
        Div choices = new Div();
        preferences.mine().forEach((kind, email) -> {
            Checkbox choice = new Checkbox(getTranslation("notification.kind." + kind.substring(kind.indexOf('.') + 1)),
                    email);
            choice.setId("email-" + kind.substring(kind.indexOf('.') + 1));
            choice.addValueChangeListener(e -> {
                preferences.setEmail(kind, e.getValue());
                Notification.show(getTranslation("notification.settings.saved"), 2500,
                        Notification.Position.BOTTOM_END);
            });
            emailChoices.put(kind, choice);
            choices.add(new Div(choice));
        });
        Details settings = new Details(getTranslation("notification.settings"), choices);
        settings.setId("notification-settings");
        settings.addClassName("loket-card");
        settings.setWidthFull();
        return settings;
    }

    private Div card(nl.loket.notification.Notification notification) {
        Div card = new Div();
        card.addClassName("loket-card");
        card.setWidthFull();
        if (!notification.isRead()) {
            card.addClassName("loket-unread");
        }
        Span text = new Span(getTranslation(notification.messageKey(), notification.arguments().toArray()));
        Span when = new Span(Formats.dateTime(notification.createdAt(), getLocale()));
        when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        card.add(new Div(text), new Div(when));
        if (notification.requestNumber() == null
                && NotificationService.FOR_ENVIRONMENT_OWNERS.contains(notification.messageKey())) {
            card.add(new Div(new Anchor("environments", getTranslation("nav.environments"))));
        } else if (notification.requestNumber() != null) {
            boolean forApprover = NotificationService.FOR_TASK_HOLDERS.contains(notification.messageKey());
            boolean forOwner = NotificationService.FOR_ENVIRONMENT_OWNERS.contains(notification.messageKey());
            Anchor open = new Anchor(forApprover ? "inbox" : forOwner ? "environments"
                    : "requests/" + notification.requestNumber(), notification.requestNumber());
            card.add(new Div(open));
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " | Loket";
    }
}
