package nl.loket.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A figure read from the database when it is asked for (a Prometheus scrape) and then reused for a few seconds, so
 * that several gauges of one read, and several scrapers, cost one query; nothing is read while nobody scrapes.
 * What a node reports is the database's truth of at most {@code period} ago, the same on every node.
 *
 * @param <T> what one read answers, e.g. counts by status
 */
public final class PeriodicRead<T> {

    private final Supplier<T> read;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private T value;
    private long readAt;

    public PeriodicRead(Supplier<T> read, Duration period) {
        this(read, period, System::nanoTime);
    }

    PeriodicRead(Supplier<T> read, Duration period, LongSupplier nanoTime) {
        this.read = read;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The last read if it is younger than the period, else a new one. */
    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (value == null || now - readAt >= periodNanos) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
