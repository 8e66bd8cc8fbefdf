package nl.loket.housekeeping;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long Loket keeps rows of its own tables that grow with use (configuration.md, "Retention").
 *
 * @param notifications a notification, from when it was made (read or not)
 * @param sentMail      an e-mail in the outbox once it was sent
 * @param failedMail    an e-mail that could not be sent, for the admins to look at and resend
 */
@ConfigurationProperties("loket.retention")
public record RetentionProperties(Duration notifications, Duration sentMail, Duration failedMail) {

    public RetentionProperties {
        notifications = notifications == null ? Duration.ofDays(180) : notifications;
        sentMail = sentMail == null ? Duration.ofDays(30) : sentMail;
        failedMail = failedMail == null ? Duration.ofDays(90) : failedMail;
    }
}
