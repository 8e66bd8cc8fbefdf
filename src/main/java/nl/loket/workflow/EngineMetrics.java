package nl.loket.workflow;

import nl.loket.metrics.MetricsSettings;
import nl.loket.metrics.PeriodicRead;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's figures for operators (docs/operations.md, "Metrics"), counted in its shared tables (so every node
 * reports the same): open incidents, jobs whose retries have run out, and jobs due now that no job executor has
 * taken yet (a growing figure means the executors fall behind). Three count queries per read.
 */
@Component
class EngineMetrics {

    static final String INCIDENTS = "loket.camunda.incidents.open";
    static final String JOBS_NO_RETRIES = "loket.camunda.jobs.without.retries";
    static final String JOBS_DUE = "loket.camunda.jobs.due";

    record Figures(long incidents, long noRetries, long due) {
    }

    EngineMetrics(MeterRegistry registry, RuntimeService runtime, ManagementService management,
                  MetricsSettings settings) {
        PeriodicRead<Figures> figures = settings.periodic(() -> new Figures(
                runtime.createIncidentQuery().count(),
                management.createJobQuery().noRetriesLeft().count(),
                management.createJobQuery().executable().count()));
        Gauge.builder(INCIDENTS, figures, read -> read.get().incidents())
                .strongReference(true)
                .description("Open incidents in the engine (all nodes)").register(registry);
        Gauge.builder(JOBS_NO_RETRIES, figures, read -> read.get().noRetries())
                .strongReference(true)
                .description("Jobs whose retries have run out (all nodes)").register(registry);
        Gauge.builder(JOBS_DUE, figures, read -> read.get().due())
                .strongReference(true)
                .description("Jobs due to run now, waiting for a job executor (all nodes)").register(registry);
    }
}
