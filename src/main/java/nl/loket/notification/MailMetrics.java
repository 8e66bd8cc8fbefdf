package nl.loket.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import nl.loket.metrics.MetricsSettings;
import nl.loket.metrics.PeriodicRead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox for operators (docs/operations.md, "Metrics"): mails waiting to be sent (or retried) and mails given
 * up on, read from the database with one query (the outbox's status index), the same on every node.
 */
@Component
class MailMetrics {

    static final String OUTBOX = "loket.mail.outbox";
    private static final List<String> STATUSES = List.of(MailOutbox.PENDING, MailDispatcher.FAILED);

    MailMetrics(MeterRegistry registry, JdbcClient jdbc, MetricsSettings settings) {
        PeriodicRead<Map<String, Long>> byStatus = settings.periodic(() -> jdbc
                .sql("select status, count(*) as n from mail_outbox where status in (?, ?) group by status")
                .params(STATUSES)
                .query((rs, i) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (String status : STATUSES) {
            Gauge.builder(OUTBOX, byStatus, read -> read.get().getOrDefault(status, 0L))
                    .tag("status", status.toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .description("Mails in the outbox in this status (all nodes, from the database)")
                    .register(registry);
        }
    }
}
