package nl.loket.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class TimeLimitedHealthIndicatorTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_check_that_does_not_answer_is_down_and_no_second_one_is_started_meanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        TimeLimitedHealthIndicator health = new TimeLimitedHealthIndicator(() -> {
            started.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up().build();
        }, Duration.ofMillis(200));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getStatus()).as("still hanging").isEqualTo(Status.DOWN);
        assertThat(started).as("the hanging check is waited for, not started again").hasValue(1);

        release.countDown();
        assertThat(health.health().getStatus()).as("up again by itself").isEqualTo(Status.UP);
    }

    @Test
    void a_failing_check_is_down() {
        TimeLimitedHealthIndicator health = new TimeLimitedHealthIndicator(() -> {
            throw new IllegalStateException("connection refused");
        }, Duration.ofSeconds(1));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
