package nl.loket.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends what is due in the outbox, apart from any process step. Without an SMTP server configured
 * ({@code spring.mail.host}) a mail is written to the log and kept in the outbox for admins to read. A failure is
 * retried after 1, 5, 30 and 120 minutes, then the mail is marked failed (and stays visible to admins).
 */
@Service
public class MailDispatcher {

    static final String SENT = "SENT";
    static final String LOGGED = "LOGGED";
    static final String FAILED = "FAILED";
    static final List<Duration> RETRY_AFTER = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofMinutes(120));
    private static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Clock clock;
    private final String from;

    MailDispatcher(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp, Clock clock,
                   @Value("${loket.mail.from:loket@localhost}") String from) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.clock = clock;
        this.from = from;
    }

    private record Due(long id, String address, String subject, String body, int attempts, OffsetDateTime createdAt) {
    }

    /** Sends every mail that is due (a batch); returns how many were handled (sent, logged or failed). */
    public int dispatchDue() {
        return dispatchDueWithin(Duration.ofDays(1));
    }

    /**
     * Sends what is due, taking no new mail once {@code round} has passed (the rest waits for the next round);
     * returns how many were handled.
     */
    public int dispatchDueWithin(Duration round) {
        long started = System.nanoTime();
        List<Due> due = jdbc.sql("""
                select id, address, subject, body, attempts, created_at from mail_outbox
                where status = ? and next_attempt_at <= ? order by id fetch first ? rows only""")
                .params(MailOutbox.PENDING, now(), BATCH)
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
                        rs.getString("body"), rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        int handled = 0;
        for (Due mail : due) {
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(round) > 0) {
                log.warn("Mail round ended after {} of {} mails ({} passed); the rest goes in the next round",
                        handled, due.size(), round);
                break;
            }
            send(mail);
            handled++;
        }
        return handled;
    }

    private void send(Due mail) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            log.info("E-mail (no SMTP server configured, kept in the outbox) to {}: {}", mail.address(), mail.subject());
            mark(mail.id(), LOGGED, mail.attempts() + 1, null, null);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mime = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            mime.setFrom(from);
            mime.setTo(mail.address());
            mime.setSubject(mail.subject());
            mime.setText(mail.body());
            // the same for every attempt: a mail sent again after a crash (sent, but not yet marked sent) is
            // recognisably the same mail, which mail clients drop (docs/reliability.md)
            message.setHeader("Message-ID", messageId(mail));
            sender.send(message);
            mark(mail.id(), SENT, mail.attempts() + 1, null, null);
        } catch (MailException | MessagingException e) {
            int attempts = mail.attempts() + 1;
            boolean giveUp = attempts > RETRY_AFTER.size();
            log.error("E-mail {} to {} failed (attempt {}{}): {}", mail.id(), mail.address(), attempts,
                    giveUp ? ", giving up" : "", e.getMessage());
            mark(mail.id(), giveUp ? FAILED : MailOutbox.PENDING, attempts,
                    giveUp ? null : now().plus(RETRY_AFTER.get(attempts - 1)), e.getMessage());
        }
    }

    /** A Message-ID of this outbox row's own: {@code <loket.<id>.<created, epoch ms>@<the sender's domain>>}. */
    private String messageId(Due mail) {
        String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
        return "<loket." + mail.id() + "." + mail.createdAt().toInstant().toEpochMilli() + "@"
                + (domain.isEmpty() || domain.equals(from) ? "localhost" : domain) + ">";
    }

    private void mark(long id, String status, int attempts, OffsetDateTime nextAttempt, String error) {
        jdbc.sql("""
                update mail_outbox set status = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at),
                       last_error = ?, sent_at = ? where id = ?""")
                .params(status, attempts, nextAttempt, error == null ? null : error.substring(0, Math.min(1000, error.length())),
                        SENT.equals(status) || LOGGED.equals(status) ? now() : null, id)
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
