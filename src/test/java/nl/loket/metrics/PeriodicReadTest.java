package nl.loket.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PeriodicReadTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final PeriodicRead<Integer> figure = new PeriodicRead<>(reads::incrementAndGet, Duration.ofSeconds(5),
            nanos::get);

    @Test
    void nothing_is_read_until_asked() {
        assertThat(reads).hasValue(0);
    }

    @Test
    void asking_again_within_the_period_reuses_the_read() {
        assertThat(figure.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(figure.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void asking_after_the_period_reads_again() {
        figure.get();
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(figure.get()).isEqualTo(2);
    }
}
