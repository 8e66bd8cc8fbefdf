package nl.loket.notification;

import java.time.Instant;
import java.util.List;

/** An in-app message to one user. The text is a message key with arguments, rendered in the reader's language. */
public record Notification(long id, String recipient, String requestNumber, String messageKey, List<String> arguments,
                           Instant createdAt, Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }
}
