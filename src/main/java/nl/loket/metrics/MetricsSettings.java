package nl.loket.metrics;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long a figure read from the database is reused ({@code loket.metrics.read-interval}, default 5 s). */
@Component
public class MetricsSettings {

    private final Duration readInterval;

    MetricsSettings(@Value("${loket.metrics.read-interval:PT5S}") Duration readInterval) {
        this.readInterval = readInterval;
    }

    public <T> PeriodicRead<T> periodic(java.util.function.Supplier<T> read) {
        return new PeriodicRead<>(read, readInterval);
    }
}
