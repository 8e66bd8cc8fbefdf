package nl.loket.notification.ui;

import nl.loket.notification.NotificationService;
import nl.loket.ui.NavigationBadge;
import org.springframework.stereotype.Component;

/** The number of unread notifications on the bell and next to "Notifications". */
@Component
class UnreadNotificationsBadge implements NavigationBadge {

    private final NotificationService notifications;

    UnreadNotificationsBadge(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public String path() {
        return NotificationsView.PATH;
    }

    @Override
    public int count() {
        return notifications.unreadCount();
    }
}
