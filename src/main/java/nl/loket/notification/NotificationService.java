package nl.loket.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import nl.loket.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-app notifications: written by processes, read by their recipient only. */
@Service
public class NotificationService {

    public static final String SUBMITTED = "notification.submitted";
    public static final String APPROVAL_NEEDED = "notification.approval-needed";
    public static final String APPROVED = "notification.approved";
    public static final String REJECTED = "notification.rejected";
    public static final String FULFILLED = "notification.fulfilled";
    /** To the requester: whoever had to fulfil their request could not, and why. */
    public static final String NOT_FULFILLED = "notification.not-fulfilled";
    public static final String TASK_ASSIGNED = "notification.task-assigned";
    public static final String REMINDER = "notification.reminder";
    public static final String ESCALATED = "notification.escalated";
    /** To the requester: a comment from whoever works on their request. */
    public static final String COMMENTED = "notification.comment";
    /** To the requester: a question they must answer before their request goes on. */
    public static final String QUESTION = "notification.question";
    /** To whoever has the request's task: the requester commented. */
    public static final String REQUESTER_COMMENTED = "notification.requester-comment";
    /** To whoever has the request's task: the requester answered their question. */
    public static final String ANSWERED = "notification.answered";
    /** To an environment's owner: it is ready (with where to find it). */
    public static final String ENVIRONMENT_READY = "notification.environment-ready";
    /** To an environment's owner: its lease ends soon; extend or let it go. */
    public static final String LEASE_REMINDER = "notification.lease-reminder";
    /** To an environment's owner: its lease ended, it is stopped and will be deleted after the grace period. */
    public static final String LEASE_EXPIRED = "notification.lease-expired";
    public static final String ENVIRONMENT_DELETED = "notification.environment-deleted";
    /** To an owner on Friday afternoon: these environments of yours still run; stop them for the weekend? */
    public static final String FRIDAY_NUDGE = "notification.friday-nudge";
    /** Kinds about an environment, whose link leads to the owner's environments. */
    public static final List<String> FOR_ENVIRONMENT_OWNERS = List.of(ENVIRONMENT_READY, LEASE_REMINDER, LEASE_EXPIRED,
            ENVIRONMENT_DELETED, FRIDAY_NUDGE);
    /** Kinds that go to whoever has to act, whose link leads to the inbox rather than the request. */
    public static final List<String> FOR_TASK_HOLDERS = List.of(APPROVAL_NEEDED, TASK_ASSIGNED, REMINDER, ESCALATED,
            REQUESTER_COMMENTED, ANSWERED);
    /** Every kind, in the order the settings show them; each has in-app texts and mail templates (NL, EN). */
    public static final List<String> KINDS = List.of(SUBMITTED, APPROVAL_NEEDED, TASK_ASSIGNED, REMINDER, ESCALATED,
            REQUESTER_COMMENTED, ANSWERED, QUESTION, COMMENTED, APPROVED, REJECTED, FULFILLED, NOT_FULFILLED,
            ENVIRONMENT_READY, LEASE_REMINDER, LEASE_EXPIRED, ENVIRONMENT_DELETED, FRIDAY_NUDGE);

    private static final String SEPARATOR = "\u001F";
    /**
     * A notification points to its request, where the whole text is: an argument (a comment, a reason) is kept to
     * this many characters, so that the longest text the portal accepts fits the table (message_args, 1,000).
     */
    static final int ARGUMENT_MAX_LENGTH = 200;
    private static final int LIMIT = 100;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final MailOutbox mail;

    NotificationService(JdbcClient jdbc, CurrentUser currentUser, Clock clock, MailOutbox mail) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * An in-app notification and, unless the recipient turned that kind off, an e-mail (sent later from the
     * outbox, so that mail can never break the step that notifies).
     */
    @Transactional
    public void notify(String recipient, String requestNumber, String messageKey, String... arguments) {
        jdbc.sql("""
                insert into notification (recipient, request_number, message_key, message_args, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(recipient, requestNumber, messageKey, String.join(SEPARATOR,
                        java.util.Arrays.stream(arguments).map(NotificationService::shortened).toList()), now())
                .update();
        mail.enqueue(recipient, requestNumber, messageKey, arguments);
    }

    private static String shortened(String argument) {
        if (argument == null) {
            return "";
        }
        String text = argument.replace(SEPARATOR, " ");
        return text.length() <= ARGUMENT_MAX_LENGTH ? text
                : text.substring(0, ARGUMENT_MAX_LENGTH - 1).stripTrailing() + "…";
    }

    /** Whether the recipient got a notification of this kind since a moment (to send a reminder once). */
    public boolean sentSince(String recipient, String kind, java.time.Instant since) {
        return jdbc.sql("select count(*) from notification where recipient = ? and message_key = ? and created_at >= ?")
                .params(recipient, kind, since.atOffset(ZoneOffset.UTC)).query(Integer.class).single() > 0;
    }

    /** The current user's latest notifications, newest first. */
    public List<Notification> mine() {
        return jdbc.sql("""
                select id, recipient, request_number, message_key, message_args, created_at, read_at
                from notification where recipient = ? order by created_at desc, id desc
                fetch first ? rows only""")
                .params(currentUser.username(), LIMIT)
                .query(NotificationService::map).list();
    }

    public int unreadCount() {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
                .param(currentUser.username()).query(Integer.class).single();
    }

    @Transactional
    public void markAllRead() {
        jdbc.sql("update notification set read_at = ? where recipient = ? and read_at is null")
                .params(now(), currentUser.username()).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        String args = rs.getString("message_args");
        OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
        return new Notification(rs.getLong("id"), rs.getString("recipient"), rs.getString("request_number"),
                rs.getString("message_key"),
                args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}
