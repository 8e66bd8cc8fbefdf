package nl.loket.housekeeping;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps Loket's own tables from growing without bound: removes what is past its retention. Idempotent, so a
 * second run (a retried job) removes nothing more. The engine's history has its own cleanup (operations.md).
 */
@Service
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    /** What one purge removed, per table. */
    public record Purged(int notifications, int sentMail, int failedMail) {
    }

    private final JdbcClient jdbc;
    private final RetentionProperties retention;
    private final Clock clock;

    RetentionService(JdbcClient jdbc, RetentionProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Transactional
    public Purged purge() {
        Instant now = clock.instant();
        int notifications = jdbc.sql("delete from notification where created_at < ?")
                .param(utc(now.minus(retention.notifications()))).update();
        // sent, or only logged where no SMTP server is configured
        int sent = jdbc.sql("delete from mail_outbox where status in ('SENT', 'LOGGED') and sent_at < ?")
                .param(utc(now.minus(retention.sentMail()))).update();
        int failed = jdbc.sql("delete from mail_outbox where status = 'FAILED' and created_at < ?")
                .param(utc(now.minus(retention.failedMail()))).update();
        log.info("Retention: removed {} notifications, {} sent and {} failed e-mails", notifications, sent, failed);
        return new Purged(notifications, sent, failed);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
