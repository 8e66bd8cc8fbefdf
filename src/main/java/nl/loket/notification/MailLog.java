package nl.loket.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import nl.loket.security.CurrentUser;
import nl.loket.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The outbox as process admins see it: what was sent, logged (no SMTP server), waiting or failed. */
@Service
public class MailLog {

    private static final int LIMIT = 200;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    MailLog(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** One mail in the outbox. */
    public record Mail(long id, String address, String subject, String body, String status, int attempts,
                       String lastError, Instant created, Instant sent) {
    }

    /** The latest mails, newest first; process admins only. */
    public List<Mail> recent() {
        if (!currentUser.hasRole(Roles.PROCESS_ADMIN)) {
            throw new AccessDeniedException("Only process admins read the mail outbox");
        }
        return jdbc.sql("""
                select id, address, subject, body, status, attempts, last_error, created_at, sent_at from mail_outbox
                order by created_at desc, id desc fetch first ? rows only""").param(LIMIT)
                .query((rs, i) -> {
                    OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
                    return new Mail(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
                            rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
                            rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            sent == null ? null : sent.toInstant());
                }).list();
    }
}
