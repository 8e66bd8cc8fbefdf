package nl.loket.request;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import nl.loket.metrics.MetricsSettings;
import nl.loket.metrics.PeriodicRead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests for operators (docs/operations.md, "Metrics"): how many there are in each status, read from the
 * database (every node reports the same), and how many this node has had submitted since it started (a counter per
 * node, as Prometheus expects: {@code sum(rate(...))} adds the nodes up).
 */
@Component
class RequestMetrics {

    static final String BY_STATUS = "loket.requests";
    static final String SUBMITTED = "loket.requests.submitted";

    private final MeterRegistry registry;
    /** The registry finds a counter by its name and tags on every call: kept here, found once per type. */
    private final Map<String, Counter> submittedByType = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, JdbcClient jdbc, MetricsSettings settings) {
        this.registry = registry;
        PeriodicRead<Map<String, Long>> byStatus = settings.periodic(() -> jdbc
                .sql("select status, count(*) as n from service_request group by status")
                .query((rs, i) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (RequestStatus status : RequestStatus.values()) {
            Gauge.builder(BY_STATUS, byStatus, read -> read.get().getOrDefault(status.name(), 0L))
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    // the registry holds gauges' objects weakly: this one would be collected, and read NaN
                    .strongReference(true)
                    .description("Requests in this status (all nodes, from the database)")
                    .register(registry);
        }
    }

    /** Counts a new request once its transaction has committed: a submit that rolls back was not submitted. */
    void submitted(String type) {
        Counter counter = submittedByType.computeIfAbsent(type, key -> Counter.builder(SUBMITTED).tag("type", key)
                .description("Requests submitted on this node since it started").register(registry));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
