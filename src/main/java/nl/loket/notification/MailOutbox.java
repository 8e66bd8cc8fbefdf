package nl.loket.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Writes an e-mail for a notification into the outbox, in the recipient's language, in the caller's transaction:
 * if the step that notifies is rolled back, so is its mail. {@link MailDispatcher} sends it later.
 */
@Component
class MailOutbox {

    static final String PENDING = "PENDING";

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient jdbc;
    private final UserAccountService users;
    private final I18NProvider texts;
    private final Clock clock;
    private final String baseUrl;

    MailOutbox(JdbcClient jdbc, UserAccountService users, I18NProvider texts,
               Clock clock, @Value("${loket.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void enqueue(String recipient, String requestNumber, String kind, String... arguments) {
        UserAccount account = users.find(recipient).orElse(null);
        if (account == null || account.email() == null || account.email().isBlank()) {
            log.debug("No e-mail for {}: no address", recipient);
            return;
        }
        Locale language = users.language(recipient);
        String name = kind.substring(kind.indexOf('.') + 1);
        List<Object> bodyArguments = new ArrayList<>(List.of((Object[]) arguments));
        bodyArguments.add(0, account.displayName());
        String subject = texts.getTranslation("mail." + name + ".subject", language, (Object[]) arguments);
        String body = texts.getTranslation("mail." + name + ".body", language, bodyArguments.toArray())
                + "\n\n" + link(kind, requestNumber) + "\n\n" + texts.getTranslation("mail.footer", language);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // the recipient's setting for this kind is checked by the insert itself: one statement per mail, not two
        int queued = jdbc.sql("""
                insert into mail_outbox (recipient, address, kind, subject, body, status, attempts, next_attempt_at,
                                         created_at)
                select ?, ?, ?, ?, ?, ?, 0, ?, ?
                where not exists (select 1 from notification_preference
                                  where username = ? and kind = ? and email = false)""")
                .params(recipient, account.email(), kind, truncate(subject, 300), truncate(body, 8000), PENDING, now, now,
                        recipient, kind)
                .update();
        if (queued == 0) {
            log.debug("No e-mail for {}: {} is off in their settings", recipient, kind);
        }
    }

    /** Straight into the portal: the approver to their inbox, the requester to the request. */
    private String link(String kind, String requestNumber) {
        if (NotificationService.FOR_ENVIRONMENT_OWNERS.contains(kind)) {
            return baseUrl + "/environments";
        }
        if (NotificationService.FOR_TASK_HOLDERS.contains(kind) || requestNumber == null) {
            return baseUrl + "/inbox";
        }
        return baseUrl + "/requests/" + requestNumber;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
