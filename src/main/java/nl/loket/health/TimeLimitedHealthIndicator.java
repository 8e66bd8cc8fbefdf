package nl.loket.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A health check that answers within a bound: DOWN when the check has not answered in time (a database that is
 * gone makes a connection wait out the pool's timeout, 30 seconds, and a load balancer needs an answer now). At most
 * one check runs at a time: health calls that come in meanwhile wait for that one, never start another.
 */
final class TimeLimitedHealthIndicator implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "loket-health-check");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    TimeLimitedHealthIndicator(HealthIndicator check, Duration timeout) {
        this.check = check;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<Health> answer = current();
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + timeout).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        }
    }

    private synchronized Future<Health> current() {
        if (running == null || running.isDone()) {
            running = executor.submit(check::health);
        }
        return running;
    }
}
